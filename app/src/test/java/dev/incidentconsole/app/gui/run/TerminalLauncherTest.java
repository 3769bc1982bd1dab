package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What macOS's Terminal types into an interactive shell, which expands {@code !} from its history. */
class TerminalLauncherTest {
    @TempDir
    Path dir;

    @Test
    void exclamationMarkInAValueSurvivesAHistoryExpandingShell() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash");
        String script = "printf %s \"web 1!x it's\"";

        // typed as is, the shell replaces !x with history (or fails): what this guards against
        assertThat(typedWithHistory(script)).isNotEqualTo("web 1!x it's");
        assertThat(typedWithHistory(TerminalLauncher.typedIntoShell(script))).isEqualTo("web 1!x it's");
    }

    /** {@code line} read by a bash with history expansion on, as an interactive shell reads what is typed. */
    private String typedWithHistory(String line) throws Exception {
        Path input = dir.resolve("typed.sh");
        Files.writeString(input, "set -o history -H\n" + line + "\n");
        Process p = new ProcessBuilder("/bin/bash").redirectInput(input.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
