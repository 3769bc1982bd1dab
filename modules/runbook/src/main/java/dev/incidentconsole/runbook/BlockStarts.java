package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.internal.TableBlockParser;
import org.commonmark.internal.BlockQuoteParser;
import org.commonmark.internal.FencedCodeBlockParser;
import org.commonmark.internal.HeadingParser;
import org.commonmark.internal.HtmlBlockParser;
import org.commonmark.internal.IndentedCodeBlockParser;
import org.commonmark.internal.ListBlockParser;
import org.commonmark.internal.ThematicBreakParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;

/**
 * commonmark's block starts (and the GFM table's) in their usual order, with the two that read the open
 * paragraph guarded. Both copy all the paragraph's lines on every line they are asked about, so a paragraph of
 * 100,000 lines starting with {@code *} or {@code [} allocated 80 GB (quadratic). The table start is asked
 * only about lines that can be a delimiter row ({@code | - :} and blanks), the list start only about lines that
 * begin with a list marker; other lines get the answer the parsers would give. Still quadratic: a long paragraph
 * of lines that look like delimiter rows or like list items that cannot interrupt it ({@code 2. x}).
 */
final class BlockStarts {

    private BlockStarts() {
    }

    /** Replaces the builder's block starts with the guarded ones, in commonmark's order (the table's first). */
    static Parser.Builder install(Parser.Builder builder) {
        builder.enabledBlockTypes(Set.of());
        List<BlockParserFactory> ordered = List.of(tableStart(new TableBlockParser.Factory()),
                new BlockQuoteParser.Factory(), new HeadingParser.Factory(), new FencedCodeBlockParser.Factory(),
                new HtmlBlockParser.Factory(), new ThematicBreakParser.Factory(),
                listStart(new ListBlockParser.Factory()), new IndentedCodeBlockParser.Factory());
        ordered.forEach(builder::customBlockParserFactory);
        return builder;
    }

    private static BlockParserFactory tableStart(BlockParserFactory tables) {
        return (state, matched) -> {
            CharSequence line = state.getLine().getContent();
            for (int i = state.getIndex(); i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
                    return BlockStart.none();
                }
            }
            return tables.tryStart(state, matched);
        };
    }

    private static BlockParserFactory listStart(BlockParserFactory lists) {
        return (state, matched) -> {
            if (!listMarker(state.getLine().getContent(), state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            return lists.tryStart(state, matched);
        };
    }

    /** {@code -}, {@code +}, {@code *} or 1-9 digits and {@code .} or {@code )}, then a blank or the line's end. */
    static boolean listMarker(CharSequence line, int at) {
        int i = at;
        if (i >= line.length()) {
            return false;
        }
        char c = line.charAt(i);
        if (c == '-' || c == '+' || c == '*') {
            i++;
        } else {
            while (i < line.length() && i - at < 9 && Character.isDigit(line.charAt(i)) && line.charAt(i) <= '9') {
                i++;
            }
            if (i == at || i >= line.length() || (line.charAt(i) != '.' && line.charAt(i) != ')')) {
                return false;
            }
            i++;
        }
        return i >= line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
    }
}
