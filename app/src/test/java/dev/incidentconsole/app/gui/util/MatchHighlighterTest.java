package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchHighlighterTest {

    /** The text with every range wrapped in [], for readable expectations. */
    private static String marked(String text, String terms) {
        List<int[]> ranges = MatchHighlighter.ranges(text, Arrays.stream(terms.split(" ")).toList());
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] r : ranges) {
            sb.append(text, at, r[0]).append('[').append(text, r[0], r[1]).append(']');
            at = r[1];
        }
        return sb.append(text.substring(at)).toString();
    }

    @ParameterizedTest(name = "{1} in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Too many connections to PostgreSQL | connection             | Too many [connections] to PostgreSQL",
            "Too many connections to PostgreSQL | postgres               | Too many connections to [PostgreSQL]",
            "the redis-cli ping got no PONG     | pong ping              | the redis-cli [ping] got no [PONG]",
            "reconnect and connect              | connect                | reconnect and [connect]",
            "disk full on the primary           | disk full              | [disk] [full] on the primary",
            "HTTP 429 Too Many Requests         | 429                    | HTTP [429] Too Many Requests",
            "nothing to see here                | kafka                  | nothing to see here"})
    void termsMatchAtWordStartsToTheEndOfTheWord(String text, String terms, String expected) {
        assertThat(marked(text, terms)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"idle in transaction | idle transaction | 2", "aaa | a | 1"})
    void rangesAreSortedAndMerged(String text, String terms, int count) {
        List<int[]> ranges = MatchHighlighter.ranges(text, List.of(terms.split(" ")));
        assertThat(ranges).hasSize(count);
        assertThat(ranges.stream().map(r -> r[0]).collect(Collectors.toList())).isSorted();
    }
}
