package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the first command of a multi-line text ends, and why a text continues on the next line. */
class CommandEndTest {

    /** The lines of the first command of {@code text} ('|' stands for a line break in the rows). */
    private static String first(String text) {
        String t = text.replace('|', '\n');
        CommandEnd end = ShellCommand.firstCommandEnd(t, null);
        return t.substring(0, end.end()).replace('\n', '|');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "ls|pwd => ls",
        "echo a \\|  b|pwd => echo a \\|  b",
        "echo 'a|b'|pwd => echo 'a|b'",
        "echo \"a|$(date|)\" x|pwd => echo \"a|$(date|)\" x",
        "cat <<EOF|body|EOF|pwd => cat <<EOF|body|EOF",
        "cat <<-'END'|x; fi|  END|pwd => cat <<-'END'|x; fi|  END",
        "if true; then|  ls|fi|pwd => if true; then|  ls|fi",
        "for i in 1 2; do|echo $i|done|pwd => for i in 1 2; do|echo $i|done",
        "case $x in|a) ls;;|esac|pwd => case $x in|a) ls;;|esac",
        "{ a;|b; }|pwd => { a;|b; }",
        "(cd /tmp|ls)|pwd => (cd /tmp|ls)",
        "x=$(|  date)|pwd => x=$(|  date)",
        "echo `|date`|pwd => echo `|date`",
        "(( n = 2 << 1 ))|echo next => (( n = 2 << 1 ))",
        "echo ${X:-|a}|pwd => echo ${X:-|a}",
    })
    void endsWhereNothingIsOpen(String text, String expected) {
        assertThat(first(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', value = {
        "ls => NONE",
        "ls # it's a comment => NONE",
        "echo 'done' fi => NONE",
        "echo a \\ => BACKSLASH",
        "echo 'a => QUOTE",
        "echo \"a => QUOTE",
        "echo $(date => QUOTE",
        "echo `date => QUOTE",
        "echo $'a\\' => QUOTE",
        "cat <<EOF~x => HEREDOC",
        "if true; then ls => COMPOUND",
        "while read l; do echo $l => COMPOUND",
        "case $x in => COMPOUND",
        "{ ls => COMPOUND",
        "(cd /tmp => SUBSHELL",
        "kubectl get pods | => OPERATOR",
        "make && => OPERATOR",
        "a || # then b => OPERATOR",
        "ls~echo 'a => QUOTE",
        "echo if fi done => NONE",
    })
    void tellsWhyATextContinues(String text, Continuation expected) {
        assertThat(ShellCommand.continuation(text.replace('~', '\n'))).isEqualTo(expected);
    }

    @Test
    void aCallersRuleEndsAnOpenCommandButNotInsideAQuoteOrHereDocument() {
        String text = "kubectl get pods |\n\ngrep x\n";
        CommandEnd end = ShellCommand.firstCommandEnd(text, at -> text.charAt(at) == '\n');
        assertThat(end.end()).isEqualTo(text.indexOf('\n'));
        assertThat(end.open()).isEqualTo(Continuation.OPERATOR);

        String quoted = "echo 'a\n\nb'\n";
        assertThat(ShellCommand.firstCommandEnd(quoted, at -> true).end()).isEqualTo(quoted.length() - 1);
        String heredoc = "cat <<EOF\n\nEOF\n";
        assertThat(ShellCommand.firstCommandEnd(heredoc, at -> true).end()).isEqualTo(heredoc.length() - 1);
    }

    @Test
    void findsTheCommentOnTheCommandsLastLineOnly() {
        assertThat(ShellCommand.firstCommandEnd("ls -l # list\n", null).commentStart()).isEqualTo(6);
        assertThat(ShellCommand.firstCommandEnd("ls # a \\\n", null).commentStart()).isEqualTo(3);
        assertThat(ShellCommand.firstCommandEnd("cat <<EOF # feed\nx\nEOF\n", null).commentStart()).isEqualTo(-1);
        assertThat(ShellCommand.firstCommandEnd("echo a#b\n", null).commentStart()).isEqualTo(-1);
        assertThat(ShellCommand.firstCommandEnd("x=$(date # now\n)\n", null).commentStart()).isEqualTo(-1);
    }

    @Test
    void readsOnlyAsFarAsTheFirstCommandAndStaysLinearOnHostileText() {
        // A hang guard, not a speed check (speed is ParseBench's): these megabyte inputs take well under a second
        // when the reading is linear, and hours when it is quadratic.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            String longTail = "ls\n" + "echo 'unclosed\n".repeat(200_000);
            assertThat(ShellCommand.firstCommandEnd(longTail, null).end()).isEqualTo(2);
            String openQuote = "echo '" + "x\n".repeat(500_000);
            CommandEnd end = ShellCommand.firstCommandEnd(openQuote, null);
            assertThat(end.open()).isEqualTo(Continuation.QUOTE);
            assertThat(end.end()).isEqualTo(openQuote.length());
            String nested = "if a; then\n".repeat(100_000);
            assertThat(ShellCommand.firstCommandEnd(nested, null).open()).isEqualTo(Continuation.COMPOUND);
        });
    }
}
