package dev.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A word holding expansions points back at its characters too: the expansions' text one to one, the literal
 * characters without their quotes, each marked as one or the other.
 */
class WrittenValueTest {

    /** The word's value with each expansion's characters written as '_', read back through the offsets. */
    private static String literalOnly(String text) {
        ShellCommand parsed = ShellCommand.parse(text);
        Word w = parsed.commands().get(0).words().get(1);
        WrittenValue written = parsed.writtenValue(w);
        if (written == null) {
            return null;
        }
        StringBuilder read = new StringBuilder();
        for (int k = 0; k < w.value().length(); k++) {
            assertThat(text.charAt(written.offsets()[k])).isEqualTo(w.value().charAt(k));
            assertThat(k == 0 || written.offsets()[k] > written.offsets()[k - 1]).isTrue();
            read.append(written.literalAt(k) ? w.value().charAt(k) : '_');
        }
        return read.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x -pPrefix9${PW}                | -pPrefix9_____",
        "x \"x${PW}y\"                   | x_____y",
        "x --password=${PW:-'a b'}Suf9   | --password=____________Suf9",
        "x a$(echo \"b c\")`d`$((1+2))e  | a________________________e",
        "x pa\\$\\$w0rd$1$               | pa$$w0rd__$",
        "x \"pre$\"                      | pre$",
        "x 'lit${X}'$Y                   | lit${X}__",
        "x plain                         | plain"})
    void literalCharactersAreToldFromExpansions(String text, String expected) {
        assertThat(literalOnly(text.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"x -p${PW", "x -p$(echo x"})
    void anExpansionNeverClosedCannotBeRead(String text) {
        assertThat(literalOnly(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"x ab${PW}cd${Q}e | 0:2 7:9 13:14", "x ${PW} | ", "x abc | 0:3"})
    void literalStretchesLieBetweenTheExpansions(String text, String expected) {
        ShellCommand parsed = ShellCommand.parse(text.strip());
        Word w = parsed.commands().get(0).words().get(1);
        List<String> stretches = parsed.writtenValue(w).literalStretches(0, w.value().length()).stream()
                .map(r -> r[0] + ":" + r[1]).toList();
        assertThat(stretches).isEqualTo(expected == null ? List.of() : List.of(expected.strip().split(" ")));
    }
}
