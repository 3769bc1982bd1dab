package dev.incidentconsole.app.incident;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link HealthRecorderTest} and {@link HealthRecorderAlertsTest} share: the recorder under the real health
 * scheduler, against real loopback services and an embedded store.
 */
abstract class HealthRecorderFixture {
    static final Duration TICK = Duration.ofMillis(120);

    @TempDir
    Path dir;

    IncidentStore store;
    HealthScheduler scheduler;
    final List<HealthRecorder> recorders = new ArrayList<>();
    final List<HttpServer> servers = new ArrayList<>();
    final List<Receipt> receipts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
    }

    @AfterEach
    void close() {
        scheduler.close();
        recorders.forEach(HealthRecorder::close);
        servers.forEach(s -> s.stop(0));
        store.close();
    }

    HealthRecorder recorder(String author, String environment) {
        HealthRecorder r = new HealthRecorder(() -> store, author, receipts::add);
        r.environment(environment);
        scheduler.subscribe(r);
        recorders.add(r);
        return r;
    }

    Incident incident(String title, String environment, String... services) throws Exception {
        return store.create(new IncidentDraft(title, Severity.P2, environment, List.of(services), List.of(), null), "alice");
    }

    /** The incident's health changes of its own services, {@code from->to}. */
    List<String> health(Incident i) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.HealthChanged h && !h.elsewhere())
                .map(e -> (EntryBody.HealthChanged) e.body()).map(h -> h.from() + "->" + h.to()).toList();
    }

    /** The incident's health changes recorded as elsewhere, {@code service from->to}. */
    List<String> elsewhere(Incident i) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.HealthChanged h && h.elsewhere())
                .map(e -> (EntryBody.HealthChanged) e.body()).map(h -> h.service() + " " + h.from() + "->" + h.to()).toList();
    }

    static ServiceSpec http(String name, int port, int retries) {
        return ServiceSpec.of(name, "127.0.0.1", port, HttpSpec.get("http://127.0.0.1:" + port + "/health"))
                .withInterval(TICK).withTimeout(Duration.ofSeconds(2)).withRetries(retries, TICK);
    }

    /** A port nothing listens on: connecting is refused. */
    static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    HttpServer serve(HttpServer s) {
        servers.add(s);
        return s;
    }

    /** A healthy service again on the port the stopped one had (the address the scheduler watches). */
    static HttpServer healthyOn(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        s.createContext("/", ex -> reply(ex, 200, "{\"status\":\"ok\"}"));
        s.start();
        return s;
    }

    static HttpServer scripted(String script, AtomicInteger checks) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            int n = checks.getAndIncrement();
            char step = script.charAt(Math.min(n, script.length() - 1));
            switch (step) {
                case 'D' -> reply(ex, 503, "{\"status\":\"down\"}");
                case 'G' -> reply(ex, 200, "{\"status\":\"degraded\"}");
                default -> reply(ex, 200, "{\"status\":\"ok\"}");
            }
        });
        s.start();
        return s;
    }

    static HttpServer answering(AtomicReference<String> alerts, AtomicInteger answers) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            answers.incrementAndGet();
            reply(ex, 200, alerts.get());
        });
        s.start();
        return s;
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
