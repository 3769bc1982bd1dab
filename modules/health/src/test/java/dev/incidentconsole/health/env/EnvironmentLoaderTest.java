package dev.incidentconsole.health.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {
    @TempDir
    Path dir;

    private static final String MULTI = """
            default: local
            defaults:
              interval: 10s
              retries: 2
            environments:
              local:
                services:
                  - name: Backend API
                    port: 8000
                    http:
                      path: /health
                      expect: {pointer: /status, value: healthy}
                    latency-threshold: 500ms
                    tags: [api, tier1]
                    runbooks: ["backend.md#Backend Health Check Failing"]
                  - name: Cache
                    port: 6380
                    redis: {}
                  - name: SSH
                    port: 22
              production:
                production: true
                defaults: {host: db.prod.internal, timeout: 2s}
                targets:
                  ssh: [{host: bastion.prod, user: oncall}]
                services:
                  - name: Database
                    port: 5432
                    postgres:
                      user: monitor
                      database: app
                      query: select count(*) from pg_stat_activity
                      expect: "< 90"
                  - name: Queue check
                    command: "test -n \\"${QUEUE_URL}\\""
            targets:
              kube: {context: prod, namespace: app}
            x-team: payments
            """;

    @Test
    void multiEnvironmentFileGivesServicesWithInheritedDefaults() throws Exception {
        EnvironmentFile f = load("envs.yaml", MULTI);
        assertThat(f.names()).containsExactly("local", "production");
        assertThat(f.defaultName()).isEqualTo("local");
        assertThat(f.isProduction("production")).isTrue();
        Environment local = f.environment("local");
        assertThat(local.services()).extracting(ServiceSpec::name).containsExactly("Backend API", "Cache", "SSH");
        ServiceSpec api = local.services().get(0);
        assertThat(api.probe()).isInstanceOf(HttpSpec.class);
        HttpSpec http = (HttpSpec) api.probe();
        assertThat(http.url()).isEqualTo("http://localhost:8000/health");
        assertThat(http.expect().pointer()).isEqualTo("/status");
        assertThat(api.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(api.retries()).isEqualTo(2);
        assertThat(api.latencyThreshold()).isEqualTo(Duration.ofMillis(500));
        assertThat(api.tags()).containsExactly("api", "tier1");
        assertThat(api.runbooks().get(0).section()).isEqualTo("Backend Health Check Failing");
        assertThat(api.origin()).isEqualTo("envs.yaml line 8");
        assertThat(local.services().get(1).probe()).isEqualTo(RedisSpec.of("localhost", 6380));
        assertThat(local.services().get(2).probe()).isEqualTo(new TcpSpec("localhost", 22));
        assertThat(local.targets().path("kube").path("namespace").asText()).isEqualTo("app");
        assertThat(f.extensions()).containsKeys("x-team", "targets");
    }

    @Test
    void productionDefaultsAndTargetsOverrideTheFileLevel() throws Exception {
        Environment prod = load("envs.yaml", MULTI).environment("production");
        assertThat(prod.production()).isTrue();
        ServiceSpec db = prod.services().get(0);
        PostgresSpec pg = (PostgresSpec) db.probe();
        assertThat(pg.host()).isEqualTo("db.prod.internal");
        assertThat(pg.user()).isEqualTo("monitor");
        assertThat(pg.expect().test("95")).contains("expected < 90");
        assertThat(db.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(prod.targets().path("ssh").get(0).path("host").asText()).isEqualTo("bastion.prod");
    }

    @Test
    void commandTextIsKeptVerbatimForTheShell() throws Exception {
        Environment prod = load("envs.yaml", MULTI).environment("production");
        assertThat(((CommandSpec) prod.services().get(1).probe()).command()).isEqualTo("test -n \"${QUEUE_URL}\"");
    }

    @Test
    void jsonFilesLoadToo() throws Exception {
        EnvironmentFile f = load("staging.json", """
                {"services": [{"name": "API", "port": 8080, "http": "/healthz"}]}
                """);
        assertThat(f.names()).containsExactly("staging");
        EnvironmentFile remote = load("remote.yaml", "services:\n  - {name: Status, http: \"https://status.example.com/health\"}\n");
        assertThat(remote.defaultEnvironment().services().get(0).address()).isEqualTo("status.example.com:443");
        assertThat(((HttpSpec) f.defaultEnvironment().services().get(0).probe()).url())
                .isEqualTo("http://localhost:8080/healthz");
    }

    @Test
    void badPortNamesFileLineAndField() throws IOException {
        String yaml = """
                production: true
                services:
                  - name: A
                    port: 80
                  - name: B
                    port: 81
                  - name: C
                    port: 80a
                """;
        assertThatThrownBy(() -> load("production.yaml", yaml))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("production.yaml line 8: services[2].port: \"80a\" is not a port number (1-65535)");
    }

    @Test
    void unknownServiceFieldIsReportedWithKnownFields() {
        assertThatThrownBy(() -> load("local.yaml", """
                services:
                  - name: A
                    port: 80
                    intervall: 5s
                """))
                .hasMessageStartingWith("local.yaml line 4: services[0].intervall: unknown field; known fields:")
                .hasMessageContaining("interval");
    }

    @Test
    void misspeltFileAndEnvironmentKeysAreReportedWithKnownFields() {
        assertThatThrownBy(() -> load("team.yaml", """
                defualts:
                  timeout: 2s
                environments:
                  local:
                    services: [{name: A, port: 80}]
                """))
                // a key whose value is a block stands at the block's first line, as for a service's keys
                .hasMessageStartingWith("team.yaml line 2: defualts: unknown field; known fields:")
                .hasMessageContaining("defaults");
        assertThatThrownBy(() -> load("team.yaml", """
                environments:
                  local:
                    default: {host: 10.0.0.5}
                    services: [{name: A, port: 80}]
                """))
                .hasMessageStartingWith("team.yaml line 3: environments.local.default: unknown field; known fields:")
                .hasMessageContaining("defaults");
        assertThatThrownBy(() -> load("team.yaml", "environments:\n  local:\n    servics: [{name: A, port: 80}]\n"))
                .hasMessageStartingWith("team.yaml line 3: environments.local.servics: unknown field");
    }

    @Test
    void anUnknownKeyWhereExtensionsAreKeptSaysToStartItWithX() {
        assertThatThrownBy(() -> load("team.yaml", "team: payments\nservices: [{name: A, port: 80}]\n"))
                .hasMessageStartingWith("team.yaml line 1: team: unknown field; known fields:")
                .hasMessageEndingWith("; or start it with x- to keep it for your own tools");
        assertThatThrownBy(() -> load("local.yaml", "services:\n  - {name: A, port: 80, owner: me}\n"))
                .as("a service keeps no x- keys").message().doesNotContain("x-");
    }

    @Test
    void aYamlMergeKeyIsReportedAsUnsupportedNotAsAnUnknownField() {
        assertThatThrownBy(() -> load("team.yaml", """
                services:
                  - name: A
                    port: 80
                  - <<: {port: 80}
                    name: B
                """))
                .hasMessage("team.yaml line 4: services[1].<<: YAML merge keys (<<) are not supported; write the"
                        + " fields out, or put shared ones under defaults");
        assertThatThrownBy(() -> load("team.yaml", """
                x-base: &base {port: 80}
                services:
                  - <<: *base
                    name: B
                """))
                .hasMessageStartingWith("team.yaml line 3: services[0].<<: YAML merge keys (<<) are not supported");
    }

    @Test
    void aRepeatedKeyIsReportedNotSilentlyMerged() {
        assertThatThrownBy(() -> load("team.yaml", """
                environments:
                  local:
                    services: [{name: A, port: 80}]
                  local:
                    services: [{name: B, port: 81}]
                """))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("team.yaml line 4: ")
                .hasMessageContaining("\"local\" is given twice");
    }

    @Test
    void badDurationAndNumberAreNamed() {
        assertThatThrownBy(() -> load("a.yaml", "services:\n  - name: A\n    port: 1\n    timeout: soon\n"))
                .hasMessage("a.yaml line 4: services[0].timeout: \"soon\" is not a duration such as 500ms, 5s, 1m or 14d");
        assertThatThrownBy(() -> load("a.yaml", "services:\n  - name: A\n    port: 1\n    retries: three\n"))
                .hasMessage("a.yaml line 4: services[0].retries: \"three\" is not a whole number");
    }

    @Test
    void yamlSyntaxErrorGivesTheLine() {
        assertThatThrownBy(() -> load("a.yaml", "services:\n  - name: A\n    port: [1\n  - name: B\n"))
                .hasMessageStartingWith("a.yaml line ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void serviceWithTwoProbesIsRejectedAtItsLine() {
        assertThatThrownBy(() -> load("a.yaml", """
                services:
                  - name: ok
                    port: 1
                  - name: Both
                    port: 6379
                    http: /health
                    redis: {}
                """))
                .hasMessage("a.yaml line 4: services[1]: has http and redis; give each service one probe");
    }

    @Test
    void duplicateNamesPointAtTheFirstUse() {
        assertThatThrownBy(() -> load("a.yaml", "services:\n  - name: A\n    port: 1\n  - name: A\n    port: 2\n"))
                .hasMessage("a.yaml line 4: services[1].name: \"A\" is already used on line 2; service names must be unique");
    }

    @Test
    void badExpectationAndUrlAreNamed() {
        assertThatThrownBy(() -> load("a.yaml", """
                services:
                  - name: A
                    http: {url: "ftp://x/health"}
                """)).hasMessage("a.yaml line 3: services[0].http.url: \"ftp://x/health\" is not a http or https URL");
        assertThatThrownBy(() -> load("a.yaml", """
                services:
                  - name: A
                    port: 5432
                    postgres: {query: "select 1", expect: "< lots"}
                """)).hasMessage("a.yaml line 4: services[0].postgres.expect: \"< lots\" compares with a non-number");
    }

    @Test
    void badPointerAndNonTextSecretAreNamed() {
        assertThatThrownBy(() -> load("a.yaml", """
                services:
                  - name: A
                    port: 80
                    http:
                      path: /health
                      expect: {pointer: status, value: ok}
                """)).hasMessage("a.yaml line 6: services[0].http.expect.pointer: \"status\" is not a JSON pointer; start it with /");
        assertThatThrownBy(() -> load("a.yaml", """
                services:
                  - name: A
                    port: 6379
                    redis: {password: {nested: x}}
                """)).hasMessage("a.yaml line 4: services[0].redis.password: expected a text value");
    }

    @Test
    void unknownEnvironmentListsTheAvailableOnes() throws Exception {
        EnvironmentFile f = load("envs.yaml", MULTI);
        assertThatThrownBy(() -> f.environment("qa")).hasMessage("envs.yaml: no environment named \"qa\"; this file has local, production");
    }

    @Test
    void aPrometheusWithoutAnAlertmanagerIsAnAlertSourceOfItsOwn() throws Exception {
        // A team that runs Prometheus alone could name it only in a port table; as an alertmanager: the
        // probe asked /api/v2/alerts and the dashboard showed it DOWN with an HTTP 404.
        EnvironmentFile file = load("team.yaml", """
                services:
                  - {name: Prometheus alerts, host: 127.0.0.1, prometheus: {}}
                  - {name: Other Prometheus, prometheus: "http://prom.internal:9091"}
                  - {name: Alertmanager, host: 127.0.0.1, alertmanager: {}}
                """);
        Environment env = file.environment(file.defaultName());
        assertThat(env.services()).extracting(s -> s.probe().kind())
                .containsExactly("prometheus", "prometheus", "alertmanager");
        assertThat(env.services()).extracting(s -> ((AlertmanagerSpec) s.probe()).url())
                .containsExactly("http://127.0.0.1:9090", "http://prom.internal:9091", "http://127.0.0.1:9093");
        assertThatThrownBy(() -> load("two.yaml", "services:\n  - name: A\n    prometheus: {}\n    alertmanager: {}\n"))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("has alertmanager and prometheus");
    }

    private EnvironmentFile load(String name, String text) throws IOException, EnvironmentException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new EnvironmentLoader(Map.of("QUEUE_URL", "amqp://q")::get).load(file);
    }
}
