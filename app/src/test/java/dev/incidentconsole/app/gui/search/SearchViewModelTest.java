package dev.incidentconsole.app.gui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.library.RunbookLibrary;
import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.app.gui.util.MatchHighlighter;
import dev.incidentconsole.search.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search field's state against a real index of real runbook files; no screen. */
class SearchViewModelTest {
    @TempDir
    static Path dir;
    private static RunbookLibrary library;

    private final ManualDebouncer debouncer = new ManualDebouncer();
    private final List<SectionTarget> opened = new ArrayList<>();

    @BeforeAll
    static void index() throws IOException {
        library = new RunbookLibrary(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(library.configure(List.of(SearchTestRunbooks.write(dir)), null)).isEmpty();
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private SearchViewModel model(dev.incidentconsole.app.gui.util.TaskExecutor executor) {
        SearchViewModel model = new SearchViewModel(executor, debouncer, library::search);
        model.setOpener(opened::add);
        return model;
    }

    private static List<String> titles(SearchViewModel model) {
        return model.results().stream().map(SearchHit::title).toList();
    }

    @Test
    void aLibraryNotYetConfiguredFindsNothingAndCanBeConfiguredAndClosed() throws IOException {
        RunbookLibrary fresh = new RunbookLibrary(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            assertThat(fresh.search(dev.incidentconsole.search.SearchQuery.of("disk full"))).isEmpty();
            assertThat(fresh.snapshot().runbooks()).isEmpty();
            assertThat(fresh.configure(List.of(dir), null)).isEmpty();
            assertThat(fresh.search(dev.incidentconsole.search.SearchQuery.of("disk full"))).extracting(SearchHit::title)
                    .contains("Disk Full On The Primary");
        } finally {
            fresh.close();
        }
    }

    @Test
    void searchesOnlyOnceTypingPauses() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("no sp");
        model.textProperty().set("no space left");
        assertThat(model.results()).isEmpty();

        debouncer.settle();

        assertThat(titles(model)).first().isEqualTo("Disk Full On The Primary");
        assertThat(model.openProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).matches(model.results().size() + " match(es)?");
        assertThat(debouncer.scheduled()).isEqualTo(2);
    }

    @Test
    void aStaleResultArrivingLateIsDropped() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        SearchViewModel model = model(executor);
        model.textProperty().set("disk full");
        debouncer.settle();
        model.textProperty().set("sentinel");
        debouncer.settle();
        assertThat(executor.pending()).isEqualTo(2);

        executor.runAllNewestFirst(); // the newer search answers first, the older one after it

        assertThat(titles(model)).containsExactly("Redis Refuses Connections");
        assertThat(library.search(dev.incidentconsole.search.SearchQuery.of("disk full"))).extracting(SearchHit::title)
                .as("the dropped search had other hits").contains("Disk Full On The Primary");
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void hitsForTheTextBeforeTheLastKeystrokeAreDroppedWhileItsSearchWaits() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        SearchViewModel model = model(executor);
        model.textProperty().set("disk full");
        debouncer.settle();
        model.textProperty().set("sentinel"); // typed while "disk full" is still being searched

        executor.runAll();

        assertThat(model.results()).as("no hits for text no longer in the field").isEmpty();
        assertThat(model.searchingProperty().get()).as("the search for the new text is on its way").isTrue();
        debouncer.settle();
        executor.runAll();
        assertThat(titles(model)).containsExactly("Redis Refuses Connections");
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void downThenEnterOpensThatHitWithItsWordsToHighlight() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("connections");
        debouncer.settle();
        assertThat(model.results()).hasSizeGreaterThan(1);
        assertThat(model.selectedProperty().get()).isEqualTo(-1);

        model.moveDown();
        model.moveDown();
        model.moveUp();
        assertThat(model.selectedProperty().get()).isZero();
        assertThat(model.openSelected()).isTrue();

        SearchHit first = model.results().get(0);
        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.file()).isEqualTo(first.file());
            assertThat(t.path()).isEqualTo(first.path());
            assertThat(t.line()).isEqualTo(first.line());
            assertThat(t.terms()).contains("connections");
        });
        assertThat(model.openProperty().get()).isFalse();
    }

    @Test
    void theOpenedSectionHighlightsTheSearchedWordsButNotTheStopWordsTyped() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("restart the api pods with sentinel");
        debouncer.settle();

        assertThat(model.openSelected()).isTrue();

        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.path()).last().isEqualTo("Redis Refuses Connections");
            assertThat(t.terms()).contains("restart", "api", "pods", "sentinel").doesNotContain("the", "with");
            String section = SearchTestRunbooks.REDIS;
            List<String> marked = MatchHighlighter.ranges(section, t.terms()).stream()
                    .map(r -> section.substring(r[0], r[1]).toLowerCase(java.util.Locale.ROOT)).toList();
            assertThat(marked).contains("restart", "api", "pods", "sentinel").doesNotContain("the", "with");
        });
    }

    @Test
    void enterWithoutASelectionOpensTheBestHit() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("sentinel");
        debouncer.settle();

        assertThat(model.openSelected()).isTrue();

        assertThat(opened).extracting(t -> t.path().get(t.path().size() - 1)).containsExactly("Redis Refuses Connections");
    }

    @Test
    void enterRightAfterAKeystrokeOpensTheBestHitForTheNewTextNotTheOldOne() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("disk full");
        debouncer.settle();
        assertThat(titles(model)).first().isEqualTo("Disk Full On The Primary");

        model.textProperty().set("sentinel"); // Enter before the debounce is over
        assertThat(model.openSelected()).isTrue();
        assertThat(opened).as("nothing opened while the new hits are on their way").isEmpty();

        debouncer.settle();

        assertThat(opened).extracting(t -> t.path().get(t.path().size() - 1)).containsExactly("Redis Refuses Connections");
        assertThat(opened.get(0).terms()).contains("sentinel");
        assertThat(model.openProperty().get()).isFalse();
    }

    @Test
    void enterForTextWithoutHitsOpensNothingAndSaysSo() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("disk full");
        debouncer.settle();
        model.textProperty().set("zzqxj");
        assertThat(model.openSelected()).isTrue();

        debouncer.settle();

        assertThat(opened).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("No matches");
        assertThat(model.openProperty().get()).isTrue();
    }

    @Test
    void escapeClearsTheTextThenClosesThenLetsGo() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("sentinel");
        debouncer.settle();

        assertThat(model.escape()).isTrue();
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.results()).isEmpty();
        assertThat(model.openProperty().get()).isFalse();
        assertThat(model.escape()).isFalse();
        assertThat(model.openSelected()).isFalse();
    }

    @Test
    void componentChipNarrowsTheHitsAndGoneComponentsAreDropped() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.setComponents(library.snapshot().components());
        assertThat(model.components()).contains("Redis", "PostgreSQL");
        model.textProperty().set("connections");
        debouncer.settle();
        assertThat(model.results()).anySatisfy(h -> assertThat(h.components()).doesNotContain("Redis"));

        model.toggleComponent("Redis");

        assertThat(model.results()).isNotEmpty().allSatisfy(h -> assertThat(h.components()).contains("Redis"));
        assertThat(model.statusProperty().get()).contains("in Redis");

        model.setComponents(List.of("PostgreSQL"));
        assertThat(model.activeComponents()).isEmpty();
        assertThat(model.results()).anySatisfy(h -> assertThat(h.components()).doesNotContain("Redis"));
    }

    @Test
    void noMatchesSaysSoAndKeepsTheListOpen() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("zookeeper quorum");
        debouncer.settle();

        assertThat(model.results()).isEmpty();
        assertThat(model.openProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("No matches");
    }

    @Test
    void aRefreshAfterAnIndexChangeDoesNotPopTheListOpen() {
        SearchViewModel model = model(new DirectTaskExecutor());
        model.textProperty().set("sentinel");
        debouncer.settle();
        model.moveDown();
        model.close();

        model.refresh();

        assertThat(model.openProperty().get()).isFalse();
        assertThat(model.selectedProperty().get()).as("still on the same hit").isZero();
        assertThat(titles(model)).contains("Redis Refuses Connections");
    }
}
