package dev.incidentconsole.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLinksTest {
    @TempDir
    Path dir;

    private RunbookLinks links;

    @BeforeEach
    void parse() throws IOException {
        RunbookParser parser = new RunbookParser();
        Runbook cache = parser.parse(Files.writeString(dir.resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK));
        Runbook alerts = parser.parse(Files.writeString(dir.resolve("alerts.md"), ServiceTestRunbooks.ALERTS_RUNBOOK));
        links = new RunbookLinks(List.of(cache, alerts));
    }

    @Test
    void explicitLinkComesFirstThenPortTableThenComponentSections() {
        ServiceSpec cache = spec("Cache", List.of("Redis"), List.of(RunbookRef.parse("cache.md#Flush the cache")));

        List<LinkedSection> found = links.forService(cache, List.of());

        assertThat(found).extracting(LinkedSection::title)
                .containsExactly("Flush the cache", "Quick Reference", "Redis evicting keys", "Alert: RedisDown");
        assertThat(found).extracting(LinkedSection::why).containsExactly("linked in the environment file", "port table",
                "mentions Redis", "mentions Redis");
        assertThat(found).allSatisfy(l -> assertThat(l.found()).isTrue());
    }

    @Test
    void linkNamesItsSectionPathAndHeadingsAfterTheHash() {
        LinkedSection section = links.forService(spec("Cache", List.of(), List.of(
                RunbookRef.parse("alerts.md#Alert Runbooks > Alert: RedisDown"))), List.of()).get(0);
        LinkedSection whole = new LinkedSection("cache.md", "Cache", "Cache", "runbook_url annotation", true);

        assertThat(section.sectionPath()).isEqualTo("Alert Runbooks > Alert: RedisDown");
        assertThat(section.headings()).containsExactly("Alert Runbooks", "Alert: RedisDown");
        assertThat(whole.sectionPath()).isEmpty();
        assertThat(whole.headings()).isEmpty();
    }

    @Test
    void firingAlertAboutTheServiceLinksItsSection() {
        ServiceSpec cache = spec("Cache", List.of(), List.of());
        FiringAlert down = new FiringAlert("RedisDown", "critical", Map.of("alertname", "RedisDown", "service", "cache"),
                "Redis is down", null, "f1");
        FiringAlert other = new FiringAlert("RedisDown", "critical", Map.of("alertname", "RedisDown", "service", "sessions"),
                "Redis is down", null, "f2");

        assertThat(links.forService(cache, List.of(other))).allSatisfy(l -> assertThat(l.why()).doesNotStartWith("alert RedisDown"));
        assertThat(links.forService(cache, List.of(down)).get(0)).satisfies(l -> {
            assertThat(l.why()).isEqualTo("alert RedisDown: name in its heading");
            assertThat(l.reference()).isEqualTo("alerts.md#Alert Runbooks > Alert: RedisDown");
        });
    }

    @Test
    void linkToAMissingSectionIsKeptButMarkedNotFound() {
        ServiceSpec api = spec("API", List.of(), List.of(RunbookRef.parse("api.md#Health check failing")));

        assertThat(links.forService(api, List.of())).singleElement().satisfies(l -> {
            assertThat(l.found()).isFalse();
            assertThat(l.reference()).isEqualTo("api.md#Health check failing");
        });
    }

    @Test
    void alertWithoutARunbookHasNoLink() {
        assertThat(links.forAlert(new FiringAlert("CertificateExpiring", "warning", Map.of(), "", null, ""))).isEmpty();
    }

    @Test
    void camelCaseAlertNameFindsTheHeadingThatSpellsItInWords() {
        assertThat(links.forAlert(new FiringAlert("DiskFull", "warning", Map.of(), "", null, ""))).hasValueSatisfying(l -> {
            assertThat(l.title()).isEqualTo("Disk full");
            assertThat(l.why()).isEqualTo("name in its heading");
            assertThat(l.line()).isPositive();
        });
    }

    @Test
    void alertLabelLinksTheSectionsOfTheServiceItNames() {
        ServiceSpec cache = spec("Cache", List.of("Redis"), List.of(RunbookRef.parse("cache.md#Flush the cache")));
        FiringAlert unnamed = new FiringAlert("Unnamed", "warning", Map.of("alertname", "Unnamed", "job", "cache"), "", null, "");

        List<LinkedSection> found = links.forAlert(unnamed, List.of(cache));

        assertThat(found).extracting(LinkedSection::title).startsWith("Flush the cache", "Redis evicting keys");
        assertThat(found.get(0).why()).isEqualTo("label job=\"cache\" names service Cache (linked in the environment file)");
        assertThat(links.forAlert(unnamed, List.of(spec("Sessions", List.of(), List.of())))).isEmpty();
    }

    private static ServiceSpec spec(String name, List<String> components, List<RunbookRef> refs) {
        return new ServiceSpec(name, "127.0.0.1", 6379, new TcpSpec("127.0.0.1", 6379), null, null, 1, null, null,
                List.of(), components, refs, "", List.of());
    }
}
