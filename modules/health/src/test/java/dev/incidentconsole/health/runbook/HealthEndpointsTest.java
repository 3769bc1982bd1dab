package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.probe.Probes;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.testing.SharedRunbooks;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health endpoints listed as commands outside a table, with the answers the runbook documents. */
class HealthEndpointsTest {
    private final RunbookServices services = new RunbookServices(Map.<String, String>of()::get, "localhost");
    private final AtomicReference<String> readyBody = new AtomicReference<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void seed001HealthEndpointsBecomeServicesWithTheirDocumentedExpectations() throws IOException {
        Map<String, ServiceSpec> s = offer(Files.readString(SharedRunbooks.path("seeds/001_63daa14399e4751e.txt")));

        assertThat(s).containsOnlyKeys("Basic Health", "Readiness (K8s)", "Determinism Status");
        assertThat(s.get("Basic Health").probe()).isEqualTo(HttpSpec.get("http://localhost:8000/health")
                .withExpect(BodyExpectation.json("/status", "healthy")));
        assertThat(s.get("Readiness (K8s)").probe()).isEqualTo(HttpSpec.get("http://localhost:8000/health/ready")
                .withExpect(BodyExpectation.json("/ready", "true")));
        assertThat(s.get("Determinism Status").probe()).isEqualTo(HttpSpec.get("http://localhost:8000/health/determinism"));
        assertThat(s.get("Basic Health").port()).isEqualTo(8000);
        assertThat(s.get("Readiness (K8s)").runbooks()).singleElement()
                .satisfies(r -> assertThat(r.section()).isEqualTo("Readiness (K8s)"));
    }

    @Test
    void seed002DocumentedResponseBodyBecomesTheTableRowsExpectation() throws IOException {
        Map<String, ServiceSpec> s = offer(Files.readString(SharedRunbooks.path("seeds/002_572c25c714beff75.txt")));

        assertThat(((HttpSpec) s.get("API Server").probe()).expect()).isEqualTo(BodyExpectation.json("/status", "healthy"));
        assertThat(s.keySet()).as("the documented endpoint is the row's, not a second service")
                .noneMatch(name -> name.contains("/api/health"));
    }

    @Test
    void readinessIsUpWhenTheAnswerIsAsDocumentedDegradedWhenNotAndDownWhenNothingAnswers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/ready", exchange -> {
            byte[] body = readyBody.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        String seed = Files.readString(SharedRunbooks.path("seeds/001_63daa14399e4751e.txt")).replace("8000", Integer.toString(port));
        ServiceSpec ready = offer(seed).get("Readiness (K8s)");

        try (Probes probes = new Probes()) {
            readyBody.set("{\"ready\": true, \"checks\": {\"database\": {\"status\": \"ok\"}, \"redis\": {\"status\": \"ok\"}}}");
            ProbeResult right = probes.create(ready).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(right.status()).isEqualTo(Status.UP);
            assertThat(right.dependencies()).extracting(d -> d.name() + "=" + d.status()).containsExactly("database=UP", "redis=UP");

            readyBody.set("{\"ready\": false, \"checks\": {\"database\": {\"status\": \"ok\"}, \"redis\": {\"status\": \"down\"}}}");
            ProbeResult wrong = probes.create(ready).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(wrong.status()).isNotEqualTo(Status.UP);
            assertThat(wrong.reason()).contains("/ready");
            assertThat(wrong.dependencies()).extracting(d -> d.name() + "=" + d.status()).contains("redis=DOWN");

            server.stop(0);
            server = null;
            ProbeResult down = probes.create(ready).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(down.status()).isEqualTo(Status.DOWN);
            assertThat(down.reason()).isEqualTo("connection refused");
        }
    }

    private Map<String, ServiceSpec> offer(String text) {
        List<ServiceSpec> list = services.offer(new RunbookParser().parse(java.nio.file.Path.of("seed.md"), text));
        return list.stream().collect(Collectors.toMap(ServiceSpec::name, Function.identity()));
    }
}
