package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Blocks no runbook should hold, split without losing a line or hanging: unterminated constructs, odd line ends,
 * empty, random and huge input.
 */
class ShellSplitterMalformedInputTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            unterminated double quote | echo "never closed
            unterminated single quote | echo 'never closed
            unterminated heredoc      | cat <<EOF
            unterminated substitution | echo $(date
            unterminated if           | if true; then
            """)
    void unterminatedConstructRunsToEndOfBlock(String name, String opening) {
        String block = opening + "\nline two\nline three\n";
        List<Command> commands = ShellSplitter.split(block, 1, "bash");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).text()).startsWith(opening).endsWith("line three");
    }

    @Test
    void crlfAndCrLineEndingsAreHandled() {
        assertThat(ShellSplitterTest.texts("kubectl get pods \\\r\n  -A\r\n# note\r\nkubectl get svc\r\n", "bash"))
                .containsExactly("kubectl get pods \\\n  -A", "kubectl get svc");
        assertThat(ShellSplitterTest.texts("ls\rpwd\r", "sh")).containsExactly("ls", "pwd");
    }

    @Test
    void tabsAndIndentationAreTolerated() {
        assertThat(ShellSplitterTest.texts("\t\tkubectl get pods\t# tabbed\n    docker ps\n", "bash"))
                .containsExactly("kubectl get pods", "docker ps");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "'   '"})
    void emptyInputGivesNoCommands(String block) {
        assertThat(ShellSplitter.split(block, 1, null)).isEmpty();
    }

    @Test
    void randomShellishTextKeepsTheModelConsistent() {
        java.util.Random random = new java.util.Random(20_240_611);
        String[] atoms = {"'", "\"", "$", "$(", "${", ")", "}", "(", "{", "<", ">", "<<", "EOF", "|", "&&", ";", "#",
            "\\", "\n", "\n\n", "\t", " ", "`", "$ ", "> ", "rm", "-rf", "kubectl", "delete", "<pod>", "{id}",
            "NAME_X", "=", "if", "fi", "for", "done", "\r\n", "┌", "2020-01-01", "psql -c", "DROP TABLE t"};
        for (int round = 0; round < 400; round++) {
            StringBuilder block = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                block.append(atoms[random.nextInt(atoms.length)]);
            }
            String text = block.toString();
            long lines = text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count() + 1;
            for (String language : List.of("bash", "console")) {
                for (Command c : ShellSplitter.split(text, 5, language)) {
                    assertThat(c.text()).as(text).isNotBlank();
                    assertThat(c.line()).as(text).isBetween(5, 5 + (int) lines);
                    for (Placeholder p : c.placeholders()) {
                        assertThat(c.text().substring(p.start(), p.end())).as(text).isEqualTo(p.token());
                    }
                    assertThat(c.danger() == null || !c.danger().reason().isBlank()).isTrue();
                }
            }
        }
    }

    @Test
    void veryLongLineIsOneCommand() {
        String longLine = "echo " + "x".repeat(200_000);
        assertThat(ShellSplitterTest.texts(longLine, "bash")).containsExactly(longLine);
    }

    @Test
    void tenThousandLineBlockSplitsIntoTenThousandCommands() {
        StringBuilder block = new StringBuilder();
        for (int k = 0; k < 10_000; k++) {
            block.append("# step ").append(k).append('\n').append("kubectl get pod p").append(k).append('\n');
        }
        List<Command> commands = ShellSplitter.split(block.toString(), 1, "bash");
        assertThat(commands).hasSize(10_000);
        assertThat(commands.get(9_999).line()).isEqualTo(20_000);
        assertThat(commands.get(9_999).description()).isEqualTo("step 9999");
    }

    @Test
    void tenThousandLineUnterminatedQuoteIsOneCommand() {
        String block = "psql -c \"SELECT 1\n" + "-- filler line\n".repeat(10_000);
        List<Command> commands = ShellSplitter.split(block, 1, "bash");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).text().lines().count()).isEqualTo(10_001);
    }

    @Test
    void hostileBlocksSplitInLinearTime() {
        // sizes where a split that re-read a command's lines for each line added would take minutes
        long t0 = System.nanoTime();
        String openQuote = "echo 'x\n" + "filler\n".repeat(200_000);
        assertThat(ShellSplitter.split(openQuote, 1, "bash")).hasSize(1);
        String pipes = "kubectl get pods |\n".repeat(20_000);
        assertThat(ShellSplitter.split(pipes, 1, "bash")).hasSize(1);
        String heredocs = "cat <<EOF\nbody\nEOF\n".repeat(20_000);
        assertThat(ShellSplitter.split(heredocs, 1, "bash")).hasSize(20_000);
        String transcript = "$ echo 'open\noutput line\n".repeat(20_000);
        assertThat(ShellSplitter.split(transcript, 1, "console")).hasSize(20_000);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(20));
    }
}
