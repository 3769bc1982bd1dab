package dev.incidentconsole.runbook;

import org.commonmark.ext.gfm.tables.internal.TableBlockParser;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.block.BlockParser;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * The GFM tables extension's block start, asked only for lines that can be a table's delimiter row. The
 * extension copies every line of the open paragraph on each line it is asked about, which made a paragraph of
 * 100,000 lines starting with {@code *} or {@code [} allocate 80 GB. A delimiter row holds only {@code | - :} and
 * blanks (any other character makes the extension answer "no" too), and follows a one-line paragraph, so a
 * paragraph already spanning {@link #MAX_PARAGRAPH_LINES} lines is not asked about: it could only be a table
 * header after as many link reference definitions.
 */
final class TableStarts implements BlockParserFactory {

    static final int MAX_PARAGRAPH_LINES = 1_000;

    private final BlockParserFactory tables = new TableBlockParser.Factory();

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
        CharSequence line = state.getLine().getContent();
        for (int i = state.getIndex(); i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
                return BlockStart.none();
            }
        }
        BlockParser open = matched.getMatchedBlockParser();
        if (open.getBlock() instanceof Paragraph p && p.getSourceSpans().size() > MAX_PARAGRAPH_LINES) {
            return BlockStart.none();
        }
        return tables.tryStart(state, matched);
    }
}
