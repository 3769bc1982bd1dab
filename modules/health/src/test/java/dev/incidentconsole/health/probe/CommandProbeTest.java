package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Real {@code sh -c} processes. */
class CommandProbeTest {
    private final CommandExecutor executor = new LocalCommandExecutor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "true                                  | UP   | exit 0",
        "echo accepting connections            | UP   | exit 0",
        "echo checking; echo no response >&2; exit 2 | DOWN | exit 2: no response",
        "exit 1                                | DOWN | exit 1",
    })
    void exitStatusDecides(String command, Status status, String reason) {
        ProbeResult r = check(CommandSpec.of(command), Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void outputIsKeptForDisplay() {
        ProbeResult r = check(CommandSpec.of("echo /tmp:5432 - accepting connections"), Duration.ofSeconds(5));
        assertThat(r.details()).containsEntry("output", "/tmp:5432 - accepting connections");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void secretsACommandPrintsAreMaskedInItsReasonAndOutput(String family, String text, String secret, String masked)
            throws Exception {
        Path file = Files.createTempFile("printed", ".txt");
        try {
            Files.writeString(file, text);
            ProbeResult r = check(CommandSpec.of("cat " + file + "; exit 3"), Duration.ofSeconds(5));
            // the reason quotes the last line: alone, a line of a netrc or key block is no longer recognisable
            if (!text.contains("\n")) {
                assertThat(r.reason()).isEqualTo("exit 3: " + masked);
            }
            assertThat(r.details().get("output")).startsWith(masked.strip()).doesNotContain(secret);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void environmentSecretsReachTheCommandOnly() {
        CommandSpec spec = new CommandSpec("test \"$PGPASSWORD\" = \"$(printf nova; printf pass)\"",
                Map.of("PGPASSWORD", Secret.of("novapass")), null);
        assertThat(check(spec, Duration.ofSeconds(5)).status()).isEqualTo(Status.UP);
        assertThat(spec.toString()).doesNotContain("novapass");
    }

    @Test
    void overrunningCommandIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        String command = "sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait";
        ProbeResult r = check(CommandSpec.of(command), Duration.ofMillis(500));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("timeout after 500 ms (command killed)");
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(p -> {
                p.onExit().join();
                assertThat(p.isAlive()).isFalse();
            });
        }
    }

    @Test
    void remoteTargetIsRefusedByTheLocalExecutor() {
        ProbeResult r = check(new CommandSpec("true", Map.of(), "ssh:db1"), Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("cannot run the command: cannot run on \"ssh:db1\": this executor runs "
                + "commands locally only");
    }

    @Test
    void interruptKillsTheCommand() throws Exception {
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        assertThatThrownBy(() -> executor.run("sleep 30", Map.of(), null, Duration.ofSeconds(30)))
                .isInstanceOf(InterruptedException.class);
        interrupter.join();
    }

    private ProbeResult check(CommandSpec spec, Duration timeout) {
        return new CommandProbe(spec, executor).check(ProbeContext.start(timeout));
    }

}
