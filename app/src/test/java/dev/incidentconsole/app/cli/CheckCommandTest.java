package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.Main;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check} in-process against real loopback HTTP servers and closed ports. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer up;
    private Path runbooks;
    private String configDir;

    @BeforeEach
    void start() throws IOException {
        up = Loopback.healthy();
        runbooks = Files.createDirectories(dir.resolve("runbooks")); // no runbooks: only the environment file counts
        // An environments.yaml in the user's settings folder must not stand in for the one under test.
        configDir = System.setProperty("incident.config.dir", Files.createDirectories(dir.resolve("config")).toString());
    }

    @AfterEach
    void stop() {
        up.stop(0);
        if (configDir == null) {
            System.clearProperty("incident.config.dir");
        } else {
            System.setProperty("incident.config.dir", configDir);
        }
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path env(String yaml) throws IOException {
        return Files.writeString(dir.resolve("env.yaml"), yaml);
    }

    @Test
    void jsonListsEveryServiceAndExitsZeroWhenAllAreUp() throws Exception {
        Path file = env("""
                services:
                  - {name: api, host: 127.0.0.1, port: %d, http: /health}
                  - {name: api-tcp, host: 127.0.0.1, port: %d}
                """.formatted(Loopback.port(up), Loopback.port(up)));

        assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--json")).isZero();

        JsonNode results = new ObjectMapper().readTree(out.toString());
        assertThat(results).hasSize(2);
        JsonNode api = results.get(0);
        assertThat(api.get("service").asText()).isEqualTo("api");
        assertThat(api.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(api.get("port").asInt()).isEqualTo(Loopback.port(up));
        assertThat(api.get("probe").asText()).isEqualTo("http");
        assertThat(api.get("status").asText()).isEqualTo("up");
        assertThat(api.get("latencyMs").isIntegralNumber()).isTrue();
        assertThat(api.get("reason").asText()).contains("200");
        assertThat(Instant.parse(api.get("checkedAt").asText())).isBefore(Instant.now());
        assertThat(results.get(1).get("probe").asText()).isEqualTo("tcp");
    }

    @Test
    void closedPortIsDownAtOnceAndExitsOne() throws Exception {
        Path file = env("""
                services:
                  - {name: api, host: 127.0.0.1, port: %d, http: /health}
                  - {name: cache, host: 127.0.0.1, port: %d, redis: {}, retries: 3}
                """.formatted(Loopback.port(up), Loopback.closedPort()));

        assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--json")).isEqualTo(1);

        JsonNode cache = new ObjectMapper().readTree(out.toString()).get(1);
        assertThat(cache.get("status").asText()).isEqualTo("down");
        assertThat(cache.get("reason").asText()).containsIgnoringCase("refused");
    }

    @Test
    void unhealthyAnswerIsDownAndTheTableSaysWhy() throws Exception {
        HttpServer failing = Loopback.http(503, "{\"status\":\"down\"}");
        try {
            Path file = env("""
                    services:
                      - {name: api, host: 127.0.0.1, port: %d, http: /health}
                      - {name: worker, host: 127.0.0.1, port: %d, http: /health}
                    """.formatted(Loopback.port(up), Loopback.port(failing)));

            assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--once")).isEqualTo(1);

            assertThat(out.toString()).contains("env (env.yaml): 2 services, 1 up, 1 down", "STATUS", "REASON")
                    .containsPattern("UP +api +127\\.0\\.0\\.1:\\d+ +http")
                    .containsPattern("DOWN +worker .*503");
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void timedOutServiceShowsTheTimeToTheFailureInTableAndJson() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // accepts (the kernel does) but never answers: the HTTP probe runs into its timeout
            Path file = env("""
                    services:
                      - {name: worker, host: 127.0.0.1, port: %d, http: /health, timeout: 400ms}
                    """.formatted(silent.getLocalPort()));

            assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--once")).isEqualTo(1);
            assertThat(out.toString()).containsPattern("DOWN +worker +127\\.0\\.0\\.1:\\d+ +http +(4\\d\\d ms|\\d\\.\\d s) ");

            out.getBuffer().setLength(0);
            assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--json")).isEqualTo(1);
            JsonNode worker = new ObjectMapper().readTree(out.toString()).get(0);
            assertThat(worker.get("status").asText()).isEqualTo("down");
            assertThat(worker.get("latencyMs").asLong()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void badEnvironmentFileNamesFileLineAndFieldAndExitsTwo() throws Exception {
        Path file = env("""
                services:
                  - name: api
                    port: 8000
                    intervall: 5s
                """);

        assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--once")).isEqualTo(2);

        assertThat(err.toString()).startsWith("env.yaml line 4: services[0].intervall: unknown field");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingFileUnknownEnvironmentAndBadOptionsExitTwo() throws Exception {
        String folder = runbooks.toString();
        assertThat(run("check", "--env", dir.resolve("nope.yaml").toString(), "--runbooks", folder, "--once")).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml: the file does not exist");
        Path file = env("services: [{name: api, host: 127.0.0.1, port: 1}]\n");
        assertThat(run("check", "--env", file.toString(), "--runbooks", folder, "--environment", "prod", "--once")).isEqualTo(2);
        assertThat(err.toString()).contains("no environment named \"prod\"");
        assertThat(run("check", "--count", "0")).isEqualTo(2);
        assertThat(run("check", "--runbooks", dir.resolve("missing").toString(), "--once")).isEqualTo(2);
    }

    @Test
    void withoutAnEnvironmentFileTheRunbookPortTablesAreChecked() throws Exception {
        Files.writeString(runbooks.resolve("api.md"), """
                # API Runbook

                | Service | Port | Health Check |
                |---------|------|--------------|
                | API | %d | `curl -fsS http://127.0.0.1:%d/health` |
                """.formatted(Loopback.port(up), Loopback.port(up)));

        assertThat(run("check", "--runbooks", runbooks.toString(), "--json")).isZero();

        JsonNode api = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(api.get("service").asText()).isEqualTo("API");
        assertThat(api.get("status").asText()).isEqualTo("up");
    }

    @Test
    void environmentFileNextToTheRunbooksIsUsedByDefault() throws Exception {
        Files.writeString(runbooks.resolve("environments.yaml"), """
                default: local
                environments:
                  local: {services: [{name: local-api, host: 127.0.0.1, port: %d, http: /health}]}
                  production: {production: true, services: [{name: prod-api, host: 127.0.0.1, port: %d}]}
                """.formatted(Loopback.port(up), Loopback.closedPort()));

        assertThat(run("check", "--runbooks", runbooks.toString(), "--once")).isZero();
        assertThat(out.toString()).startsWith("local (environments.yaml): 1 service, 1 up").contains("local-api");

        assertThat(run("check", "--runbooks", runbooks.toString(), "--environment", "production", "--once")).isEqualTo(1);
        assertThat(out.toString()).contains("production [PRODUCTION] (environments.yaml)", "prod-api");
    }

    @Test
    void firingAlertsAreListedWithTheRunbookSectionThatNamesThem() throws Exception {
        Files.writeString(runbooks.resolve("alerts.md"), """
                # Alert Runbooks

                ### Alert: `RedisDown`

                **Meaning:** the cache Redis does not answer PING.
                """);
        HttpServer alertmanager = Loopback.http(200, """
                [{"labels": {"alertname": "RedisDown", "severity": "critical"},
                  "annotations": {"summary": "Redis has not answered for 2 minutes"}, "startsAt": "2026-01-01T00:00:00Z"},
                 {"labels": {"alertname": "DiskFull", "severity": "warning"}, "annotations": {}}]
                """);
        try {
            Path file = env("services: [{name: am, host: 127.0.0.1, port: %d, alertmanager: {}}]\n"
                    .formatted(Loopback.port(alertmanager)));

            assertThat(run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--once")).isZero();

            assertThat(out.toString()).contains("2 alerts firing (1 critical, 1 warning)", "Firing alerts:")
                    .containsPattern("critical +RedisDown +Redis has not answered for 2 minutes")
                    .contains("runbook: alerts.md#Alert Runbooks > Alert: RedisDown", "no runbook answers this alert");
        } finally {
            alertmanager.stop(0);
        }
    }

    @Test
    void anAlertThatAlertmanagerAndPrometheusBothReportIsListedOnce() throws Exception {
        HttpServer alertmanager = Loopback.http(200, """
                [{"labels": {"alertname": "RedisDown", "severity": "critical"}, "annotations": {"summary": "no PONG"},
                  "startsAt": "2026-01-01T00:00:00Z", "status": {"state": "active"}}]
                """);
        HttpServer prometheus = Loopback.http(200, """
                {"status": "success", "data": {"alerts": [{"labels": {"alertname": "RedisDown", "severity": "critical"},
                  "annotations": {"summary": "no PONG"}, "state": "firing", "activeAt": "2026-01-01T00:00:00Z"}]}}
                """);
        try {
            Files.writeString(runbooks.resolve("monitoring.md"), """
                    # Monitoring

                    | Service | Port | Health Check |
                    |---------|------|--------------|
                    | Alertmanager | %1$d | `curl http://127.0.0.1:%1$d/api/v2/alerts` |
                    | Prometheus | %2$d | `curl http://127.0.0.1:%2$d/-/healthy` |
                    """.formatted(Loopback.port(alertmanager), Loopback.port(prometheus)));

            assertThat(run("check", "--runbooks", runbooks.toString(), "--once")).isZero();

            String table = out.toString();
            assertThat(table.substring(table.indexOf("Firing alerts:"))).containsPattern("critical +RedisDown +no PONG")
                    .containsOnlyOnce("RedisDown");
        } finally {
            alertmanager.stop(0);
            prometheus.stop(0);
        }
    }

    @Test
    void jsonAlertSourceRowsCarryTheirAlertsAndTheSectionsThatAnswerThem() throws Exception {
        Files.writeString(runbooks.resolve("cache.md"), """
                # Cache runbook

                ## 1. Redis: evicting keys

                Watch `redis_evicted_keys_total`.

                ## Flush the cache

                ```bash
                redis-cli FLUSHDB
                ```
                """);
        HttpServer alertmanager = Loopback.http(200, """
                [{"labels": {"alertname": "CacheEvicting", "severity": "warning"}, "status": {"state": "active"},
                  "annotations": {"runbook_url": "https://github.com/acme/ops/blob/main/cache.md#1-redis-evicting-keys"},
                  "startsAt": "2026-01-01T01:50:55Z"},
                 {"labels": {"alertname": "Unnamed1", "severity": "warning"}, "annotations": {},
                  "generatorURL": "http://prom:9090/graph?g0.expr=rate%28redis_evicted_keys_total%5B5m%5D%29+%3E+10&g0.tab=1"},
                 {"labels": {"alertname": "Unnamed2", "severity": "warning", "service": "cache"}, "annotations": {}},
                 {"labels": {"alertname": "Elsewhere", "severity": "warning"},
                  "annotations": {"runbook_url": "https://wiki.example.com/Elsewhere"}}]
                """);
        try {
            Path file = env(("services: [{name: am, host: 127.0.0.1, port: %d, alertmanager: {}},"
                    + " {name: Cache, host: 127.0.0.1, port: %d, runbooks: ['cache.md#Flush the cache']}]\n")
                    .formatted(Loopback.port(alertmanager), Loopback.port(alertmanager)));

            run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--json");

            JsonNode rows = new ObjectMapper().readTree(out.toString());
            assertThat(rows.isArray()).isTrue();
            assertThat(rows.get(1).has("alerts")).as("only alert sources have alerts").isFalse();
            JsonNode alerts = rows.get(0).get("alerts");
            assertThat(alerts).hasSize(4);
            JsonNode byUrl = alerts.get(0);
            assertThat(byUrl.get("name").asText()).isEqualTo("CacheEvicting");
            assertThat(byUrl.get("state").asText()).isEqualTo("active");
            assertThat(byUrl.get("startsAt").asText()).isEqualTo("2026-01-01T01:50:55Z");
            assertThat(byUrl.get("annotations").get("runbook_url").asText()).endsWith("#1-redis-evicting-keys");
            JsonNode first = byUrl.get("runbooks").get(0);
            assertThat(first.get("file").asText()).isEqualTo(runbooks.resolve("cache.md").toString());
            assertThat(first.get("section").asText()).isEqualTo("Cache runbook > 1. Redis: evicting keys");
            assertThat(first.get("line").asInt()).isEqualTo(3);
            assertThat(first.get("why").asText()).isEqualTo("runbook_url annotation");
            assertThat(alerts.get(1).get("runbooks").get(0).get("why").asText())
                    .isEqualTo("expression: metric redis_evicted_keys_total in its text");
            assertThat(alerts.get(2).get("labels").get("service").asText()).isEqualTo("cache");
            assertThat(alerts.get(2).get("runbooks").get(0).get("section").asText()).isEqualTo("Cache runbook > Flush the cache");
            assertThat(alerts.get(2).get("runbooks").get(0).get("why").asText())
                    .isEqualTo("label service=\"cache\" names service Cache (linked in the environment file)");
            JsonNode web = alerts.get(3).get("runbooks").get(0);
            assertThat(web.get("file").isNull()).isTrue();
            assertThat(web.get("url").asText()).isEqualTo("https://wiki.example.com/Elsewhere");
        } finally {
            alertmanager.stop(0);
        }
    }

    @Test
    void liveTableIsRedrawnUntilTheCount() throws Exception {
        Path file = env("services: [{name: api, host: 127.0.0.1, port: %d, http: /health, interval: 1s}]\n"
                .formatted(Loopback.port(up)));

        int code = run("check", "--env", file.toString(), "--runbooks", runbooks.toString(), "--count", "3");

        assertThat(out.toString().split("every second, Ctrl\\+C to stop", -1)).hasSize(4);
        assertThat(code).as(out.toString()).isZero();
    }
}
