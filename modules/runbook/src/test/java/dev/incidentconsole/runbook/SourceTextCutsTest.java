package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over-long lines and over-deep indentation are cut in place; every other character and line survives. */
class SourceTextCutsTest {

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void ordinaryTextIsReturnedUntouched(String eol) {
        String text = String.join(eol, "# Title", "", "    indented code", "\t- item", "", "");
        List<ParseWarning> warnings = new ArrayList<>();

        assertThat(SourceText.cutLines(text, warnings)).isSameAs(text);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aLongLineIsCutAndTheLinesAfterItKept(String eol) {
        String text = String.join(eol, "# Title", "x".repeat(SourceText.MAX_LINE_CHARS + 5), "after", "y".repeat(
                SourceText.MAX_LINE_CHARS + 1), "end");
        List<ParseWarning> warnings = new ArrayList<>();

        String cut = SourceText.cutLines(text, warnings);

        assertThat(cut).isEqualTo(String.join(eol, "# Title", "x".repeat(SourceText.MAX_LINE_CHARS), "after",
                "y".repeat(SourceText.MAX_LINE_CHARS), "end"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("cut after 10000 characters").contains("and 1 more line");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void deepIndentationIsCutToTheLimitKeepingTheLine(String eol) {
        String text = String.join(eol, "- a", " ".repeat(SourceText.MAX_INDENT + 50) + "- deep", "- b");
        List<ParseWarning> warnings = new ArrayList<>();

        String cut = SourceText.cutLines(text, warnings);

        assertThat(cut).isEqualTo(String.join(eol, "- a", " ".repeat(SourceText.MAX_INDENT) + "- deep", "- b"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("indentation was cut after 200 characters");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n"})
    void aLongDeeplyIndentedLineGetsBothCuts(String eol) {
        String line = " ".repeat(300) + "z".repeat(SourceText.MAX_LINE_CHARS);
        List<ParseWarning> warnings = new ArrayList<>();

        String cut = SourceText.cutLines("a" + eol + line + eol + "b", warnings);

        assertThat(cut).isEqualTo("a" + eol + " ".repeat(200) + "z".repeat(SourceText.MAX_LINE_CHARS - 300) + eol + "b");
        assertThat(warnings).extracting(ParseWarning::line).containsExactly(2, 2);
    }
}
