package dev.incidentconsole.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputTrimTest {

    /** kubectl without a context: the real error comes first, then a page of retries, then a misleading last line. */
    private static List<String> kubectlWithoutContext() {
        List<String> lines = new ArrayList<>();
        lines.add("E1206 01:55:02.123456   4242 memcache.go:265] couldn't get current server API group list: "
                + "Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused");
        IntStream.range(0, 30).forEach(k -> lines.add("I1206 01:55:0" + (k % 10) + " retrying discovery " + k));
        lines.add("Error from server (NotFound): the server could not find the requested resource");
        return lines;
    }

    @Test
    void anExcerptKeepsTheEarlyErrorAndTheTail() {
        String excerpt = OutputTrim.excerpt(String.join("\n", kubectlWithoutContext()), 3, 4);
        assertThat(excerpt.lines().toList()).containsExactly(
                kubectlWithoutContext().get(0),
                "… 27 lines omitted …",
                "I1206 01:55:07 retrying discovery 27",
                "I1206 01:55:08 retrying discovery 28",
                "I1206 01:55:09 retrying discovery 29",
                "Error from server (NotFound): the server could not find the requested resource");
    }

    @Test
    void shortOutputIsKeptWholeAndFlaggedLinesBeyondTheLimitKeepTheLastOnes() {
        assertThat(OutputTrim.excerpt("one\ntwo\n", 2, 5)).isEqualTo("one\ntwo");
        List<String> lines = IntStream.range(0, 20).mapToObj(k -> "line " + k).toList();
        String excerpt = OutputTrim.excerpt(lines, k -> k % 5 == 0, 2, 3);
        assertThat(excerpt.lines().toList()).containsExactly("… 10 lines omitted …", "line 10", "… 4 lines omitted …",
                "line 15", "… 1 line omitted …", "line 17", "line 18", "line 19");
    }

    /** The try-out's defect: a 10,000-line run read "26 lines omitted" in the window and "9970" in the exports. */
    @Test
    void anExcerptShortenedAgainCountsTheLinesOfTheRun() {
        List<String> run = IntStream.rangeClosed(1, 10_000).mapToObj(k -> "row " + k).toList();
        String stored = OutputTrim.excerpt(run, k -> false, 10, 30);
        assertThat(stored.lines().findFirst()).hasValue("… 9970 lines omitted …");

        String shown = OutputTrim.excerpt(stored, 2, 5);

        assertThat(shown.lines().toList()).containsExactly("… 9995 lines omitted …", "row 9996", "row 9997",
                "row 9998", "row 9999", "row 10000");
        assertThat(OutputTrim.excerpt(shown, 2, 5)).isEqualTo(shown);
        assertThat(OutputTrim.excerpt(stored, 10, 30)).isEqualTo(stored);
    }

    /** A program's own line that reads like a marker is output: shown as printed, never added to the count. */
    @Test
    void aLineTheRunPrintedThatReadsLikeAMarkerIsOutputNotACount() {
        List<String> run = new ArrayList<>(IntStream.rangeClosed(1, 50).mapToObj(k -> "row " + k).toList());
        run.set(47, "… 3 lines omitted …"); // printed by the program, e.g. its own log shortener

        String stored = OutputTrim.excerptOfRun(run, 100, k -> false, 0, 5);

        assertThat(stored.lines().toList()).containsExactly("… 145 lines omitted …", "row 46", "row 47",
                "\u200B… 3 lines omitted …", "row 49", "row 50");
        String shown = OutputTrim.excerpt(stored, 0, 3);
        assertThat(shown.lines().toList()).containsExactly("… 147 lines omitted …", "\u200B… 3 lines omitted …",
                "row 49", "row 50");
        assertThat(OutputTrim.excerpt(shown, 0, 3)).isEqualTo(shown);
    }

    @Test
    void markersStandingForMoreLinesThanALongHoldsSaturateInsteadOfTurningNegative() {
        String stored = String.join("\n", OutputTrim.omitted(Long.MAX_VALUE - 1), "x", OutputTrim.omitted(5), "y",
                "… 99999999999999999999 lines omitted …", "z");

        assertThat(OutputTrim.excerpt(stored, 0, 1).lines().toList())
                .containsExactly(OutputTrim.omitted(Long.MAX_VALUE), "z");
    }

    @Test
    void markersAroundKeptErrorsAddUpAndAreNeverShownAsOutput() {
        String stored = String.join("\n", OutputTrim.omitted(500), "ERROR: disk full", OutputTrim.omitted(1),
                "a", "b", "c");

        assertThat(OutputTrim.excerpt(stored, 1, 2).lines().toList()).containsExactly("… 500 lines omitted …",
                "ERROR: disk full", "… 2 lines omitted …", "b", "c");
        assertThat(OutputTrim.excerpt(stored, 0, 1).lines().toList()).containsExactly("… 504 lines omitted …", "c");
        assertThat(OutputTrim.excerpt("x\n" + OutputTrim.omitted(7), 0, 5)).isEqualTo("x\n… 7 lines omitted …");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "psql: error: connection to server at \"db\" (10.0.0.5), port 5432 failed | true",
            "curl: (7) Failed to connect to localhost port 8000: Connection refused | true",
            "Error from server (Forbidden): pods is forbidden | true",
            "E1206 01:55:02.123456 memcache.go:265] couldn't get current server API group list | true",
            "Traceback (most recent call last): | true",
            "NAME READY STATUS RESTARTS AGE | false",
            "api-7d9f 1/1 Running 0 3d | false",
            "(1 row) | false",
    })
    void linesThatReadAsErrors(String line, boolean error) {
        assertThat(OutputTrim.looksLikeError(line)).isEqualTo(error);
    }
}
