package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sshd hands the wrapper's text to the account's login shell ({@code $SHELL -c text}), whatever that shell is: each
 * installed shell runs it here as sshd would, with the channel's stdin, and the command gets every character.
 */
class RemoteScriptLoginShellsTest {
    private static final String VALUE = "two\nlines 'single' \"double\" $HOME `date` \\ back\\\\slash !1 !! end";
    private static final String COMMAND = "printf '[%s]\\n' \"$IC_VALUE\" \"$PLAIN\"; printf '%s\\n' 'bang! it'\\''s \\\\ \"$HOME\" tick \u2713'\n"
            + "pwd; read line; echo \"stdin:$line\"";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tcsh", "csh", "fish", "zsh", "dash", "bash", "sh"})
    void everyLoginShellRunsTheWrapperAndTheValuesArriveIntact(String shell) throws Exception {
        Path work = Files.createDirectory(dir.resolve("work dir 'it's' !1"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("IC_VALUE", VALUE);
        environment.put("PLAIN", "x");
        String wrapped = RemoteScript.wrap(COMMAND, work.toString(), environment, false);

        byte[] input = (new String(RemoteScript.environmentInput(environment), StandardCharsets.UTF_8)
                + "typed line\n").getBytes(StandardCharsets.UTF_8);
        Run run = run(shell, wrapped, input);

        assertThat(run.stderr).as(shell + " stderr").startsWith("\u001eIC-PID ");
        assertThat(run.stderr.lines().skip(1).toList()).as(shell + " stderr after the marker").isEmpty();
        assertThat(run.stdout.lines().toList()).as(shell).containsExactly("[two", "lines 'single' \"double\""
                + " $HOME `date` \\ back\\\\slash !1 !! end]", "[x]", "bang! it's \\\\ \"$HOME\" tick \u2713",
                work.toString(), "stdin:typed line");
        assertThat(run.exit).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcsh", "fish", "dash"})
    void theStopFallbackRunsUnderEveryLoginShell(String shell) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "96.4").start();
        try {
            Run run = run(shell, RemoteScript.killTree(sleep.pid(), Duration.ofSeconds(1)), new byte[0]);
            assertThat(run.stderr).as(shell).isEmpty();
            assertThat(sleep.waitFor(20, TimeUnit.SECONDS)).as("the process was stopped under " + shell).isTrue();
        } finally {
            sleep.destroyForcibly();
        }
    }

    private record Run(String stdout, String stderr, int exit) {
    }

    private Run run(String shell, String text, byte[] stdin) throws IOException, InterruptedException {
        Path program = List.of(Path.of("/usr/bin", shell), Path.of("/bin", shell)).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(program != null, shell + " is not installed (apt-get install -y " + shell
                + "); skipping the run under it");
        Path out = dir.resolve(shell + ".out");
        Path err = dir.resolve(shell + ".err");
        ProcessBuilder builder = new ProcessBuilder(program.toString(), "-c", text)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SHELL", program.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
        return new Run(Files.readString(out), Files.readString(err), process.exitValue());
    }
}
