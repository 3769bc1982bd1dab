package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code run} in-process, on real local shells. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RunSystemProperties properties = new RunSystemProperties();

    @BeforeEach
    void isolateFolders() {
        properties.set("incident.data.dir", dir.resolve("data").toString());
        properties.set("incident.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        properties.restore();
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
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
        assertThat(out.toString()).isEqualTo("to-stdout" + System.lineSeparator());
        assertThat(err.toString()).contains("to-stderr").doesNotContain("to-stdout");
    }

    @Test
    void severalWordsAreQuotedAsArguments() {
        assertThat(run("run", "--", "printf", "[%s]\\n", "two words", "$HOME")).isZero();

        assertThat(out.toString()).contains("[two words]", "[$HOME]");
    }

    @Test
    void destructiveCommandIsRefusedWithoutYesAndDoesNotRun() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("work/victim"));
        Files.writeString(victim.resolve("keep.txt"), "still here");
        Path env = sandbox(dir.resolve("work"));

        int code = run("run", "--env", env.toString(), "--target", "sandbox", "--", "rm -rf victim");

        assertThat(code).isEqualTo(RunCommand.REFUSED);
        assertThat(victim.resolve("keep.txt")).exists();
        assertThat(err.toString()).contains("Refused:", "victim", "--yes");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void destructiveCommandRunsWithYes() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("work/victim"));
        Files.writeString(victim.resolve("keep.txt"), "gone soon");
        Path env = sandbox(dir.resolve("work"));

        int code = run("run", "--env", env.toString(), "--target", "sandbox", "--yes", "--", "rm -rf victim");

        assertThat(code).as(err.toString()).isZero();
        assertThat(victim).doesNotExist();
    }

    @Test
    void targetFromTheEnvironmentFileSetsWorkdirAndVariables() throws Exception {
        Path env = sandbox(dir);

        int code = run("run", "--env", env.toString(), "-t", "sandbox", "--", "echo \"$GREETING\"; pwd");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly("hello from the sandbox", dir.toRealPath().toString());
    }

    @Test
    void timeoutStopsTheCommandAndExits124() {
        int code = run("run", "--timeout", "1", "--", "echo started; sleep 30; echo never");

        assertThat(code).isEqualTo(RunCommand.TIMED_OUT);
        assertThat(out.toString()).contains("started").doesNotContain("never");
        assertThat(err.toString()).contains("timeout");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "top => 126",
        "vim notes.txt => 126",
    })
    void interactiveCommandIsNotRunWithoutATerminal(String command, int expected) {
        assertThat(run("run", "--", command)).isEqualTo(expected);
        assertThat(err.toString()).contains("needs a terminal");
    }

    @Test
    void unknownTargetIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("run", "--target", "nowhere", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("No target named \"nowhere\"", "local");
    }

    @Test
    void outputIsAlsoSavedUnderTheDataFolder() throws Exception {
        assertThat(run("run", "--", "echo kept-in-a-file")).isZero();

        try (Stream<Path> files = Files.list(dir.resolve("data/runs"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".log")).toList()).singleElement()
                    .satisfies(f -> assertThat(Files.readString(f)).isEqualTo("kept-in-a-file\n"));
        }
    }
}
