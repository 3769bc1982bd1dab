package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a commonmark document in reading order and turns it into a flat list of headings, bold labels and
 * content blocks; code blocks inside list items and quotes are kept in place. One instance per document.
 */
final class MarkdownWalker {

    /** What the walk yields, in document order. */
    sealed interface Item permits HeadingItem, LabelItem, ContentItem {
        int line();
    }

    record HeadingItem(int level, String title, List<Inline> inlines, int line) implements Item {
    }

    /** A bold label; {@code title} is its text without the trailing colon. */
    record LabelItem(String title, List<Inline> inlines, int line) implements Item {
    }

    record ContentItem(Block block, int line, int endLine) implements Item {
    }

    /** A list item that holds links, for symptom and component indexes. */
    record LinkedItem(int line, List<Inline> inlines, List<String> links) {
    }

    /** Deeper nesting than this is flattened to text, so hostile input cannot exhaust the stack. */
    private static final int MAX_NESTING = 40;

    private final SourceLines sourceLines;
    private final List<ParseWarning> warnings;
    private final List<Item> items = new ArrayList<>();
    private final List<TableReader.ReadTable> tables = new ArrayList<>();
    private final List<LinkedItem> linkedItems = new ArrayList<>();
    private final StepReader.ShellBudget shellBudget = new StepReader.ShellBudget();
    private boolean flattenedWarned;

    MarkdownWalker(SourceLines sourceLines, List<ParseWarning> warnings) {
        this.sourceLines = sourceLines;
        this.warnings = warnings;
    }

    List<Item> walk(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                List<Inline> inlines = InlineReader.inlines(h);
                items.add(new HeadingItem(h.getLevel(), Titles.heading(InlineReader.plain(inlines)), inlines,
                        Lines.start(h)));
            } else if (n instanceof Paragraph p && Labels.isLabel(p)) {
                Labels.split(p, items);
            } else {
                block(n, 0, false, 0);
            }
        }
        return items;
    }

    List<TableReader.ReadTable> tables() {
        return tables;
    }

    List<LinkedItem> linkedItems() {
        return linkedItems;
    }

    private void block(Node n, int depth, boolean quote, int nesting) {
        if (nesting > MAX_NESTING) {
            flatten(n);
            return;
        }
        if (n instanceof Paragraph || n instanceof Heading) {
            text(n, quote ? Block.TextType.QUOTE : Block.TextType.PARAGRAPH, depth);
        } else if (n instanceof ListBlock list) {
            for (Node li = list.getFirstChild(); li != null; li = li.getNext()) {
                if (li instanceof ListItem item) {
                    listItem(item, list instanceof OrderedList, depth + 1, quote, nesting + 1);
                }
            }
        } else if (n instanceof BlockQuote) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                block(c, depth, true, nesting + 1);
            }
        } else if (n instanceof FencedCodeBlock code) {
            add(new Block.Code(StepReader.fenced(code, sourceLines, warnings, shellBudget)), n);
        } else if (n instanceof IndentedCodeBlock code) {
            add(new Block.Code(StepReader.indented(code, warnings, shellBudget)), n);
        } else if (n instanceof TableBlock table) {
            TableReader.ReadTable read = TableReader.read(table, sourceLines, warnings);
            tables.add(read);
            add(read.table(), n);
        } else if (n instanceof ThematicBreak) {
            add(new Block.Text(Lines.start(n), Block.TextType.RULE, depth, List.of()), n);
        } else if (n instanceof HtmlBlock html) {
            String visible = Titles.stripHtml(html.getLiteral());
            if (!visible.isBlank()) {
                add(new Block.Text(Lines.start(n), Block.TextType.PARAGRAPH, depth,
                        List.of(new Inline(visible, Inline.Style.PLAIN))), n);
            }
        } else if (!(n instanceof LinkReferenceDefinition)) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                block(c, depth, quote, nesting + 1);
            }
        }
    }

    private void listItem(ListItem item, boolean ordered, int depth, boolean quote, int nesting) {
        Node first = item.getFirstChild();
        Node rest = first;
        if (first instanceof Paragraph p) {
            text(p, ordered ? Block.TextType.NUMBERED : Block.TextType.BULLET, depth);
            List<String> links = InlineReader.links(p);
            if (!links.isEmpty()) {
                linkedItems.add(new LinkedItem(Lines.start(p), InlineReader.inlines(p), links));
            }
            rest = first.getNext();
        }
        for (Node c = rest; c != null; c = c.getNext()) {
            block(c, depth, quote, nesting + 1);
        }
    }

    private void text(Node n, Block.TextType type, int depth) {
        InlineReader.Read read = InlineReader.read(n);
        if (!read.inlines().isEmpty()) {
            add(new Block.Text(Lines.start(n), type, depth, read.inlines(), read.softBreaks()), n);
        }
    }

    private void flatten(Node n) {
        if (!flattenedWarned) {
            flattenedWarned = true;
            warnings.add(new ParseWarning(Lines.start(n), "lists or quotes nested more than " + MAX_NESTING
                    + " levels deep were read as plain text"));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = Lines.start(n); i <= Lines.end(n) && i <= sourceLines.count(); i++) {
            sb.append(sourceLines.line(i).strip()).append('\n');
        }
        add(new Block.Text(Lines.start(n), Block.TextType.PARAGRAPH, MAX_NESTING,
                List.of(new Inline(sb.toString().strip(), Inline.Style.PLAIN))), n);
    }

    private void add(Block block, Node n) {
        items.add(new ContentItem(block, Lines.start(n), Math.max(Lines.end(n), Lines.start(n))));
    }
}
