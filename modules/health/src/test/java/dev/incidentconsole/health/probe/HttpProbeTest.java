package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.testing.Net;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpProbeTest {
    private static HttpServer server;
    private static Probes probes;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", ex -> reply(ex, 200, "{\"status\":\"healthy\",\"version\":\"1.4.2\"}"));
        server.createContext("/unavailable", ex -> reply(ex, 503,
                "{\"status\":\"unhealthy\",\"checks\":{\"database\":{\"status\":\"fail\",\"error\":\"timeout\"}}}"));
        server.createContext("/slow", ex -> {
            sleep(3000);
            reply(ex, 200, "{\"status\":\"healthy\"}");
        });
        server.createContext("/starting", ex -> reply(ex, 200, "{\"status\":\"starting\"}"));
        server.createContext("/html", ex -> reply(ex, 200, "<html>fine</html>"));
        server.createContext("/deps", ex -> reply(ex, 200, "{\"status\":\"healthy\",\"checks\":{"
                + "\"database\":{\"status\":\"ok\",\"latency_ms\":5},\"redis\":{\"status\":\"degraded\",\"message\":\"slow\"}}}"));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/login");
            reply(ex, 302, "");
        });
        server.createContext("/admin", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean ok = "Basic YWRtaW46YWRtaW4=".equals(auth); // admin:admin
            boolean key = "k-1".equals(ex.getRequestHeaders().getFirst("X-API-Key"));
            reply(ex, ok || key ? 200 : 401, ok || key ? "{\"database\":\"ok\"}" : "unauthorized");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        probes = new Probes();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        probes.close();
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
        "/ok          | UP       | HTTP 200",
        "/unavailable | DOWN     | HTTP 503 Service Unavailable (database: fail)",
        "/starting    | DEGRADED | reports status \"starting\"",
        "/deps        | DEGRADED | dependency (redis: degraded)",
        "/redirect    | DOWN     | HTTP 302 Temporary Redirect",
        "/admin       | DOWN     | HTTP 401 Unauthorized",
        "/missing     | DOWN     | HTTP 404 Not Found",
    })
    void statusFollowsTheAnswer(String path, Status status, String reason) {
        ProbeResult r = check(HttpSpec.get(base + path), Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void healthyBodyReportsVersionAndStatusCode() {
        ProbeResult r = check(HttpSpec.get(base + "/ok"), Duration.ofSeconds(2));
        assertThat(r.details()).containsEntry("version", "1.4.2").containsEntry("http.status", "200");
        assertThat(r.certificateExpiry()).isNull();
    }

    @Test
    void dependenciesBecomeSubStatuses() {
        ProbeResult r = check(HttpSpec.get(base + "/deps"), Duration.ofSeconds(2));
        assertThat(r.dependencies()).containsExactly(
                new Dependency("database", Status.UP, "ok", 5, ""),
                new Dependency("redis", Status.DEGRADED, "degraded", -1, "slow"));
    }

    @Test
    void failingDependencyShowsOnAnUnavailableService() {
        ProbeResult r = check(HttpSpec.get(base + "/unavailable"), Duration.ofSeconds(2));
        assertThat(r.dependencies()).extracting(Dependency::name, Dependency::status, Dependency::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("database", Status.DOWN, "timeout"));
    }

    @Test
    void slowEndpointTimesOutWithTheBudgetInTheReason() {
        ProbeResult r = check(HttpSpec.get(base + "/slow"), Duration.ofMillis(300));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("timeout after 300 ms");
    }

    @ParameterizedTest(name = "{0} expecting {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "/ok       | /status | healthy | UP       | HTTP 200",
        "/starting | /status | healthy | DEGRADED | /status: got \"starting\", expected healthy",
        "/html     | /status | healthy | DEGRADED | body is not JSON, expected /status healthy",
        "/deps     | /checks/database/latency_ms | < 10 | DEGRADED | dependency (redis: degraded)",
        "/ok       | /missing | x      | DEGRADED | /missing: got nothing, expected x",
    })
    void jsonExpectationDecides(String path, String pointer, String value, Status status, String reason) {
        ProbeResult r = check(HttpSpec.get(base + path).withExpect(BodyExpectation.json(pointer, value)),
                Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void keywordExpectation() {
        assertThat(check(HttpSpec.get(base + "/html").withExpect(BodyExpectation.keyword("fine")),
                Duration.ofSeconds(2)).status()).isEqualTo(Status.UP);
        ProbeResult r = check(HttpSpec.get(base + "/html").withExpect(BodyExpectation.keyword("healthy")),
                Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).isEqualTo("body does not contain \"healthy\"");
    }

    @Test
    void basicAuthAndHeadersAreSent() {
        assertThat(check(HttpSpec.get(base + "/admin").withBasicAuth("admin", "admin"), Duration.ofSeconds(2))
                .status()).isEqualTo(Status.UP);
        assertThat(check(HttpSpec.get(base + "/admin").withBasicAuth("admin", "wrong"), Duration.ofSeconds(2))
                .reason()).isEqualTo("HTTP 401 Unauthorized");
        assertThat(check(HttpSpec.get(base + "/admin").withHeader("X-API-Key", dev.incidentconsole.health.Secret.of("k-1")),
                Duration.ofSeconds(2)).status()).isEqualTo(Status.UP);
    }

    @Test
    void acceptedStatusCodesAreConfigurable() {
        HttpSpec spec = HttpSpec.get(base + "/redirect").withAccept(new StatusCodes(List.of("2xx", "3xx")));
        assertThat(check(spec, Duration.ofSeconds(2)).status()).isEqualTo(Status.UP);
    }

    @Test
    void closedPortIsConnectionRefused() {
        ProbeResult r = check(HttpSpec.get("http://127.0.0.1:" + Net.closedPort() + "/health"), Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("connection refused");
    }

    @Test
    void neverAnsweringAddressHonoursTheTimeout() throws IOException {
        try (Net.Blackhole hole = new Net.Blackhole()) {
            ProbeResult r = check(HttpSpec.get("http://127.0.0.1:" + hole.port() + "/"), Duration.ofMillis(400));
            assertThat(r.status()).isEqualTo(Status.DOWN);
            assertThat(r.reason()).startsWith("timeout after 400 ms");
        }
    }

    private static ProbeResult check(HttpSpec spec, Duration timeout) {
        return probes.create(spec).check(ProbeContext.start(timeout));
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
