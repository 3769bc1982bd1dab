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
 * begin with a list marker; other lines get the answer the parsers would give. A paragraph they were asked about
 * more than {@link ParagraphSightings#LIMIT} times is answered without reading its lines: a table starts only under a
 * one-line paragraph, and a list item interrupts a paragraph only as a bullet or {@code 1.} with content, so 200,000
 * lines of {@code | - |} or {@code 2. x} no longer take minutes.
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
        ParagraphSightings sightings = new ParagraphSightings();
        return (state, matched) -> {
            if (sightings.longParagraph(matched.getMatchedBlockParser())) {
                return BlockStart.none(); // a paragraph of more than one line is never a table's header
            }
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
        ParagraphSightings sightings = new ParagraphSightings();
        return (state, matched) -> {
            CharSequence line = state.getLine().getContent();
            if (!listMarker(line, state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            if (sightings.longParagraph(matched.getMatchedBlockParser())
                    && !canInterruptParagraph(line, state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            return lists.tryStart(state, matched);
        };
    }

    /**
     * Whether a list item at {@code at} (a {@link #listMarker}) may interrupt a paragraph, as CommonMark says: a bullet
     * or an ordered item numbered 1, with content after its marker.
     */
    static boolean canInterruptParagraph(CharSequence line, int at) {
        int i = at;
        char c = line.charAt(i);
        if (c != '-' && c != '+' && c != '*') {
            int digits = i;
            while (Character.isDigit(line.charAt(i))) {
                i++;
            }
            if (i - digits != 1 || line.charAt(digits) != '1') {
                return false;
            }
        }
        for (i++; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return true;
            }
        }
        return false;
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
