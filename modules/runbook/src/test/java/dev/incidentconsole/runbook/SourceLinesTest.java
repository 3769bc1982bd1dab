package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceLinesTest {

    @Test
    void linesEndAtLineFeedsCarriageReturnsAndTheirPairsAsCommonmarkCountsThem() {
        SourceLines lines = new SourceLines("a\r\nb\rc\n\nd");

        assertThat(lines.count()).isEqualTo(5);
        assertThat(lines.line(1)).isEqualTo("a");
        assertThat(lines.line(2)).isEqualTo("b");
        assertThat(lines.line(3)).isEqualTo("c");
        assertThat(lines.line(4)).isEmpty();
        assertThat(lines.line(5)).isEqualTo("d");
        assertThat(SourceText.lines("a\r\nb\rc\n\nd")).containsExactly("a", "b", "c", "", "d");
    }

    @Test
    void aFinalLineBreakIsFollowedByOneEmptyLineAndEmptyTextIsOneLine() {
        assertThat(SourceText.lines("x\n")).containsExactly("x", "");
        assertThat(SourceText.lines("x\r\n")).containsExactly("x", "");
        assertThat(SourceText.lines("")).containsExactly("");
    }

    @Test
    void manyLinesGrowTheIndex() {
        String text = "line\n".repeat(10_000);

        SourceLines lines = new SourceLines(text);

        assertThat(lines.count()).isEqualTo(10_001);
        assertThat(lines.line(9_999)).isEqualTo("line");
        assertThat(lines.line(10_001)).isEmpty();
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aShortTableRowIsReportedOnItsOwnLineWhateverTheLineEnds(String end) {
        String text = String.join(end, "# T", "", "| a | b |", "|---|---|", "| 1 | 2 |", "| 3 |", "");

        Runbook rb = new RunbookParser().parse(Path.of("t.md"), text);

        assertThat(rb.warnings()).extracting(ParseWarning::toString)
                .containsExactly(new ParseWarning(6, "table row has 1 cells, header has 2").toString());
    }
}
