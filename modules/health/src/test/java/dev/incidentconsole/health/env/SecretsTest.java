package dev.incidentconsole.health.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.runbook.SecretMasker;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void environmentVariablesFillSecretsAndSecretsPrintMasked() throws Exception {
        Path file = write("local.yaml", """
                services:
                  - name: Grafana
                    port: 3000
                    http:
                      path: /api/health
                      basic-auth: {user: admin, password: "${GRAFANA_PASSWORD}"}
                      headers: {X-API-Key: "${API_KEY}"}
                  - name: DB
                    host: ${DB_HOST:-localhost}
                    port: 5432
                    postgres: {user: nova, password: "${PGPASS}"}
                """);
        Map<String, String> env = Map.of("GRAFANA_PASSWORD", "s3cret-graf", "API_KEY", "k-123", "PGPASS", "pg-pw");
        Environment e = new EnvironmentLoader(env::get).load(file).defaultEnvironment();
        HttpSpec http = (HttpSpec) e.services().get(0).probe();
        assertThat(http.basicAuth().password().reveal()).isEqualTo("s3cret-graf");
        assertThat(http.headers().get("X-API-Key").reveal()).isEqualTo("k-123");
        PostgresSpec pg = (PostgresSpec) e.services().get(1).probe();
        assertThat(pg.host()).isEqualTo("localhost");
        assertThat(pg.password().reveal()).isEqualTo("pg-pw");
        assertThat(e.services().toString()).doesNotContain("s3cret-graf", "k-123", "pg-pw").contains(SecretMasker.MASK);
    }

    @Test
    void theShortHttpAndWebsocketFormsFillTheirVariablesLikeTheObjectForm() throws Exception {
        Path file = write("short.yaml", """
                services:
                  - name: Hook
                    http: "http://127.0.0.1:8080/health/${HOOK_TOKEN}"
                  - name: Path
                    port: 8081
                    http: /status/${HOOK_TOKEN}
                  - name: Stream
                    websocket: "ws://127.0.0.1:8082/live?key=${HOOK_TOKEN}"
                """);
        Environment e = new EnvironmentLoader(Map.of("HOOK_TOKEN", "t0k-777")::get).load(file).defaultEnvironment();
        assertThat(e.services()).hasSize(3);
        assertThat(((HttpSpec) e.services().get(0).probe()).url()).contains("/health/t0k-777");
        assertThat(((HttpSpec) e.services().get(1).probe()).url()).contains("/status/t0k-777");
        assertThat(((WebSocketSpec) e.services().get(2).probe()).url()).contains("key=t0k-777");
    }

    @Test
    void theSecretValuesToMaskAreThoseFilledInFromTheEnvironmentOrTheFileButNotPlainSettings() throws Exception {
        assumePosix();
        Path secrets = write("team.env", "PGUSER=postgres\nHOOK=h00k-x7Qz93\nUNUSED_PASSWORD=never-filled-1\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path file = write("masked.yaml", """
                secrets: team.env
                services:
                  - name: Hook
                    http: {url: "http://127.0.0.1:8080/h/${HOOK}/${API_TOKEN}?user=${PGUSER}"}
                """);
        EnvironmentFile loaded = new EnvironmentLoader(Map.of("API_TOKEN", "exported-tok-9")::get).load(file);
        assertThat(loaded.secretValues()).as("an exported token named as one, and a secret-shaped file value")
                .containsExactlyInAnyOrder("exported-tok-9", "h00k-x7Qz93");
    }

    @Test
    void unsetVariableBlocksOnlyItsEnvironmentAndNamesLineAndField() throws Exception {
        Path file = write("envs.yaml", """
                environments:
                  local:
                    services:
                      - {name: Cache, port: 6379, redis: {}}
                  production:
                    production: true
                    services:
                      - name: Cache
                        port: 6379
                        redis:
                          password: ${PROD_REDIS_PASSWORD}
                """);
        EnvironmentFile f = new EnvironmentLoader(Map.<String, String>of()::get).load(file);
        assertThat(f.environment("local").services()).hasSize(1);
        assertThatThrownBy(() -> f.environment("production"))
                .hasMessage("envs.yaml line 11: environments.production.services[0].redis.password: "
                        + "${PROD_REDIS_PASSWORD} is not set; export PROD_REDIS_PASSWORD or add it to a secrets file "
                        + "(secrets: key)");
    }

    @Test
    void clearTextSecretIsAWarningLocallyAndAnErrorInProduction() throws Exception {
        Path file = write("envs.yaml", """
                environments:
                  local:
                    services:
                      - {name: Cache, port: 6379, redis: {password: hunter2}}
                  production:
                    production: true
                    services:
                      - {name: Cache, port: 6379, redis: {password: hunter2}}
                """);
        EnvironmentFile f = new EnvironmentLoader(Map.<String, String>of()::get).load(file);
        assertThat(f.environment("local").services()).hasSize(1);
        assertThat(f.warnings()).singleElement().asString()
                .startsWith("envs.yaml line 4: environments.local.services[0].redis.password: a secret is written in clear");
        assertThatThrownBy(() -> f.environment("production"))
                .hasMessageStartingWith("envs.yaml line 8: environments.production.services[0].redis.password: "
                        + "a secret is written in clear").hasMessageNotContaining("hunter2");
    }

    @Test
    void aCommandCheckReadsTheSecretsFilesVariablesItNamesThroughItsEnvironment() throws Exception {
        // The try-out wrote PGPASSWORD=${MONITOR_PW} psql ... with MONITOR_PW in the secrets file: the shell, which
        // expands a command check's variables, had no MONITOR_PW, and the check was DOWN with "no password supplied".
        assumePosix();
        Path secrets = write("team.env", "MONITOR_PW=Mon-pw-77\nREDIS_PW=r3dis\nUNUSED=x\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path file = write("team.yaml", """
                secrets: team.env
                services:
                  - {name: pooler, command: "PGPASSWORD=${MONITOR_PW} psql -h 127.0.0.1 -tAc 'select 1'"}
                  - {name: cache, command: {run: "redis-cli -a $REDIS_PW ping", env: {REDIS_PW: given}}}
                  - {name: home, command: "test -d $HOME"}
                """);

        Environment e = new EnvironmentLoader(Map.of("HOME", "/root")::get).load(file).defaultEnvironment();

        CommandSpec pooler = (CommandSpec) e.services().get(0).probe();
        assertThat(pooler.command()).as("handed to the shell as written").contains("${MONITOR_PW}");
        assertThat(pooler.env()).as("no env: written").isEmpty();
        assertThat(pooler.secretsRead()).containsOnlyKeys("MONITOR_PW");
        assertThat(pooler.secretsRead().get("MONITOR_PW").reveal()).isEqualTo("Mon-pw-77");
        CommandSpec cache = (CommandSpec) e.services().get(1).probe();
        assertThat(cache.env().get("REDIS_PW").reveal()).as("the service's own env:").isEqualTo("given");
        assertThat(((CommandSpec) e.services().get(2).probe()).secretsRead()).as("the process sets HOME").isEmpty();
    }

    /**
     * Only the variables the command's shell, or a child shell it starts on this machine (which inherits the
     * environment), expands: what is not expanded, or expanded on another host or in a container, it is not handed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "redis-cli -a \"$REDIS_PW\" ping; REDIS_PW",
        "PGPASSWORD=${MONITOR_PW} psql -tAc 'select 1'; MONITOR_PW",
        "psql -c \"$(printf %s $MONITOR_PW)\"; MONITOR_PW",
        "echo '$REDIS_PW' | grep -q REDIS; ",
        "echo \\$REDIS_PW; ",
        "pg_isready -h db # uses $MONITOR_PW from .pgpass; ",
        "kubectl exec cache-0 -- sh -c 'redis-cli -a \"$REDIS_PW\" ping'; ",
        "ssh db-1 'PGPASSWORD=$MONITOR_PW psql -tAc \"select 1\"'; ",
        "bash -c 'PGPASSWORD=$MONITOR_PW psql -tAc \"select 1\"'; MONITOR_PW",
        "timeout 5 sh -c 'redis-cli -a \"$REDIS_PW\" ping'; REDIS_PW",
        "echo $HOME $UNKNOWN; ",
    })
    void aCommandCheckIsHandedTheSecretsItsShellExpands(String command, String read) {
        Variables vars = new Variables(Map.of("HOME", "/root")::get,
                Map.of("REDIS_PW", "r3dis", "MONITOR_PW", "Mon-pw-77", "HOME", "/secret-home"), "team.env");

        assertThat(vars.secrets().readBy(command).keySet()).as(command)
                .containsExactlyElementsOf(read == null ? List.of() : List.of(read));
    }

    @Test
    void aHereDocumentIsReadAsTheShellReadsIt() {
        Variables vars = new Variables(name -> null, Map.of("REDIS_PW", "r3dis", "MONITOR_PW", "Mon-pw-77"), "team.env");

        assertThat(vars.secrets().readBy("redis-cli -x <<'EOF'\nAUTH $REDIS_PW\nEOF\npsql <<EOF\n\\password $MONITOR_PW\nEOF"))
                .as("a quoted delimiter keeps the body as written").containsOnlyKeys("MONITOR_PW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secrets.yaml", "prod.env"})
    void privateSecretsFileFillsReferences(String name) throws Exception {
        assumePosix();
        Path secrets = name.endsWith(".yaml")
                ? write(name, "redis:\n  password: from-yaml\nAPI_KEY: key-1\n")
                : write(name, "# comment\nexport redis.password=\"from-yaml\"\nAPI_KEY=key-1 # trailing\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path file = write("prod.yaml", """
                production: true
                secrets: %s
                services:
                  - {name: Cache, port: 6379, redis: {password: "${redis.password}"}}
                  - {name: API, port: 80, http: {path: /, headers: {X-Key: "${API_KEY}"}}}
                """.formatted(name));
        Environment e = new EnvironmentLoader(Map.<String, String>of()::get).load(file).defaultEnvironment();
        assertThat(((RedisSpec) e.services().get(0).probe()).password()).isEqualTo(Secret.of("from-yaml"));
        assertThat(((HttpSpec) e.services().get(1).probe()).headers().get("X-Key").reveal()).isEqualTo("key-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----rw-"})
    void secretsFileOthersCanReadIsRefused(String mode) throws Exception {
        assumePosix();
        Path secrets = write("secrets.yaml", "PW: x\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString(mode));
        Path file = write("prod.yaml", "secrets: secrets.yaml\nservices: []\n");
        assertThatThrownBy(() -> new EnvironmentLoader(Map.<String, String>of()::get).load(file))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("secrets.yaml: other users can read or change this secrets file (mode " + mode
                        + "); run: chmod 600 " + secrets);
    }

    @Test
    void missingSecretsFileIsNamedWithTheLineOfItsKey() throws Exception {
        Path file = write("prod.yaml", "# the shop's stack\ndefault: local\nsecrets: nope.yaml\nservices: []\n");
        assertThatThrownBy(() -> new EnvironmentLoader(Map.<String, String>of()::get).load(file))
                .hasMessageStartingWith("prod.yaml line 3: secrets: the secrets file ").hasMessageContaining("nope.yaml does not exist");
    }

    @Test
    void aSecretsLineThatIsNotKeyEqualsValueIsNamedByNumberWithoutItsText() throws Exception {
        assumePosix();
        Path secrets = write("team.env", "# shop\nPGPASSWORD=Pg-77-x\nREDIS_PASSWORD R3dis-Tryout-pw9\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path file = write("env.yaml", "secrets: team.env\nservices:\n  - {name: C, port: 1, redis: {password: \"${REDIS_PASSWORD}\"}}\n");
        assertThatThrownBy(() -> new EnvironmentLoader(Map.<String, String>of()::get).load(file))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("team.env line 3: not a KEY=value line")
                .message().doesNotContain("R3dis-Tryout-pw9");
    }

    @Test
    void secretToStringNeverShowsTheValue() {
        assertThat(Secret.of("p@ss").toString()).isEqualTo(SecretMasker.MASK);
        assertThat(Secret.of("").toString()).isEmpty();
        assertThat(Secret.of("p@ss").reveal()).isEqualTo("p@ss");
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions are not supported on this file system");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
