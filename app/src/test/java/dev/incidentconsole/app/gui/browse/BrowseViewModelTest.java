package dev.incidentconsole.app.gui.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.search.SearchTestRunbooks;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Browse lists built from parsed runbooks, filtering, and opening entries; no screen. */
class BrowseViewModelTest {
    @TempDir
    static Path dir;
    private static List<Runbook> runbooks;

    private final List<SectionTarget> opened = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        runbooks = parseAll(SearchTestRunbooks.write(dir));
    }

    private static List<Runbook> parseAll(Path folder) throws IOException {
        RunbookParser parser = new RunbookParser();
        List<Runbook> parsed = new ArrayList<>();
        for (Path f : RunbookFiles.find(folder)) {
            parsed.add(parser.parse(f));
        }
        return parsed;
    }

    private BrowseViewModel model() {
        BrowseViewModel model = new BrowseViewModel();
        model.setOpener(opened::add);
        model.update(BrowseCatalog.of(runbooks));
        return model;
    }

    private static Optional<BrowseNode> named(List<BrowseNode> nodes, String title) {
        return nodes.stream().filter(n -> n.title().equals(title)).findFirst();
    }

    private static List<String> titles(List<BrowseNode> nodes) {
        return nodes.stream().map(BrowseNode::title).toList();
    }

    @Test
    void alertsFiringNowAreListedFirstAndOpenTheSectionThatAnswersThem() {
        BrowseViewModel model = model();
        Path redis = dir.resolve("redis.md");
        LinkedSection best = new LinkedSection("redis.md#Redis Runbook > Redis Refuses Connections", "Redis Refuses Connections",
                "Redis Runbook", "label service=\"cache\" names service Cache (mentions Redis)", true, redis.toString(), 3, "");
        LinkedSection web = new LinkedSection("https://wiki/x", "https://wiki/x", "", "runbook_url annotation; open it in the browser",
                false, "", 0, "https://wiki/x");
        FiringAlert cacheDown = new FiringAlert("CacheDown", "critical", Map.of("alertname", "CacheDown"), "", null, "f1");

        model.showFiring(List.of(FiringAlertNodes.of(cacheDown, "am", List.of(best, web)),
                FiringAlertNodes.of(new FiringAlert("Lonely", "", Map.of(), "", null, "f2"), "am", List.of())));

        BrowseNode group = model.alerts().get(0);
        assertThat(group.title()).isEqualTo("Firing now (2)");
        BrowseNode alert = group.children().get(0);
        assertThat(alert.title()).isEqualTo("CacheDown (critical)");
        assertThat(alert.detail()).contains("firing in am", "Redis Refuses Connections", "names service Cache");
        assertThat(alert.children()).extracting(BrowseNode::detail).containsExactly(best.why(), web.why());
        assertThat(model.open(alert)).isTrue();
        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.path()).containsExactly("Redis Runbook", "Redis Refuses Connections");
            assertThat(t.file()).isEqualTo(redis.toAbsolutePath().normalize());
        });
        assertThat(group.children().get(1).detail()).isEqualTo("firing in am; no runbook answers it");

        model.filterProperty().set("lonely");
        assertThat(titles(model.alerts().get(0).children())).containsExactly("Lonely");
        model.showFiring(List.of());
        model.filterProperty().set("");
        assertThat(titles(model.alerts())).noneMatch(t -> t.startsWith(FiringAlertNodes.GROUP));
    }

    @Test
    void componentsListTheRunbooksAndSectionsThatNameThem() {
        BrowseNode redis = named(model().components(), "Redis").orElseThrow();

        BrowseNode book = named(redis.children(), "Redis Runbook").orElseThrow();
        assertThat(titles(book.children())).contains("Redis Refuses Connections");
        assertThat(book.children()).allSatisfy(s -> assertThat(s.target().path()).isNotEmpty());
        assertThat(book.target().file().getFileName().toString()).isEqualTo("redis.md");
    }

    @Test
    void indexComponentRowsJoinTheirComponentOrStandAlone() {
        BrowseViewModel model = model();

        assertThat(model.components()).extracting(BrowseNode::title).contains("Payments gateway");
        BrowseNode gateway = named(model.components(), "Payments gateway").orElseThrow();
        assertThat(titles(gateway.children())).containsExactly("Database Runbook");
        assertThat(titles(named(model.components(), "Redis").orElseThrow().children())).doesNotHaveDuplicates();
    }

    @Test
    void symptomsAreGroupedByRunbookAndOpenTheirProcedure() {
        BrowseViewModel model = model();
        BrowseNode database = named(model.symptoms(), "Database Runbook").orElseThrow();
        BrowseNode disk = database.children().stream().filter(n -> n.title().contains("no space left")).findFirst().orElseThrow();

        assertThat(model.open(disk)).isTrue();

        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.path()).containsExactly("Database Runbook", "Disk Full On The Primary");
            assertThat(t.file().getFileName().toString()).isEqualTo("database.md");
        });
    }

    @Test
    void indexSymptomsPointAtTheRunbooksTheyLinkTo() {
        BrowseNode index = named(model().symptoms(), "Runbook Index").orElseThrow();

        BrowseNode cache = named(index.children(), "Cache answers nothing").orElseThrow();
        assertThat(cache.target().file().getFileName().toString()).isEqualTo("redis.md");
        BrowseNode writes = named(index.children(), "Writes fail").orElseThrow();
        assertThat(writes.target()).as("two runbooks: choose one below").isNull();
        assertThat(titles(writes.children())).containsExactly("Database Runbook", "Redis Runbook");
    }

    @Test
    void anIndexSymptomWhoseRunbookIsMissingNamesTheFileAndOpensTheIndexLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("missing-links"));
        Files.writeString(folder.resolve("index.md"), """
                # Worker Index

                ## By Symptom

                - Queue backing up → [High Queue Depth](./high-queue-depth.md)
                """);
        BrowseViewModel model = new BrowseViewModel();
        model.setOpener(opened::add);
        model.update(BrowseCatalog.of(parseAll(folder)));

        BrowseNode queue = named(named(model.symptoms(), "Worker Index").orElseThrow().children(), "Queue backing up")
                .orElseThrow();
        assertThat(queue.detail()).isEqualTo("missing runbook: high-queue-depth.md");
        assertThat(queue.target().file().getFileName().toString()).isEqualTo("index.md");
        assertThat(queue.target().line()).isEqualTo(5);
    }

    @Test
    void anIndexComponentWhoseRunbookIsMissingSaysSoInsteadOfZeroRunbooks() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("missing-component"));
        Files.writeString(folder.resolve("index.md"), """
                # Worker Index

                **By Component:**
                - Celery workers → [Worker Failures](./worker-failures.md)
                - External APIs → [API Timeout](./api-timeout.md)
                """);
        Files.writeString(folder.resolve("worker-failures.md"), """
                # Worker Failures

                ## Symptoms
                - Celery workers restarting
                """);
        BrowseViewModel model = new BrowseViewModel();
        model.setOpener(opened::add);
        model.update(BrowseCatalog.of(parseAll(folder)));

        BrowseNode external = named(model.components(), "External APIs").orElseThrow();
        assertThat(external.detail()).isEqualTo("missing runbook: api-timeout.md");
        assertThat(external.children()).singleElement().satisfies(line -> {
            assertThat(line.detail()).isEqualTo("missing runbook: api-timeout.md");
            assertThat(line.target().file().getFileName().toString()).isEqualTo("index.md");
            assertThat(line.target().line()).isEqualTo(5);
        });
        assertThat(model.components()).extracting(BrowseNode::detail).doesNotContain("0 runbooks");
    }

    @Test
    void alertsOpenTheSectionThatAnswersThem() {
        BrowseViewModel model = model();
        BrowseNode alert = named(model.alerts(), "RedisMemoryHigh").orElseThrow();
        assertThat(alert.detail()).contains("Redis Runbook");

        model.open(alert);

        assertThat(opened).extracting(SectionTarget::path).containsExactly(List.of("Redis Runbook", "Alert: RedisMemoryHigh"));
    }

    @Test
    void filterNarrowsEveryListToMatchingEntries() {
        BrowseViewModel model = model();

        model.filterProperty().set("sentinel");
        assertThat(model.alerts()).isEmpty();

        model.filterProperty().set("SPACE LEFT");
        assertThat(titles(model.symptoms())).containsExactly("Database Runbook");
        assertThat(named(model.symptoms(), "Database Runbook").orElseThrow().children()).hasSize(1);

        model.filterProperty().set("");
        assertThat(model.symptoms()).hasSizeGreaterThan(1);
    }

    @Test
    void groupsOpenNothing() {
        BrowseViewModel model = model();
        assertThat(model.open(named(model.components(), "Redis").orElseThrow())).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void everyBundledIndexLinkAndAlertResolves() throws IOException {
        String project = System.getProperty("incident.project.dir");
        assumeTrue(project != null && Files.isDirectory(Path.of(project, "runbooks")), "bundled runbooks not available");
        BrowseCatalog catalog = BrowseCatalog.of(parseAll(Path.of(project, "runbooks")));

        assertThat(catalog.alerts()).hasSizeGreaterThan(5).allSatisfy(a -> assertThat(a.target().path()).isNotEmpty());
        assertThat(catalog.symptoms()).flatMap(BrowseNode::children)
                .noneSatisfy(s -> assertThat(s.detail()).isEqualTo("no runbook found"));
        assertThat(titles(catalog.components())).contains("PostgreSQL", "Redis", "Kubernetes");
    }
}
