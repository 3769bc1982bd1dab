package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/** Reads a GFM table into cell text, keeping each row's line and the links in each cell. */
final class TableReader {

    private static final Pattern QUOTE_MARKERS = Pattern.compile("^(?:>\\s?+)++");

    /**
     * A table as read.
     *
     * @param rowLines  1-based line of each body row
     * @param cellLinks link destinations of each body cell, row by row
     */
    record ReadTable(Block.Table table, List<Integer> rowLines, List<List<List<String>>> cellLinks) {
    }

    private TableReader() {
    }

    static ReadTable read(TableBlock block, SourceLines sourceLines, List<ParseWarning> warnings) {
        int tableLine = Lines.start(block);
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        List<List<List<String>>> links = new ArrayList<>();
        int fallbackLine = tableLine + 2;
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                List<List<String>> rowLinks = new ArrayList<>();
                boolean isHeader = false;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(InlineReader.plain(InlineReader.inlines(cell)).strip());
                    rowLinks.add(InlineReader.links(cell));
                    isHeader |= cell instanceof TableCell tc && tc.isHeader();
                }
                if (isHeader && header.isEmpty()) {
                    header = cells;
                    continue;
                }
                int line = row.getSourceSpans().isEmpty() ? fallbackLine : Lines.start(row);
                fallbackLine = line + 1;
                rows.add(cells);
                rowLines.add(line);
                links.add(rowLinks);
                checkWidth(sourceLines, line, header.size(), warnings);
            }
        }
        return new ReadTable(new Block.Table(tableLine, header, rows), rowLines, links);
    }

    /** GFM pads short rows and drops extra cells silently; the author should hear about it. */
    private static void checkWidth(SourceLines sourceLines, int line, int headerCells, List<ParseWarning> warnings) {
        if (line < 1 || line > sourceLines.count()) {
            return;
        }
        int cells = countCells(sourceLines.line(line));
        if (cells != headerCells) {
            warnings.add(new ParseWarning(line, "table row has " + cells + " cells, header has " + headerCells));
        }
    }

    /** Counts cells the way GFM does: unescaped pipes (even inside code spans), outer pipes optional. */
    static int countCells(String line) {
        String t = line.strip();
        if (t.startsWith(">")) { // a table inside a block quote: most rows are not
            t = QUOTE_MARKERS.matcher(t).replaceFirst("").strip();
        }
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        int cells = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                cells++;
            }
        }
        return cells;
    }
}
