package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.exec.testing.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} honours a command check's {@code target:} end to end: an environments.yaml whose checks run on
 * an SSH target (in-process MINA sshd on loopback, host key checked) and in a docker container (a fake
 * {@code docker} on the target's PATH records its argv), a destructive check refused, an unknown target an
 * error naming file, line and field.
 */
class CheckTargetsTest {
    @TempDir
    static Path serverDir;
    static LoopbackSshd sshd;

    @TempDir
    Path dir;
    private final CliRun cli = new CliRun();
    private Path runbooks;
    private Path tools;
    private Path argv;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = new LoopbackSshd(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        sshd.close();
    }

    @BeforeEach
    void isolate() throws Exception {
        cli.isolate(dir);
        cli.set(LaunchOptions.SSH_CONFIG, dir.resolve("no_ssh_config").toString());
        cli.set(LaunchOptions.SSH_AGENT, "");
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        tools = Files.createDirectories(dir.resolve("tools"));
        argv = dir.resolve("argv");
        Path docker = tools.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n{ printf 'docker'; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo; } >> "
                + argv + "\necho PONG\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    /** The file: targets {@code box} (the loopback server, checked against {@code knownHosts}) and {@code cache}. */
    private Path environment(Path knownHosts, String services) throws Exception {
        return Files.writeString(dir.resolve("environments.yaml"), """
                default: prod
                environments:
                  prod:
                    production: true
                    targets:
                      - name: box
                        type: ssh
                        host: 127.0.0.1
                        port: %d
                        user: ops
                        identity-file: %s
                        known-hosts: %s
                        env: {ROLE: primary}
                      - name: cache
                        type: docker
                        container: cache-1
                        env: {PATH: "%s:/usr/bin:/bin"}
                    services:
                %s""".formatted(sshd.port(), sshd.userKey(), knownHosts, tools, services.indent(6)));
    }

    private Map<String, JsonNode> check(Path env) throws Exception {
        cli.run("check", "--env", env.toString(), "--runbooks", runbooks.toString(), "--json");
        Map<String, JsonNode> byService = new HashMap<>();
        new ObjectMapper().readTree(cli.out()).forEach(n -> byService.put(n.get("service").asText(), n));
        return byService;
    }

    @Test
    void checksRunOnTheTargetsTheyName() throws Exception {
        Path env = environment(sshd.knownHosts(dir.resolve("known_hosts")), """
                - name: role
                  command: {run: 'echo "role $ROLE"; exit 4', target: box}
                - name: cache
                  command: {run: redis-cli ping, target: cache}
                """);

        Map<String, JsonNode> results = check(env);

        assertThat(results.get("role").get("status").asText()).as(cli.err()).isEqualTo("down");
        assertThat(results.get("role").get("reason").asText()).isEqualTo("exit 4: role primary");
        assertThat(results.get("cache").get("status").asText()).isEqualTo("up");
        assertThat(Files.readAllLines(argv)).containsExactly("docker [exec] [cache-1] [sh] [-c] [redis-cli ping]");
    }

    @Test
    void sshTargetWhoseHostKeyIsUnknownIsNotRunAndSaysWhy() throws Exception {
        Path marker = dir.resolve("ran");
        Path env = environment(dir.resolve("empty_known_hosts"), """
                - name: disk
                  command: {run: 'touch %s', target: box}
                """.formatted(marker));

        JsonNode disk = check(env).get("disk");

        assertThat(disk.get("status").asText()).isEqualTo("down");
        assertThat(disk.get("reason").asText()).contains("was not trusted");
        assertThat(marker).as("a local run would have created it").doesNotExist();
    }

    @Test
    void destructiveCheckIsRefusedNamingTheServiceAndItsLine() throws Exception {
        Path env = environment(sshd.knownHosts(dir.resolve("known_hosts")), """
                - name: api
                  command: {run: kubectl delete pod api-0, target: box}
                """);

        JsonNode api = check(env).get("api");

        assertThat(api.get("status").asText()).isEqualTo("down");
        assertThat(api.get("reason").asText()).startsWith("refused: ")
                .contains("other objects are gone; a health check never runs a destructive command")
                .endsWith("(service \"api\", environments.yaml line 19)");
    }

    @Test
    void targetNamedNowhereIsAnErrorNamingFileLineAndField() throws Exception {
        Path env = environment(sshd.knownHosts(dir.resolve("known_hosts")), """
                - name: api
                  command: {run: 'true', target: bxo}
                """);

        int code = cli.run("check", "--env", env.toString(), "--runbooks", runbooks.toString(), "--json");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("environments.yaml line 19: environments.prod.services[0].command.target: "
                + "no target named \"bxo\"; the environment's targets are box, cache");
        assertThat(cli.out()).isEmpty();
    }
}
