package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarded block starts give the documents commonmark's own table and list starts give, also past the point
 * where they stop reading a long paragraph ({@link ParagraphSightings#LIMIT} lines).
 */
class BlockStartsTest {
    private static final Parser GUARDED = BlockStarts.install(Parser.builder()).build();
    private static final Parser COMMONMARK = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    static List<String> documents() {
        String longParagraph = "text\n" + "more text | - |\n".repeat(100);
        return List.of(
                "head | x\n--- | ---\na | b\n",
                longParagraph + "| - |\n| - |\n",
                longParagraph + "head | x\n--- | ---\n",
                "text\n" + "| - |\n".repeat(200),
                "text\n" + "2. x\n".repeat(200),
                "text\n" + "2. x\n".repeat(100) + "1. first\n2. second\n",
                "text\n" + "2. x\n".repeat(100) + "- bullet\n",
                "text\n" + "2. x\n".repeat(100) + "-\n- after an empty item\n",
                "text\n" + "2. x\n".repeat(100) + "* \t\n",
                "text\n" + "10. x\n".repeat(100) + "1) paren\n",
                "- item\n" + "  2. x\n".repeat(100) + "  1. nested\n",
                "> quote\n" + "> 2. x\n".repeat(100) + "> - inner\n",
                "[a]: /a\n".repeat(3) + "head | x\n--- | ---\n",
                "1. a\n2. b\n\n2. starts at two\n");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void guardedStartsBuildWhatCommonmarkBuilds(String markdown) {
        assertThat(HTML.render(GUARDED.parse(markdown))).isEqualTo(HTML.render(COMMONMARK.parse(markdown)));
    }
}
