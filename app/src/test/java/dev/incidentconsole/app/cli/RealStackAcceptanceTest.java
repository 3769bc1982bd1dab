package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.stack.DebianServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's team stack, for real: seed 000's AOS runbook as the only runbook (its ports moved to free ones, no
 * environment file), PostgreSQL, PgBouncer, Prometheus and Alertmanager from the Debian packages plus an HTTP
 * backend on loopback, Grafana left dead. {@code check --json} must get every Quick Reference status right and link
 * three alerts posted to Alertmanager to the sections that answer them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealStackAcceptanceTest {
    private static final String SEED = "000_8a79b9de71f785a0.txt";
    private final Map<String, Integer> ports = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Instant backendDownSince = Instant.now().minus(7, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    private DebianServers servers;
    private HttpServer backend;
    private Path runbooks;

    @TempDir
    Path home;

    @BeforeAll
    void startTheStack(@TempDir Path folder) throws Exception {
        String shared = System.getProperty("incident.shared.dir");
        assumeTrue(shared != null && Files.exists(Path.of(shared, "seeds", SEED)), "seed " + SEED + " is absent; skipping");
        for (String[] tool : new String[][] {{"initdb", "postgresql"}, {"pgbouncer", "pgbouncer"}, {"prometheus", "prometheus"}}) {
            DebianServers.require(tool[0], tool[1]);
        }
        for (int port : new int[] {5433, 6432, 9090, 9093, 8000, 3000}) {
            ports.put(Integer.toString(port), DebianServers.freePort());
        }
        String text = Files.readString(Path.of(shared, "seeds", SEED));
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
            text = text.replace(p.getKey(), Integer.toString(p.getValue()));
        }
        runbooks = Files.createDirectories(folder.resolve("aos"));
        Files.writeString(runbooks.resolve(SEED), text);

        servers = new DebianServers();
        servers.alertmanager(port(9093)); // the slow starters first, waited for last
        servers.prometheus(port(9090), """
                groups:
                  - name: aos
                    rules:
                      - alert: AosRateLimitBlockedTotalHigh
                        expr: vector(1)
                        labels: {severity: warning}
                        annotations: {summary: "rate limiter blocks many requests"}
                """);
        servers.postgres(port(5433), "CREATE ROLE nova LOGIN PASSWORD 'novapass'", "CREATE DATABASE nova_aos OWNER nova");
        servers.pgbouncer(port(6432), port(5433), "nova_aos", "nova", "novapass");
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(8000)), 0);
        backend.createContext("/health", exchange -> {
            byte[] body = "{\"status\": \"healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        servers.awaitReady("http://127.0.0.1:" + port(9090) + "/-/ready");
        servers.awaitReady("http://127.0.0.1:" + port(9093) + "/-/ready");
        postAlerts();
        String rules = "http://127.0.0.1:" + port(9090) + "/api/v1/alerts";
        servers.waitFor("Prometheus' rule firing", () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(rules)).build(), HttpResponse.BodyHandlers.ofString())
                        .body().contains("\"firing\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterAll
    void stopTheStack() throws Exception {
        if (backend != null) {
            backend.stop(0);
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void everyQuickReferenceStatusIsRightAndEachAlertLinksToTheSectionThatAnswersIt() throws Exception {
        CliRun cli = new CliRun().isolate(home);
        try {
            int code = cli.run("check", "--runbooks", runbooks.toString(), "--json");
            JsonNode rows = new ObjectMapper().readTree(cli.out());
            Map<String, JsonNode> byName = new HashMap<>();
            rows.forEach(r -> byName.put(r.get("service").asText(), r));

            assertThat(byName).as(cli.out() + cli.err()).containsOnlyKeys("Backend API", "PgBouncer", "Postgres", "Prometheus",
                    "Grafana", "Alertmanager");
            for (String up : new String[] {"Backend API", "PgBouncer", "Postgres", "Prometheus", "Alertmanager"}) {
                assertThat(byName.get(up).get("status").asText()).as(up + ": " + byName.get(up)).isEqualTo("up");
            }
            assertThat(byName.get("Grafana").get("status").asText()).isEqualTo("down");
            assertThat(code).isEqualTo(1);
            JsonNode postgres = byName.get("Postgres");
            assertThat(postgres.get("probe").asText()).isEqualTo("postgres");
            assertThat(postgres.get("reason").asText()).startsWith("PostgreSQL on " + port(5433) + " accepts connections")
                    .endsWith("; the runbook checks it with docker exec");
            assertThat(byName.get("PgBouncer").get("probe").asText()).isEqualTo("postgres");
            assertThat(byName.get("Alertmanager").get("probe").asText()).isEqualTo("alertmanager");
            JsonNode prometheusAlerts = byName.get("Prometheus").get("alerts");
            assertThat(byName.get("Prometheus").get("probe").asText()).isEqualTo("prometheus");
            assertThat(prometheusAlerts).hasSize(1);
            assertThat(prometheusAlerts.get(0).get("name").asText()).isEqualTo("AosRateLimitBlockedTotalHigh");
            assertThat(prometheusAlerts.get(0).get("state").asText()).isEqualTo("firing");
            assertThat(prometheusAlerts.get(0).get("runbooks").get(0).get("section").asText())
                    .as("named after the metric the Warning Alerts list names")
                    .isEqualTo("AOS On-Call Runbook > Metrics to Monitor > Warning Alerts");

            Map<String, JsonNode> alerts = new HashMap<>();
            byName.get("Alertmanager").get("alerts").forEach(a -> alerts.put(a.get("name").asText(), a));
            assertThat(alerts).containsOnlyKeys("AosBackendDown", "RateLimiterDisconnected", "ConnectionPoolSaturated");
            assertAnswer(alerts.get("AosBackendDown"), "Common Issues > 1. Backend Health Check Failing", "runbook_url annotation");
            assertAnswer(alerts.get("RateLimiterDisconnected"), "Common Issues > 2. Rate Limiting Issues",
                    "expression: metric aos_rate_limit_redis_connected in its commands");
            assertAnswer(alerts.get("ConnectionPoolSaturated"), "Common Issues > 4. Database Connection Errors",
                    "label service=\"PgBouncer\" names service PgBouncer (mentions PgBouncer)");
            for (JsonNode a : alerts.values()) {
                assertThat(Instant.parse(a.get("startsAt").asText())).as(a.get("name").asText()).isEqualTo(backendDownSince);
                assertThat(a.get("state").asText()).isEqualTo("active");
            }
        } finally {
            cli.restore();
        }
    }

    private void assertAnswer(JsonNode alert, String sectionPath, String why) {
        JsonNode best = alert.get("runbooks").get(0);
        assertThat(best.get("file").asText()).isEqualTo(runbooks.resolve(SEED).toString());
        assertThat(best.get("section").asText()).as(alert.toString()).isEqualTo("AOS On-Call Runbook > " + sectionPath);
        assertThat(best.get("line").asInt()).isPositive();
        assertThat(best.get("why").asText()).isEqualTo(why);
    }

    /** Three alerts as rules would send them: one with runbook_url, one with only its expression, one with a label. */
    private void postAlerts() throws Exception {
        String prometheus = "http://127.0.0.1:" + port(9090) + "/graph?g0.expr=";
        String body = """
                [{"labels": {"alertname": "AosBackendDown", "severity": "critical"},
                  "annotations": {"summary": "the backend does not answer",
                                  "runbook_url": "https://github.com/agenticverz/aos/blob/main/docs/%1$s#1-backend-health-check-failing"},
                  "startsAt": "%2$s"},
                 {"labels": {"alertname": "RateLimiterDisconnected", "severity": "critical"},
                  "annotations": {}, "generatorURL": "%3$s", "startsAt": "%2$s"},
                 {"labels": {"alertname": "ConnectionPoolSaturated", "severity": "warning", "service": "PgBouncer"},
                  "annotations": {}, "startsAt": "%2$s"}]
                """.formatted(SEED, backendDownSince, prometheus
                + URLEncoder.encode("aos_rate_limit_redis_connected == 0", StandardCharsets.UTF_8) + "&g0.tab=1");
        String am = "http://127.0.0.1:" + port(9093) + "/api/v2/alerts";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(am)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        servers.waitFor("three alerts listed", () -> {
            try {
                String listed = http.send(HttpRequest.newBuilder(URI.create(am)).build(), HttpResponse.BodyHandlers.ofString()).body();
                return new ObjectMapper().readTree(listed).size() == 3;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private int port(int documented) {
        return ports.get(Integer.toString(documented));
    }
}
