package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code run} in-process, on real local shells. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @BeforeEach
    void isolateFolders() {
        cli.isolate(dir);
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    /** An environment file with a local target working in {@code workdir}, with a variable set. */
    private Path sandbox(Path workdir) throws Exception {
        return Files.writeString(dir.resolve("environments.yaml"), """
                targets:
                  - name: sandbox
                    type: local
                    workdir: %s
                    env: {GREETING: hello from the sandbox}
                """.formatted(workdir));
    }

    @Test
    void exitCodePassesThroughAndStderrStaysApart() {
        int code = run("run", "--", "echo to-stdout; echo to-stderr >&2; exit 7");

        assertThat(code).isEqualTo(7);
        assertThat(cli.out()).isEqualTo("to-stdout" + System.lineSeparator());
        assertThat(cli.err()).contains("to-stderr").doesNotContain("to-stdout");
    }

    @Test
    void severalWordsAreQuotedAsArguments() {
        assertThat(run("run", "--", "printf", "[%s]\\n", "two words", "$HOME")).isZero();

        assertThat(cli.out()).contains("[two words]", "[$HOME]");
    }

    @Test
    void destructiveCommandIsRefusedWithoutYesAndDoesNotRun() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("work/victim"));
        Files.writeString(victim.resolve("keep.txt"), "still here");
        Path env = sandbox(dir.resolve("work"));

        int code = run("run", "--env", env.toString(), "--target", "sandbox", "--", "rm -rf victim");

        assertThat(code).isEqualTo(RunCommand.REFUSED);
        assertThat(victim.resolve("keep.txt")).exists();
        assertThat(cli.err()).contains("Refused:", "victim", "--yes");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void destructiveCommandRunsWithYes() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("work/victim"));
        Files.writeString(victim.resolve("keep.txt"), "gone soon");
        Path env = sandbox(dir.resolve("work"));

        int code = run("run", "--env", env.toString(), "--target", "sandbox", "--yes", "--", "rm -rf victim");

        assertThat(code).as(cli.err()).isZero();
        assertThat(victim).doesNotExist();
    }

    @Test
    void targetFromTheEnvironmentFileSetsWorkdirAndVariables() throws Exception {
        Path env = sandbox(dir);

        int code = run("run", "--env", env.toString(), "-t", "sandbox", "--", "echo \"$GREETING\"; pwd");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out().lines()).containsExactly("hello from the sandbox", dir.toRealPath().toString());
    }

    @Test
    void timeoutStopsTheCommandAndExits124() {
        int code = run("run", "--timeout", "1", "--", "echo started; sleep 30; echo never");

        assertThat(code).isEqualTo(RunCommand.TIMED_OUT);
        assertThat(cli.out()).contains("started").doesNotContain("never");
        assertThat(cli.err()).contains("timeout");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "top => 126",
        "vim notes.txt => 126",
    })
    void interactiveCommandIsNotRunWithoutATerminal(String command, int expected) {
        assertThat(run("run", "--", command)).isEqualTo(expected);
        assertThat(cli.err()).contains("needs a terminal");
    }

    @Test
    void unknownTargetIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("run", "--target", "nowhere", "--", "true")).isEqualTo(2);
        assertThat(cli.err()).contains("No target named \"nowhere\"", "local");
    }

    @Test
    void outputIsAlsoSavedUnderTheDataFolder() throws Exception {
        assertThat(run("run", "--", "echo kept-in-a-file")).isZero();

        try (Stream<Path> files = Files.list(dir.resolve("data/runs"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".log")).toList()).singleElement()
                    .satisfies(f -> assertThat(Files.readString(f)).isEqualTo("kept-in-a-file\n"));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void printedSecretsAreMaskedOnTheTerminalAndInTheRunLog(String family, String text, String secret, String masked)
            throws Exception {
        Path printed = Files.writeString(dir.resolve("printed.txt"), text + "\n");
        assertThat(run("run", "--", "cat " + printed)).isZero();

        assertThat(cli.out()).doesNotContain(secret);
        try (Stream<Path> files = Files.list(dir.resolve("data/runs"))) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).doesNotContain(secret);
            assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        if (!text.contains("\n")) {
            assertThat(cli.out()).isEqualTo(masked + System.lineSeparator());
        }
    }

    @Test
    void aPasswordTheCommandPrintsBackBareIsMaskedOnTheTerminalAndInTheRunLog() throws Exception {
        // as redis-cli -a X CONFIG GET requirepass does: the value alone on a line, no rule can tell it is one
        assertThat(run("run", "--", "PGPASSWORD=hunter2secret sh -c 'echo password_is; echo \"$PGPASSWORD\"'")).isZero();

        assertThat(cli.out()).isEqualTo("password_is" + System.lineSeparator() + "****" + System.lineSeparator());
        try (Stream<Path> files = Files.list(dir.resolve("data/runs"))) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).isEqualTo("password_is\n****\n");
        }
    }

    @Test
    void psqlWithAShortFlagClusterHoldingCIsRunNotSentToATerminal() {
        // -tAc is -t -A -c: a batch query. psql may be missing or the port closed: anything but 126 will do.
        assertThat(run("run", "--", "psql -h 127.0.0.1 -p 1 -tAc \"SELECT 1\"")).isNotEqualTo(126);
        assertThat(cli.err()).doesNotContain("interactive");
    }

    @Test
    void showSecretsPrintsTheOutputAsItIs() throws Exception {
        assertThat(run("run", "--show-secrets", "--", "echo PGPASSWORD=hunter22")).isZero();
        assertThat(cli.out()).isEqualTo("PGPASSWORD=hunter22" + System.lineSeparator());
    }

    @Test
    void aRefusedCommandIsEchoedMaskedAlsoAPasswordThatOnlyLooksLikeAVariable() throws Exception {
        int code = run("run", "--", "PGPASSWORD='$hunter22' dropdb -h db-2 orders");
        assertThat(code).isEqualTo(3);
        assertThat(cli.err()).contains("Not run: PGPASSWORD='****' dropdb -h db-2 orders").doesNotContain("hunter22");
    }

    @Test
    void aRefusedCommandIsEchoedMasked() throws Exception {
        int code = run("run", "--", "PGPASSWORD=hunter22 dropdb -h db-2 orders");
        assertThat(code).isEqualTo(3);
        assertThat(cli.err()).contains("Not run: PGPASSWORD=**** dropdb -h db-2 orders").doesNotContain("hunter22");
    }
}
