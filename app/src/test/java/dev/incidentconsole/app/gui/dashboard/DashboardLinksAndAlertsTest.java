package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.ServiceTestRunbooks;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's way to runbooks, without a screen: the selected service's sections, firing alerts (real
 * Alertmanager and Prometheus answers from loopback servers) with the sections that answer them, and where opening
 * one leads ({@link DashboardActions}).
 */
class DashboardLinksAndAlertsTest {
    @RegisterExtension
    final DashboardFixture fixture = new DashboardFixture();
    private DashboardViewModel model;

    @Test
    void selectedServiceListsItsRunbookSectionsAndOpensThem() throws IOException {
        Path runbook = Files.writeString(fixture.dir().resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK);
        open(env("""
                defaults: {host: 127.0.0.1, interval: 365d}
                services:
                  - name: Cache
                    port: 6379
                    components: [Redis]
                    runbooks: ["cache.md#flush-the-cache"]
                """), null);
        model.setRunbooks(List.of(new RunbookParser().parse(runbook)));
        List<String> opened = new ArrayList<>();
        model.actions().setOpener(opened::add);

        model.selectedProperty().set(model.rows().get(0));

        assertThat(model.selectedLinks()).extracting(LinkedSection::reference).startsWith(
                "cache.md#Cache Runbook > Common Issues > Flush the cache",
                "cache.md#Cache Runbook > Quick Reference",
                "cache.md#Cache Runbook > Common Issues > Redis evicting keys");
        assertThat(model.selectedLinks()).extracting(LinkedSection::why)
                .startsWith("linked in the environment file", "port table", "mentions Redis");
        model.actions().open(model.selectedLinks().get(0));
        assertThat(opened).containsExactly("cache.md#Cache Runbook > Common Issues > Flush the cache");
    }

    @Test
    void firingAlertsListTheSectionsThatAnswerThemAndAWebOnlyLinkOpensInTheBrowser() throws IOException {
        Path runbook = Files.writeString(fixture.dir().resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK);
        HttpServer alertmanager = server(Loopback.http(200, """
                [{"labels": {"alertname": "CacheSlow", "severity": "warning", "job": "cache"}, "annotations": {}},
                 {"labels": {"alertname": "Elsewhere", "severity": "critical"},
                  "annotations": {"runbook_url": "https://wiki.example.com/Elsewhere"}}]
                """));
        open(env("""
                defaults: {host: 127.0.0.1, interval: 365d}
                services:
                  - {name: am, port: %d, alertmanager: {}}
                  - {name: Cache, port: 6379, components: [Redis], runbooks: ["cache.md#flush-the-cache"]}
                """.formatted(Loopback.port(alertmanager))), null);
        model.setRunbooks(List.of(new RunbookParser().parse(runbook)));
        List<String> browsed = new ArrayList<>();
        model.actions().setBrowser(browsed::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            model.drain();
            return model.alerts().list().size() == 2;
        });

        AlertRow web = model.alerts().list().get(0);
        assertThat(web.alert().name()).isEqualTo("Elsewhere");
        assertThat(web.link().webOnly()).isTrue();
        model.actions().open(web.link());
        assertThat(browsed).containsExactly("https://wiki.example.com/Elsewhere");
        AlertRow byLabel = model.alerts().list().get(1);
        assertThat(byLabel.links()).extracting(LinkedSection::title).startsWith("Flush the cache", "Redis evicting keys");
        assertThat(byLabel.link().why()).isEqualTo("label job=\"cache\" names service Cache (linked in the environment file)");
    }

    /**
     * An alert listed before the runbooks are read says "reading the runbooks..."; once they are read and none
     * answers it, the list must change (a cell is redrawn only then), though no alert gained a link.
     */
    @Test
    void theAlertListChangesWhenTheRunbooksAreReadEvenIfNoneAnswersAnAlert() throws IOException {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        model = fixture.model(executor, HealthScheduler.builder().build());
        HttpServer alertmanager = server(Loopback.http(200, """
                [{"labels": {"alertname": "Unanswered", "severity": "warning"}, "annotations": {}}]
                """));
        model.openEnvironmentFile(env("""
                defaults: {host: 127.0.0.1, interval: 365d}
                services:
                  - {name: am, port: %d, alertmanager: {}}
                """.formatted(Loopback.port(alertmanager))), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            executor.runAll();
            model.drain();
            return model.alerts().list().size() == 1;
        });
        assertThat(model.alerts().list().get(0).runbooksRead()).isFalse();
        List<Boolean> listed = new ArrayList<>();
        model.alerts().list().addListener((javafx.collections.ListChangeListener<AlertRow>) c ->
                listed.add(c.getList().get(0).runbooksRead()));

        model.setRunbooks(List.of(new RunbookParser().parse(Files.writeString(fixture.dir().resolve("cache.md"),
                ServiceTestRunbooks.CACHE_RUNBOOK))));
        executor.runAll();

        assertThat(listed).containsExactly(true);
        assertThat(model.alerts().list().get(0).link()).isNull();
    }

    @Test
    void anAlertReportedByAlertmanagerAndPrometheusIsOneRowNamingBoth() throws IOException {
        HttpServer alertmanager = server(Loopback.http(200, """
                [{"labels": {"alertname": "CacheDown", "severity": "critical", "service": "cache"},
                  "annotations": {"summary": "Cache does not answer"}, "startsAt": "2026-01-01T00:00:00.000Z",
                  "fingerprint": "c1", "status": {"state": "active"}}]
                """));
        HttpServer prometheus = server(Loopback.http(200, """
                {"status": "success", "data": {"alerts": [
                  {"labels": {"alertname": "CacheDown", "severity": "critical", "service": "cache"},
                   "annotations": {"summary": "Cache does not answer"}, "state": "firing",
                   "activeAt": "2026-01-01T00:00:00.250Z"},
                  {"labels": {"alertname": "ScrapeSlow", "severity": "warning"}, "state": "firing",
                   "activeAt": "2026-01-01T00:01:00Z"}]}}
                """));
        Path runbook = Files.writeString(fixture.dir().resolve("monitoring.md"), """
                # Monitoring

                | Service | Port | Health Check |
                |---------|------|--------------|
                | Alertmanager | %1$d | `curl http://127.0.0.1:%1$d/api/v2/alerts` |
                | Prometheus | %2$d | `curl http://127.0.0.1:%2$d/-/healthy` |
                """.formatted(Loopback.port(alertmanager), Loopback.port(prometheus)));
        open(null, null);
        model.setRunbooks(List.of(new RunbookParser().parse(runbook)));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            model.drain();
            return model.rows().stream().allMatch(r -> r.state().answering()) && model.alerts().list().size() == 2;
        });

        assertThat(model.alerts().list()).extracting(r -> r.alert().name() + " " + r.source())
                .containsExactly("CacheDown Alertmanager and Prometheus", "ScrapeSlow Prometheus");
        assertThat(model.alerts().list().get(0).alert().startsAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private void open(Path envFile, String preferred) {
        model = fixture.open(HealthScheduler.builder().build(), envFile, preferred);
    }

    private Path env(String yaml) throws IOException {
        return fixture.env(yaml);
    }

    private HttpServer server(HttpServer s) {
        return fixture.server(s);
    }
}
