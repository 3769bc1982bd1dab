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
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code $} a shell expands is decided once, by the parser, for the text and for each word alike. */
class ExpandsAtTest {

    /** {@code expected}: one letter per {@code $} of the text, in order: y expanded, n passed as written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "redis-cli -a $PW ping                              | y",
            "redis-cli -a \"$PW\" '$LIT' \\$ESC \"\\$ESC2\"        | ynnn",
            "redis-cli -a \\\\$PW                                | y",
            "x $'$ansi' \"${A:-$B}\" ${C:-'$D'}                  | nnyyyn",
            "x $(cat $F) \"$(echo '$G' $H)\" `echo $I`           | yyynyy",
            "x # a comment $NOT                                 | n",
            "cat <<EOF\\n$HERE \\$ESC\\nEOF\\n                      | yn",
            "cat <<'EOF'\\n$LITERAL\\nEOF\\n                        | n",
            "x $(cat <<'END'\\n$LITERAL\\nEND\\n) $Y               | yny",
            "x \"$(cat <<END\\n$HERE\\nEND\\n)\"                    | yy",
            "(( $N + 1 ))                                       | y",
            "sh -c 'echo $INNER'                                | n"})
    void eachDollarIsExpandedOrPassedAsTheShellReadsIt(String text, String expected) {
        ShellCommand parsed = ShellCommand.parse(text.replace("\\n", "\n"));
        StringBuilder read = new StringBuilder();
        for (int at = parsed.text().indexOf('$'); at >= 0; at = parsed.text().indexOf('$', at + 1)) {
            read.append(parsed.expandsAt(at) ? 'y' : 'n');
        }
        assertThat(read.toString()).isEqualTo(expected);
    }

    /**
     * {@code expected}: one letter per backtick of the text, a substitution's closing one skipped: y it opens a
     * command substitution, n it is a character passed as written.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "redis-cli -a `cat f` ping                          | y",
            "redis-cli -a 'Xy`9!qZ' ping                        | n",
            "mysql -p\"`cat f`\" -e \\`x                         | yn",
            "x $'a`b' \"$(echo '`c')\"                           | nn",
            "cat <<EOF\\n`date` \\`x\\nEOF\\n                    | yn",
            "cat <<'EOF'\\n`date`\\nEOF\\n                       | nn"})
    void eachBacktickIsASubstitutionOrACharacterAsTheShellReadsIt(String text, String expected) {
        ShellCommand parsed = ShellCommand.parse(text.replace("\\n", "\n"));
        StringBuilder read = new StringBuilder();
        boolean closing = false;
        for (int at = parsed.text().indexOf('`'); at >= 0; at = parsed.text().indexOf('`', at + 1)) {
            if (closing) {
                closing = false;
                continue;
            }
            boolean expands = parsed.expandsAt(at);
            read.append(expands ? 'y' : 'n');
            closing = expands;
        }
        assertThat(read.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "sh -c 'redis-cli -a \"$PW\" ping'             | true",
            "sh -c 'redis-cli -a $PW ping'                 | true",
            "sh -c 'redis-cli -a \\$PW ping'               | false",
            "ssh bastion 'PGPASSWORD=$PW psql'             | true",
            "ssh bastion \"echo '\\$PW'\"                    | false",
            "kubectl logs '$POD'                           | false"})
    void aDollarLeftForASecondShellIsExpandedThere(String text, boolean expected) {
        ShellCommand parsed = ShellCommand.parse(text);
        assertThat(ExpandedVariables.expandedAt(parsed, text.lastIndexOf('$'))).isEqualTo(expected);
    }

    @Test
    void aWordsExpansionsAreTheTextsAtTheCharactersTheyComeFrom() {
        String text = "PGPASSWORD=\"$A\"'$B' redis-cli -a x\\$C'$E' \"${D}\" <<EOF\n$F\nEOF\n";
        ShellCommand parsed = ShellCommand.parse(text);
        List<Word> words = new ArrayList<>(parsed.commands().get(0).assignments());
        words.addAll(parsed.commands().get(0).words());
        for (Word w : words) {
            int[] offsets = parsed.valueOffsets(w);
            if (offsets == null) {
                assertThat(w.value()).isEqualTo("${D}");
                assertThat(parsed.expandsAt(text.indexOf("${D}"))).isTrue();
                continue;
            }
            for (int k = w.value().indexOf('$'); k >= 0; k = w.value().indexOf('$', k + 1)) {
                assertThat(parsed.expandsAt(offsets[k])).as(w.value() + " at " + k).isEqualTo(w.expansions().get(k));
            }
        }
        assertThat(parsed.expandsAt(text.indexOf("$F"))).isTrue();
    }

    @Test
    void aSubstitutionWrittenInSingleQuotesIsTheWordsOwnCharacters() {
        ShellCommand parsed = ShellCommand.parse("redis-cli -a '$(cat /run/secrets/redis)' ping");
        Word w = parsed.commands().get(0).words().get(2);
        assertThat(parsed.valueOffsets(w)).hasSize(w.value().length());
        assertThat(parsed.expandsAt(parsed.text().indexOf('$'))).isFalse();
        assertThat(ShellCommand.parse("redis-cli -a \"$(cat f)\" ping").valueOffsets(
                ShellCommand.parse("redis-cli -a \"$(cat f)\" ping").commands().get(0).words().get(2))).isNull();
    }

    /**
     * Over every line of the shared runbooks, the parser's decision agrees with the rule the masker used before
     * it asked the parser (quoting that expands, an even run of backslashes before the {@code $}), at every
     * {@code $} that starts a name, a {@code ${} or a {@code $(}: the one home changed no answer.
     */
    @Test
    void theSharedRunbooksReadAsTheQuotingRuleReadThem() throws IOException {
        String shared = System.getProperty("incident.shared.dir", "");
        assumeTrue(!shared.isEmpty() && Files.isDirectory(Path.of(shared, "corpus")),
                "shared test inputs not found; set incident.shared.dir to run this test");
        int dollars = 0;
        for (String dir : List.of("corpus", "seeds")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(shared, dir))) {
                files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            for (Path file : files) {
                List<String> texts = new ArrayList<>(Files.readAllLines(file));
                texts.add(Files.readString(file)); // whole, for here-documents and quotes over lines
                for (String line : texts) {
                    ShellCommand parsed = ShellCommand.parse(line);
                    for (int at = line.indexOf('$'); at >= 0 && at + 1 < line.length(); at = line.indexOf('$', at + 1)) {
                        char next = line.charAt(at + 1);
                        if (next == '{' || next == '(' || next == '_' || Character.isLetter(next)) {
                            assertThat(parsed.expandsAt(at)).as(file.getFileName() + ": " + line.substring(Math.max(0, at - 60), at + 2))
                                    .isEqualTo(quotingRule(parsed, at));
                            dollars++;
                        }
                    }
                }
            }
        }
        assertThat(dollars).isGreaterThan(300);
    }

    private static boolean quotingRule(ShellCommand command, int at) {
        Quoting q = command.quotingAt(at);
        int k = at;
        while (k > 0 && command.text().charAt(k - 1) == '\\') {
            k--;
        }
        return (q == Quoting.UNQUOTED || q == Quoting.DOUBLE || q == Quoting.HEREDOC) && (at - k) % 2 == 0;
    }
}
