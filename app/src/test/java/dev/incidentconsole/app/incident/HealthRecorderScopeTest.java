package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Milestones;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Which health changes are an incident's own and which happened elsewhere (decision 0027), under the real scheduler
 * against real loopback services and an embedded store.
 */
class HealthRecorderScopeTest extends HealthRecorderFixture {
    private final AtomicBoolean down = new AtomicBoolean();

    /** Answers 200 with {@code body} until {@link #down} is set, then 503. */
    private HttpServer service(String body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> reply(ex, down.get() ? 503 : 200, down.get() ? "{\"status\":\"down\"}" : body));
        s.start();
        return serve(s);
    }

    @Test
    void theIncidentsOwnServicesAreItsStoryAndEveryOtherOutageIsRecordedAsElsewhere() throws Exception {
        HttpServer kafka = service("{\"status\":\"ok\"}");
        HttpServer orders = service("{\"status\":\"ok\",\"checks\":{\"kafka\":{\"status\":\"ok\"}}}");
        HttpServer pgbouncer = service("{\"status\":\"ok\"}");
        Incident lag = store.create(new IncidentDraft("Consumer lag on orders topic", Severity.P1, "prod", List.of(),
                List.of(new RunbookLink("runbooks/kafka.md", List.of("Kafka", "Consumer lag"))), null), "alice");
        Incident cache = incident("Cache evictions", "prod", "cache");
        Incident staging = incident("Staging broken", "staging");
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(http("kafka", Loopback.port(kafka), 1)
                .withRunbooks(List.of(new RunbookRef("kafka.md", "Consumer lag", 0))));
        scheduler.watch(http("orders", Loopback.port(orders), 1));
        scheduler.watch(http("pgbouncer", Loopback.port(pgbouncer), 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of("kafka", "orders", "pgbouncer").stream()
                .allMatch(n -> scheduler.status(n).orElseThrow().status() == Status.UP));

        down.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> health(lag).size() + elsewhere(lag).size() == 3
                && elsewhere(cache).size() == 3);
        recorder.awaitIdle();

        assertThat(health(lag)).as("in its runbook section, and what depends on it").hasSize(2);
        assertThat(store.entries(lag.id(), 0).stream().map(e -> e.body()).filter(b -> b instanceof
                dev.incidentconsole.incident.EntryBody.HealthChanged h && !h.elsewhere())
                .map(b -> ((dev.incidentconsole.incident.EntryBody.HealthChanged) b).service()))
                .containsExactlyInAnyOrder("kafka", "orders");
        assertThat(elsewhere(lag)).containsExactly("pgbouncer up->down");
        assertThat(health(cache)).isEmpty();
        assertThat(elsewhere(cache)).containsExactlyInAnyOrder("kafka up->down", "orders up->down", "pgbouncer up->down");
        assertThat(health(staging)).isEmpty();
        assertThat(elsewhere(staging)).isEmpty();
    }

    @Test
    void aServiceLinkedAfterItsOutageWasRecordedElsewhereGetsItAsTheIncidentsOwnAndItsFirstSignal() throws Exception {
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(http("orders", Loopback.port(service("{\"status\":\"ok\"}")), 1));
        scheduler.watch(http("pgbouncer", closedPort(), 1));
        // The DOWN confirmed by later checks: a standing change before the incident.
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.status("pgbouncer").orElseThrow().consecutiveFailures() >= 3
                && scheduler.status("orders").orElseThrow().status() == Status.UP);
        recorder.awaitIdle();
        Incident orders = incident("Orders failing", "prod", "orders");
        recorder.knownOpen(store.list(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> elsewhere(orders).size() == 1);
        assertThat(health(orders)).isEmpty();

        store.append(new TimelineEntry(UUID.randomUUID(), orders.id(), 0, Instant.now(), Instant.now(), "alice", null,
                new EntryBody.ServiceLinked("pgbouncer")));
        recorder.knownOpen(store.list(true));
        recorder.knownOpen(store.list(true)); // a second look at the same links tells nothing again
        recorder.awaitIdle();

        assertThat(health(orders)).containsExactly("unknown->down");
        assertThat(elsewhere(orders)).containsExactly("pgbouncer unknown->down");
        assertThat(Milestones.of(store.document(orders.id())).firstSignal()).isEqualTo("pgbouncer down");
    }

    @Test
    void aHurryIncidentKeepsAsItsOwnWhatItRecordedBeforeItLinkedAService() throws Exception {
        HealthRecorder recorder = recorder("alice", "prod");
        Incident hurry = incident("Everything is slow", "prod");
        recorder.knownOpen(store.list(true));
        scheduler.watch(http("orders", Loopback.port(service("{\"status\":\"ok\"}")), 1));
        scheduler.watch(http("pgbouncer", closedPort(), 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> health(hurry).size() == 1);

        store.append(new TimelineEntry(UUID.randomUUID(), hurry.id(), 0, Instant.now(), Instant.now(), "alice", null,
                new EntryBody.ServiceLinked("orders")));
        recorder.knownOpen(store.list(true));
        recorder.awaitIdle();

        assertThat(health(hurry)).containsExactly("unknown->down");
        assertThat(elsewhere(hurry)).as("not told again as elsewhere once it linked orders").isEmpty();
    }
}
