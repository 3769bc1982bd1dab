package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A word's value points back at its characters in the text, quotes and escapes left out; short flags read in clusters. */
class ValueOffsetsTest {

    static Stream<String> quotedWords() {
        return Stream.of("x -p'a b'", "x -p\"a b\"", "x -p'a'\"b\"c", "x a\\ b", "x \"q\\\"u\\x\"", "x 'it'\\''s'",
                "x ab\\\ncd", "x <pod-name>", "x $'a\\'b'", "x '${PW}'", "x \\${PW}",
                "x \"\\${PW}\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedWords")
    void eachCharacterOfTheValueIsFoundInTheText(String text) {
        ShellCommand parsed = ShellCommand.parse(text);
        Word w = parsed.commands().get(0).words().get(1);
        int[] offsets = parsed.valueOffsets(w);
        assertThat(offsets).hasSize(w.value().length());
        StringBuilder read = new StringBuilder();
        for (int k = 0; k < offsets.length; k++) {
            read.append(text.charAt(offsets[k]));
            assertThat(k == 0 || offsets[k] > offsets[k - 1]).isTrue();
        }
        assertThat(read.toString()).isEqualTo(w.value());
    }

    @org.junit.jupiter.api.Test
    void anEscapeOfAnsiCQuotingPointsAtTheLetterAfterTheBackslash() {
        ShellCommand parsed = ShellCommand.parse("x $'a\\tb'");
        assertThat(parsed.valueOffsets(parsed.commands().get(0).words().get(1))).containsExactly(4, 6, 7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"x -p$(cat f)", "x \"${PW}\"", "x `cat f`"})
    void aValueCopiedFromASubstitutionHasNoOffsets(String text) {
        ShellCommand parsed = ShellCommand.parse(text);
        assertThat(parsed.valueOffsets(parsed.commands().get(0).words().get(1))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-uroot -pS3cret -h db      | 1:2",
        "-h db -vvpS3cret orders    | 2:4",
        "-h db -p orders            | ",
        "-P 3306 -p                 | ",
        "-v -pX -- -pY              | 1:2",
        "-h -p                      | "})
    void anAttachedValueIsFoundInAClusterAndAValueFlagHidesWhatFollows(String args, String expected) {
        List<Flags.Value> found = Flags.shortValues(List.of(args.split(" ")), 'p', "uhPe", true, false);
        assertThat(found.stream().map(v -> v.arg() + ":" + v.from()).toList())
                .isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-p S3cret ssh -p 22 host   | 1:0",
        "-f file ssh -p 22 host     | ",
        "-pS3cret ssh host          | 0:2"})
    void optionsEndAtTheFirstOperandWhenTheProgramSaysSo(String args, String expected) {
        List<Flags.Value> found = Flags.shortValues(List.of(args.split(" ")), 'p', "fdP", false, true);
        assertThat(found.stream().map(v -> v.arg() + ":" + v.from()).toList())
                .isEqualTo(expected == null ? List.of() : List.of(expected));
    }
}
