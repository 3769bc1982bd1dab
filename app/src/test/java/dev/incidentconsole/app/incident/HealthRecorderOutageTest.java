package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder on a team store (real embedded PostgreSQL) that is down when the console starts. */
class HealthRecorderOutageTest {
    @TempDir
    Path dir;

    @Test
    void anIncidentStartedDuringTheOutageGetsItsAlertJournaledAndStoredOnceWhenTheStoreIsBack() throws Exception {
        HttpServer am = Loopback.http(200, """
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00Z", "status": {"state": "active"}}]
                """);
        List<Receipt> receipts = new CopyOnWriteArrayList<>();
        try (RestartablePostgres pg = RestartablePostgres.start(dir.resolve("pg"));
             HealthScheduler scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build()) {
            pg.stop();
            try (IncidentStore store = IncidentStores.postgresQueueing(pg.url(), "postgres", null, dir.resolve("data"),
                    StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200)));
                 HealthRecorder recorder = new HealthRecorder(() -> store, "alice", receipts::add)) {
                assertThat(store.connectivity()).isEqualTo(Connectivity.OFFLINE);
                Incident cache = store.create(new IncidentDraft("Cache down", Severity.P1, "prod", List.of("redis"),
                        List.of(), null), "alice");
                recorder.environment("prod");
                recorder.knownOpen(List.of(cache)); // what the window's list holds: the store cannot list now
                scheduler.subscribe(recorder);
                scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                        AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(Duration.ofMillis(150)));

                await().atMost(Duration.ofSeconds(20)).until(() -> receipts.stream().anyMatch(r ->
                        r.entry().kind().equals("alert") && r.outcome() == Receipt.Outcome.JOURNALED));

                pg.ensureRunning();
                await().atMost(Duration.ofSeconds(30)).until(() -> store.connectivity() == Connectivity.ONLINE
                        && store.pendingEntries() == 0);
                Thread.sleep(500); // more answers of the same alert
                recorder.awaitIdle();
                assertThat(store.entries(cache.id(), 0)).extracting(TimelineEntry::kind).containsExactly("created", "alert");
            }
        } finally {
            am.stop(0);
        }
    }
}
