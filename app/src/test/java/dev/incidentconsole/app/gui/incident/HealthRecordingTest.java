package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's wiring of the health recorder ({@link HealthRecording}) between the real dashboard view model (a real
 * scheduler probing a real loopback HTTP server) and the incidents view model on an embedded store: a service going
 * DOWN lands on the open incident's timeline once, in the store and on the timeline shown.
 */
class HealthRecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TestUi ui = new TestUi();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final AtomicInteger checks = new AtomicInteger();
    private HttpServer server;
    private IncidentStore store;
    private DashboardViewModel dashboard;
    private IncidentViewModel incidents;
    private HealthRecording recording;

    @BeforeEach
    void open() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            checks.incrementAndGet();
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, retries: 1, timeout: 2s}
                services:
                  - {name: checkout, port: %d, http: /health}
                """.formatted(server.getAddress().getPort()));
        dashboard = new DashboardViewModel(new DirectTaskExecutor(), HealthScheduler.builder()
                .initialSpread(Duration.ZERO).build(), new EnvironmentLoader(Map.<String, String>of()::get),
                TestUser.current());
        dashboard.openEnvironmentFile(env, null);
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), ui, () -> store, "alice");
        incidents.followStore();
    }

    @AfterEach
    void close() {
        if (recording != null) {
            recording.close();
        }
        incidents.close();
        dashboard.close();
        server.stop(0);
        store.close();
    }

    @Test
    void aServiceGoingDownLandsOnceOnTheOpenIncidentsTimeline() throws Exception {
        String environment = dashboard.environment().nameProperty().get();
        Incident checkout = store.create(new IncidentDraft("Checkout slow", Severity.P2, environment,
                List.of("checkout"), List.of(), null), "alice");
        incidents.refresh();
        incidents.selectedProperty().set(incidents.incidents().stream().filter(i -> i.id().equals(checkout.id()))
                .findFirst().orElseThrow());
        recording = HealthRecording.start(dashboard, incidents, ui);
        ui.runUntil(() -> dashboard.row("checkout").map(r -> r.state() == Status.UP).orElse(false), WAIT,
                dashboard::drain);

        answer.set(503);
        ui.runUntil(() -> health(stored(checkout)).size() == 1 && health(shown()).size() == 1, WAIT, dashboard::drain);
        int seen = checks.get();
        ui.runUntil(() -> checks.get() >= seen + 3, WAIT, dashboard::drain); // more failed checks add nothing

        assertThat(health(stored(checkout))).containsExactly("up->down");
        assertThat(health(shown())).containsExactly("up->down");
    }

    /** Started from the window while the service is down: it catches up with that change once, however often listed. */
    @Test
    void anIncidentStartedInTheWindowWhileTheServiceIsDownGetsItsChangeOnce() throws Exception {
        recording = HealthRecording.start(dashboard, incidents, ui);
        ui.runUntil(() -> dashboard.row("checkout").map(r -> r.state() == Status.UP).orElse(false), WAIT,
                dashboard::drain);
        answer.set(503);
        ui.runUntil(() -> dashboard.row("checkout").map(r -> r.state() == Status.DOWN).orElse(false), WAIT,
                dashboard::drain);
        int down = checks.get();
        ui.runUntil(() -> checks.get() >= down + 2, WAIT, dashboard::drain); // confirmed by a second check

        java.util.concurrent.atomic.AtomicReference<Incident> started = new java.util.concurrent.atomic.AtomicReference<>();
        incidents.start(new IncidentDraft("Checkout down", Severity.P1, dashboard.environment().nameProperty().get(),
                List.of("checkout"), List.of(), null), started::set);
        ui.runUntil(() -> started.get() != null, WAIT, dashboard::drain);
        ui.runUntil(() -> health(stored(started.get())).size() >= 1 && health(shown()).size() >= 1, WAIT,
                dashboard::drain);
        for (int k = 0; k < 3; k++) {
            incidents.refresh();
            int seen = checks.get();
            ui.runUntil(() -> checks.get() >= seen + 1, WAIT, dashboard::drain);
        }

        assertThat(health(stored(started.get()))).containsExactly("up->down");
        assertThat(health(shown())).containsExactly("up->down");
    }

    private List<TimelineEntry> stored(Incident incident) {
        try {
            return store.entries(incident.id(), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TimelineEntry> shown() {
        return List.copyOf(incidents.timeline().entries());
    }

    private static List<String> health(List<TimelineEntry> entries) {
        return entries.stream().filter(e -> e.body() instanceof EntryBody.HealthChanged)
                .map(e -> (EntryBody.HealthChanged) e.body()).map(h -> h.from() + "->" + h.to()).toList();
    }
}
