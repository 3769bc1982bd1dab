package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ShellCommand#parseFirst} reads the first command's end and its model in one pass: the end must be the
 * one {@link ShellCommand#firstCommandEnd} finds, and the model the one {@link ShellCommand#parse} gives for the
 * command's text alone.
 */
class FirstCommandTest {

    /** Every part of the model a reader can ask for, so two models compare by their dumps. */
    private static String dump(ShellCommand c) {
        StringBuilder out = new StringBuilder(c.text()).append('\n').append(c.commands()).append('\n');
        for (int k = 0; k <= c.text().length() + 1; k++) {
            out.append(c.quotingAt(k).ordinal());
        }
        return out.append('\n').append(c.substitutionStarts()).toString();
    }

    /**
     * The first character where {@link ShellCommand#quotingOrdinals} (one copy) and {@link ShellCommand#quotingAt}
     * disagree, or -1; the copy must end with the text, though a one-pass model's quoting runs on past it.
     */
    private static int ordinalsDisagreeAt(ShellCommand c) {
        byte[] bulk = c.quotingOrdinals();
        for (int k = 0; k < bulk.length; k++) {
            if (bulk[k] != c.quotingAt(k).ordinal()) {
                return k;
            }
        }
        return bulk.length == c.text().length() ? -1 : bulk.length;
    }

    /** Checks the one-pass reading of the first command of {@code text} against the two readings; its model, if any. */
    private static ShellCommand checked(String text) {
        FirstCommand first = ShellCommand.parseFirst(text, null);
        assertThat(first.end()).isEqualTo(ShellCommand.firstCommandEnd(text, null));
        if (first.command() != null) {
            assertThat(dump(first.command())).as(text).isEqualTo(dump(ShellCommand.parse(first.text())));
            assertThat(ordinalsDisagreeAt(first.command())).as(text).isEqualTo(-1);
            assertThat(ordinalsDisagreeAt(ShellCommand.parse(first.text()))).as(text).isEqualTo(-1);
            assertThat(first.end().complete()).isTrue();
        }
        return first.command();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ls -l\npwd\n",
        "ls -l   # list it\npwd\n",
        "ls -l",
        "ls -l \t\r\n",
        "a && b | c; d &\ne\n",
        "kubectl get pods \\\n  -n prod\nnext\n",
        "cat <<EOF\nbody $X\nEOF\nnext\n",
        "cat <<-'END' >out\n\tx; fi\n  END  \nnext\n",
        "cat <<A <<B\na\nA\nb\nB\nnext\n",
        "if true; then\n  ls\nfi\nnext\n",
        "(\nfoo\n)\nnext\n",
        "{ a;\nb; }\nnext\n",
        "(( n = 2 << 1 ))\necho next\n",
        "x=$(\n  date)\npwd\n",
        "echo ${X:-\na} <name> '<q>'\npwd\n",
        "fi\nnext\n",
        "VAR=1\nnext\n",
        "echo done; fi\n",
        "echo a\\\\\nnext\n",
        "echo a\\ \nnext\n",
    })
    void oneReadingGivesTheModelOfTheCommandAlone(String text) {
        assertThat(checked(text)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"echo 'open\n", "ls |\n", "if true; then\n", "cat <<EOF\nbody\n", "ls \\\n", "cat <<''\n\nx\n"})
    void anOpenCommandOrABlankHeredocDelimiterHasNoModel(String text) {
        assertThat(checked(text)).isNull();
    }

    @Test
    void aCallersRuleStopsAnOpenCommandWithoutAModel() {
        String text = "ls |\n\ngrep x\n";
        FirstCommand first = ShellCommand.parseFirst(text, at -> text.charAt(at) == '\n');
        assertThat(first.end().end()).isEqualTo(4);
        assertThat(first.command()).isNull();
    }

    @Test
    void theLastCommandEndsAsAtTheEndOfItsText() {
        ShellCommand c = checked("ls -l\npwd\n");
        assertThat(c.commands()).singleElement().extracting(SimpleCommand::separator).isEqualTo(Separator.END);
    }

    /** Every line of every shared runbook (with the 40 lines after it) read as the start of a command. */
    @Test
    void everyLineOfTheSharedRunbooksReadsAlikeBothWays() throws IOException {
        String shared = System.getProperty("incident.shared.dir", "");
        assumeTrue(!shared.isEmpty() && Files.isDirectory(Path.of(shared, "corpus")),
                "shared test inputs not found; set incident.shared.dir to run this test");
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("corpus", "seeds")) {
            try (Stream<Path> s = Files.list(Path.of(shared, dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        int models = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int k = 0; k < lines.size(); k++) {
                String window = String.join("\n", lines.subList(k, Math.min(lines.size(), k + 40))) + "\n";
                models += checked(window.stripLeading()) == null ? 0 : 1;
            }
        }
        assertThat(files).hasSizeGreaterThan(50);
        assertThat(models).isGreaterThan(1000);
    }
}
