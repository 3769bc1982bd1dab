package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Check commands on this machine: real shell processes started by exec's command runner. */
class CommandProbeTest {
    @TempDir
    Path dir;
    CommandRunner runner;
    Probes probes;

    @BeforeEach
    void open() {
        ExecSettings d = Probes.settings(TestUser.current());
        runner = CommandRunner.withoutSshPrompts(new ExecSettings(dir.resolve("runs"), d.tailLines(), d.tailChars(),
                d.defaultTimeout(), d.killGrace(), d.drainTimeout(), d.kubectl(), d.user()));
        probes = new Probes(runner);
    }

    @AfterEach
    void close() {
        probes.close();
        runner.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "true                                  | UP   | exit 0",
        "echo accepting connections            | UP   | exit 0",
        "echo checking; echo no response >&2; exit 2 | DOWN | exit 2: no response",
        "exit 1                                | DOWN | exit 1",
        "echo no response >&2; sleep 0.1; echo done; exit 2 | DOWN | exit 2: no response",
        "printf \"psql: error: connection to server at 127.0.0.1, port 26432 failed: Connection refused\\n\\tIs the server running?\\n\" >&2; exit 2 | DOWN | exit 2: psql: error: connection to server at 127.0.0.1, port 26432 failed: Connection refused; Is the server running?",
    })
    void exitStatusDecides(String command, Status status, String reason) {
        ProbeResult r = check(CommandSpec.of(command), Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void outputIsKeptForDisplayAndNoOutputFileIsLeftBehind() throws Exception {
        ProbeResult r = check(CommandSpec.of("echo /tmp:5432 - accepting connections"), Duration.ofSeconds(5));
        assertThat(r.details()).containsEntry("output", "/tmp:5432 - accepting connections");
        try (var files = Files.list(dir.resolve("runs"))) {
            assertThat(files.toList()).as("a check every few seconds must not fill the runs folder").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void secretsACommandPrintsAreMaskedInItsReasonAndOutput(String family, String text, String secret, String masked)
            throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "printed", ".txt"), text);
        ProbeResult r = check(CommandSpec.of("cat " + file + "; exit 3"), Duration.ofSeconds(5));
        // the reason quotes the last line: alone, a line of a netrc or key block is no longer recognisable
        if (!text.contains("\n")) {
            assertThat(r.reason()).isEqualTo("exit 3: " + masked.strip());
        }
        assertThat(r.details().get("output")).startsWith(masked.strip()).doesNotContain(secret);
    }

    @Test
    void environmentSecretsReachTheCommandOnly() {
        CommandSpec spec = new CommandSpec("test \"$PGPASSWORD\" = \"$(printf nova; printf pass)\"",
                Map.of("PGPASSWORD", Secret.of("novapass")), null);
        assertThat(check(spec, Duration.ofSeconds(5)).status()).isEqualTo(Status.UP);
        assertThat(spec.toString()).doesNotContain("novapass");
    }

    @Test
    void secretsTheCommandReadsReachItsShellAndItsOwnEnvWins() {
        CommandSpec spec = new CommandSpec("test \"$MONITOR_PW\" = Mon-pw-77 && test \"$REDIS_PW\" = given",
                Map.of("REDIS_PW", Secret.of("given")),
                Map.of("MONITOR_PW", Secret.of("Mon-pw-77"), "REDIS_PW", Secret.of("from-the-file")), null);

        ProbeResult r = check(spec, Duration.ofSeconds(5));

        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
    }

    @Test
    void overrunningCommandIsKilledWithItsChildren() throws Exception {
        Path pids = dir.resolve("pids");
        String command = "sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait";
        long started = System.nanoTime();
        ProbeResult r = check(CommandSpec.of(command), Duration.ofMillis(500));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("timeout after 500 ms (command killed)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15)); // killed at its timeout, not after the 30 s sleep
        assertDead(pids);
    }

    @Test
    void abortedCheckKillsItsCommandAndChildren() throws Exception {
        Path pids = dir.resolve("pids");
        ProbeContext context = ProbeContext.start(Duration.ofSeconds(30));
        CompletableFuture<ProbeResult> result = CompletableFuture.supplyAsync(() -> probes.create(
                CommandSpec.of("sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait")).check(context));
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> Files.exists(pids) && Files.readAllLines(pids).size() == 2);
        context.abort();
        assertThat(result.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.DOWN);
        assertDead(pids);
    }

    @Test
    void destructiveCheckIsRefusedNamingTheServiceAndWhereItIsDefined() {
        Path ran = dir.resolve("ran");
        ServiceSpec service = ServiceSpec.of("api", "localhost", 0,
                CommandSpec.of("touch " + ran + " && kubectl delete pod api-0")).withOrigin("environments.yaml line 14");
        ProbeResult r = probes.create(service).check(ProbeContext.start(Duration.ofSeconds(5)));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("refused: ")
                .contains("a health check never runs a destructive command")
                .endsWith("(service \"api\", environments.yaml line 14)");
        assertThat(ran).as("nothing of the command ran").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "psql -h db -U app     | psql without -c or -f opens an interactive prompt; a health check runs without a terminal",
        "tail -f /var/log/app.log | a health check must end on its own",
    })
    void interactiveOrEndlessCheckIsRefusedBeforeItRuns(String command, String reason) {
        ServiceSpec service = ServiceSpec.of("db", "db", 5432, CommandSpec.of(command)).withOrigin("env.yaml line 3");
        ProbeResult r = probes.create(service).check(ProbeContext.start(Duration.ofSeconds(5)));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("refused: ").contains(reason).endsWith("(service \"db\", env.yaml line 3)");
    }

    @Test
    void targetNobodyBoundIsDownWithAClearReason() {
        ServiceSpec service = ServiceSpec.of("db", "db1", 0, new CommandSpec("true", Map.of(), "db1"))
                .withOrigin("env.yaml line 7");
        ProbeResult r = probes.create(service).check(ProbeContext.start(Duration.ofSeconds(2)));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("no target named \"db1\" is known; define it under targets: in the "
                + "environment file (service \"db\", env.yaml line 7)");
    }

    private ProbeResult check(CommandSpec spec, Duration timeout) {
        return probes.create(spec).check(ProbeContext.start(timeout));
    }

    static void assertDead(Path pids) throws Exception {
        List<String> lines = Files.readAllLines(pids);
        assertThat(lines).hasSize(2);
        for (String pid : lines) {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(p -> {
                p.onExit().orTimeout(5, TimeUnit.SECONDS).join();
                assertThat(p.isAlive()).isFalse();
            });
        }
    }
}
