package dev.incidentconsole.health.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.probe.Probes;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.testing.Net;
import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Alertmanager's v2 API served by a real HTTP server, and linking alerts to runbook sections. */
class AlertmanagerTest {
    private static final String ALERTS = """
            [{"labels": {"alertname": "DiskFilling", "severity": "warning", "instance": "db1"},
              "annotations": {"description": "Disk 91% full"},
              "startsAt": "2025-01-10T03:02:00.000Z", "fingerprint": "a1", "status": {"state": "active"}},
             {"labels": {"alertname": "HighErrorRate", "severity": "critical", "service": "api"},
              "annotations": {"summary": "5xx above 5% for 10m"},
              "startsAt": "2025-01-10T03:05:00.000Z", "fingerprint": "b2", "status": {"state": "active"}}]
            """;

    @Test
    void prometheusOwnAlertsAreAnAlertSourceOfTheFiringOnes() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.createContext("/api/v1/alerts", ex -> {
            byte[] body = """
                    {"status": "success", "data": {"alerts": [
                      {"labels": {"alertname": "QueueBacklog", "severity": "warning", "job": "worker"},
                       "annotations": {"runbook_url": "https://wiki/x.md#queue"}, "state": "firing",
                       "activeAt": "2025-01-10T03:00:00Z", "value": "1e+03"},
                      {"labels": {"alertname": "Flapping"}, "annotations": {}, "state": "pending",
                       "activeAt": "2025-01-10T03:09:00Z", "value": "1"}]}}
                    """.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try (Probes probes = new Probes()) {
            AlertmanagerSpec spec = AlertmanagerSpec.prometheus("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(spec.kind()).isEqualTo("prometheus");
            ProbeResult r = probes.create(spec).check(ProbeContext.start(Duration.ofSeconds(2)));
            assertThat(r.status()).isEqualTo(Status.UP);
            assertThat(r.reason()).isEqualTo("1 alert firing (1 warning)");
            FiringAlert a = r.alerts().get(0);
            assertThat(a.name()).isEqualTo("QueueBacklog");
            assertThat(a.state()).isEqualTo("firing");
            assertThat(a.startsAt()).isEqualTo(Instant.parse("2025-01-10T03:00:00Z"));
            assertThat(a.runbookUrl()).contains("https://wiki/x.md#queue");
            assertThat(a.fingerprint()).hasSize(16);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void firingAlertsAreListedMostSevereFirst() throws IOException {
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.createContext("/api/v2/alerts", ex -> {
            query.set(ex.getRequestURI().getQuery());
            byte[] body = ALERTS.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try (Probes probes = new Probes()) {
            ProbeResult r = probes.create(AlertmanagerSpec.of("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                    .check(ProbeContext.start(Duration.ofSeconds(2)));
            assertThat(query.get()).isEqualTo("active=true&silenced=true&inhibited=true");
            assertThat(r.status()).isEqualTo(Status.UP);
            assertThat(r.reason()).isEqualTo("2 alerts firing (1 critical, 1 warning)");
            assertThat(r.alerts()).extracting(FiringAlert::name).containsExactly("HighErrorRate", "DiskFilling");
            FiringAlert first = r.alerts().get(0);
            assertThat(first.severity()).isEqualTo("critical");
            assertThat(first.summary()).isEqualTo("5xx above 5% for 10m");
            assertThat(first.labels()).containsEntry("service", "api");
            assertThat(first.startsAt()).isEqualTo(Instant.parse("2025-01-10T03:05:00Z"));
            assertThat(r.alerts().get(1).summary()).isEqualTo("Disk 91% full");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyAPastEndsAtMeansResolved() throws IOException {
        Instant now = Instant.now();
        String body = """
                [{"labels": {"alertname": "StillFiring", "severity": "critical"}, "fingerprint": "f1",
                  "startsAt": "2025-01-10T03:00:00Z", "endsAt": "%s", "status": {"state": "active"}},
                 {"labels": {"alertname": "AlreadyOver", "severity": "warning"}, "fingerprint": "f2",
                  "startsAt": "2025-01-10T03:01:00Z", "endsAt": "2025-01-10T03:07:30Z", "status": {"state": "active"}}]
                """.formatted(now.plus(Duration.ofMinutes(4)));
        HttpServer server = serving("/api/v2/alerts", body);
        try (Probes probes = new Probes()) {
            ProbeResult r = probes.create(AlertmanagerSpec.of("http://127.0.0.1:" + server.getAddress().getPort()))
                    .check(ProbeContext.start(Duration.ofSeconds(2)));

            assertThat(r.reason()).isEqualTo("1 alert firing (1 critical)");
            assertThat(r.alerts()).extracting(FiringAlert::name).containsExactly("StillFiring");
            assertThat(r.alerts().get(0).endsAt()).isAfter(now);
            assertThat(r.resolvedAlerts()).extracting(FiringAlert::name).containsExactly("AlreadyOver");
            assertThat(r.resolvedAlerts().get(0).endsAt()).isEqualTo(Instant.parse("2025-01-10T03:07:30Z"));
        } finally {
            server.stop(0);
        }
    }

    /** A real HTTP server on loopback answering {@code path} with {@code body}. */
    private static HttpServer serving(String path, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.createContext(path, ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return server;
    }

    @Test
    void unreachableAlertmanagerIsDown() {
        try (Probes probes = new Probes()) {
            ProbeResult r = probes.create(AlertmanagerSpec.of("http://127.0.0.1:" + Net.closedPort()))
                    .check(ProbeContext.start(Duration.ofSeconds(2)));
            assertThat(r.status()).isEqualTo(Status.DOWN);
            assertThat(r.reason()).isEqualTo("connection refused");
        }
    }

    @Test
    void noAlertsIsSaidPlainly() throws IOException {
        assertThat(AlertmanagerAlerts.summary(AlertmanagerAlerts.parse("[]"))).isEqualTo("no alerts firing");
    }

    @Test
    void linkerFindsTheSectionNamingTheAlert() {
        List<String> path = List.of("Alerts", "High-Error-Rate");
        Section section = new Section(1, path, 2, 40, 60, SectionKind.OTHER, false, true, List.of(), List.of(), List.of());
        Runbook rb = new Runbook(Path.of("api.md"), "API", null, Map.of(), List.of(section), List.of(),
                List.of(new Alert("High-Error-Rate", 40, path)), List.of(), List.of());
        AlertLinker linker = new AlertLinker(List.of(rb));
        FiringAlert firing = new FiringAlert("HighErrorRate", "critical", Map.of(), "", null, "");
        AlertLink link = linker.link(firing).orElseThrow();
        assertThat(link.runbook().file()).isEqualTo(Path.of("api.md"));
        assertThat(link.alert().line()).isEqualTo(40);
        assertThat(link.section()).contains(section);
        assertThat(linker.link(new FiringAlert("DiskFilling", "", Map.of(), "", null, ""))).isEmpty();
    }
}
