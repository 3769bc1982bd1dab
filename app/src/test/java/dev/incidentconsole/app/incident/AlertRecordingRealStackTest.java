package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.stack.DebianServers;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert entries against a real Alertmanager and the real Prometheus that sends it its rule's alert (Debian packages
 * {@code prometheus-alertmanager} and {@code prometheus}; the test skips when one is absent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertRecordingRealStackTest {
    private static final Duration TICK = Duration.ofMillis(300);
    private final HttpClient http = HttpClient.newHttpClient();
    private DebianServers servers;
    private int alertmanager;
    private int prometheus;

    @TempDir
    Path dir;
    private IncidentStore store;
    private HealthScheduler scheduler;
    private HealthRecorder recorder;

    @BeforeAll
    void startTheStack() throws Exception {
        DebianServers.require("prometheus", "prometheus");
        servers = new DebianServers();
        alertmanager = DebianServers.freePort();
        prometheus = DebianServers.freePort();
        servers.alertmanager(alertmanager);
        servers.prometheus(prometheus, """
                groups:
                  - name: cache
                    rules:
                      - alert: CacheEvicting
                        expr: vector(1)
                        labels: {severity: warning, service: cache}
                        annotations: {summary: "the cache evicts keys"}
                """, alertmanager);
        servers.awaitReady("http://127.0.0.1:" + alertmanager + "/-/ready");
        servers.awaitReady("http://127.0.0.1:" + prometheus + "/-/ready");
    }

    @AfterAll
    void stopTheStack() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
        recorder = new HealthRecorder(() -> store, "alice", r -> { });
        recorder.environment("prod");
        scheduler.subscribe(recorder);
    }

    @AfterEach
    void close() {
        scheduler.close();
        recorder.close();
        store.close();
    }

    private void watch(String name, AlertmanagerSpec source, int port) {
        scheduler.watch(ServiceSpec.of(name, "127.0.0.1", port, source).withInterval(TICK));
    }

    private List<EntryBody.AlertChanged> alerts(Incident i, String name) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.AlertChanged a && a.alert().equals(name))
                .map(e -> (EntryBody.AlertChanged) e.body()).toList();
    }

    @Test
    void aPrometheusRuleSeenInPrometheusAndInTheAlertmanagerItFeedsIsOneEntry() throws Exception {
        Incident cache = store.create(new IncidentDraft("Cache evicting", Severity.P2, "prod", List.of("cache"), List.of(), null), "alice");
        watch("alertmanager", AlertmanagerSpec.of("http://127.0.0.1:" + alertmanager), alertmanager);
        watch("prometheus", AlertmanagerSpec.prometheus("http://127.0.0.1:" + prometheus), prometheus);

        await().atMost(Duration.ofSeconds(60)).until(() -> scheduler.status("alertmanager").orElseThrow().last().alerts().stream()
                .anyMatch(a -> a.name().equals("CacheEvicting"))
                && scheduler.status("prometheus").orElseThrow().last().alerts().stream().anyMatch(a -> a.name().equals("CacheEvicting")));
        Thread.sleep(3 * TICK.toMillis()); // a few more answers of both
        recorder.awaitIdle();

        assertThat(alerts(cache, "CacheEvicting")).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo("firing"));
    }

    @Test
    void anAlertResolvedEarlyInAlertmanagerHappenedWhenTheConsoleFirstSawItGoneAndTheEntrySaysSo() throws Exception {
        Instant startsAt = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Incident db = store.create(new IncidentDraft("Orders DB", Severity.P1, "prod", List.of("orders-db"), List.of(), null), "alice");
        post("[{\"labels\": {\"alertname\": \"OrdersDbDown\", \"service\": \"orders-db\"}, \"startsAt\": \"" + startsAt + "\"}]");
        watch("alertmanager", AlertmanagerSpec.of("http://127.0.0.1:" + alertmanager), alertmanager);
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(db, "OrdersDbDown").size() == 1);
        Thread.sleep(3 * TICK.toMillis());

        Instant resolvedAt = Instant.now();
        post("[{\"labels\": {\"alertname\": \"OrdersDbDown\", \"service\": \"orders-db\"}, \"startsAt\": \"" + startsAt
                + "\", \"endsAt\": \"" + resolvedAt + "\"}]");
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(db, "OrdersDbDown").size() == 2);
        recorder.awaitIdle();

        List<TimelineEntry> entries = store.entries(db.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.AlertChanged).toList();
        assertThat(entries.get(0).occurredAt()).isEqualTo(startsAt);
        TimelineEntry resolved = entries.get(1);
        EntryBody.AlertChanged body = (EntryBody.AlertChanged) resolved.body();
        assertThat(body.state()).isEqualTo("resolved");
        // Alertmanager's active list drops it with its new endsAt unseen: dated at the first answer without it.
        assertThat(resolved.occurredAt()).isEqualTo(firstCheckWithout("OrdersDbDown").truncatedTo(ChronoUnit.MICROS));
        assertThat(body.timing()).startsWith("first seen gone; alertmanager gives no end time; last listed firing at ");
        assertThat(body.sources()).containsExactly("alertmanager");
    }

    @Test
    void anAlertAlertmanagerEndedAtItsEndsAtHappenedThenAndTheEntrySaysSo() throws Exception {
        Instant startsAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant endsAt = Instant.now().plus(4, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        Incident web = store.create(new IncidentDraft("Web", Severity.P2, "prod", List.of("web"), List.of(), null), "alice");
        post("[{\"labels\": {\"alertname\": \"WebErrors\", \"service\": \"web\"}, \"startsAt\": \"" + startsAt
                + "\", \"endsAt\": \"" + endsAt + "\"}]");
        watch("alertmanager", AlertmanagerSpec.of("http://127.0.0.1:" + alertmanager), alertmanager);
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(web, "WebErrors").size() == 2);
        recorder.awaitIdle();

        TimelineEntry resolved = store.entries(web.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.AlertChanged a && a.state().equals("resolved")).findFirst().orElseThrow();
        assertThat(resolved.occurredAt()).as("Alertmanager's own end, not when the console noticed").isEqualTo(endsAt);
        assertThat(((EntryBody.AlertChanged) resolved.body()).timing())
                .isEqualTo("at the end time alertmanager gave; no new report renewed it");
    }

    @Test
    void anAlertSilencedDuringTheIncidentIsNotResolvedUntilItEnds() throws Exception {
        Instant startsAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Incident disk = store.create(new IncidentDraft("Disk", Severity.P2, "prod", List.of("db"), List.of(), null), "alice");
        String alert = "{\"labels\": {\"alertname\": \"DiskFull\", \"service\": \"db\"}, \"startsAt\": \"" + startsAt + "\"";
        post("[" + alert + "}]");
        watch("alertmanager", AlertmanagerSpec.of("http://127.0.0.1:" + alertmanager), alertmanager);
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(disk, "DiskFull").size() == 1);

        HttpResponse<String> silence = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanager + "/api/v2/silences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"matchers\": [{\"name\": \"alertname\", \"value\": \"DiskFull\", \"isRegex\": false}],"
                        + " \"startsAt\": \"" + Instant.now() + "\", \"endsAt\": \"" + Instant.now().plus(1, ChronoUnit.HOURS)
                        + "\", \"createdBy\": \"alice\", \"comment\": \"working on it\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.status("alertmanager").orElseThrow().last()
                .suppressedAlerts().stream().anyMatch(a -> a.name().equals("DiskFull")));
        Thread.sleep(4 * TICK.toMillis()); // more answers with it silenced
        recorder.awaitIdle();

        assertThat(scheduler.status("alertmanager").orElseThrow().last().alerts()).noneMatch(a -> a.name().equals("DiskFull"));
        assertThat(alerts(disk, "DiskFull")).as("silenced is not resolved").extracting(EntryBody.AlertChanged::state)
                .containsExactly("firing");

        post("[" + alert + ", \"endsAt\": \"" + Instant.now() + "\"}]");
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(disk, "DiskFull").size() == 2);
        assertThat(alerts(disk, "DiskFull")).extracting(EntryBody.AlertChanged::state).containsExactly("firing", "resolved");
    }

    /** When the check started whose answer first no longer listed the alert (after answers that did). */
    private Instant firstCheckWithout(String alert) {
        List<dev.incidentconsole.health.ProbeResult> history = scheduler.status("alertmanager").orElseThrow().history();
        boolean listed = false;
        for (dev.incidentconsole.health.ProbeResult r : history) {
            boolean has = r.alerts().stream().anyMatch(a -> a.name().equals(alert));
            if (listed && !has) {
                return r.checkedAt();
            }
            listed |= has;
        }
        throw new AssertionError("no answer without " + alert + " after one with it in " + history.size() + " checks");
    }

    private void post(String alerts) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanager + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alerts)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
