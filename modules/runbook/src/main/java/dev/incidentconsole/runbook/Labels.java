package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * Bold labels such as {@code **Diagnosis:**} that act as headings in many runbooks.
 *
 * <p>A paragraph that is only a short bold phrase (optionally followed by a colon) is always a label. A bold
 * phrase followed by more text ({@code **Symptoms:** /health returns 500}) is a label only when the phrase is
 * known vocabulary (see {@link LabelKinds}) and a colon separates it, so {@code **Severity:** critical} stays a
 * line of prose.
 */
final class Labels {

    private static final int MAX_LABEL_CHARS = 80;
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:.\\-–—]+");
    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[:.\\-–—]+");

    private Labels() {
    }

    static boolean isLabel(Paragraph p) {
        if (!(p.getFirstChild() instanceof StrongEmphasis strong) || containsLink(strong, 0)) {
            return false;
        }
        String label = InlineReader.plain(InlineReader.inlines(strong)).strip();
        String title = title(label);
        if (title.isEmpty() || title.length() > MAX_LABEL_CHARS || label.endsWith(".") || label.endsWith("!")
                || label.contains("\n")) {
            return false;
        }
        String rest = InlineReader.plain(InlineReader.from(strong.getNext())).strip();
        if (rest.isEmpty() || PUNCTUATION_ONLY.matcher(rest).matches()) {
            return true;
        }
        boolean colon = label.endsWith(":") || rest.startsWith(":");
        return colon && LabelKinds.kindOf(title) != SectionKind.OTHER;
    }

    /** Adds the label and, when text follows it in the paragraph, that text as the label's first content. */
    static void split(Paragraph p, List<MarkdownWalker.Item> out) {
        StrongEmphasis strong = (StrongEmphasis) p.getFirstChild();
        List<Inline> labelInlines = InlineReader.inlines(strong);
        int line = Lines.start(p);
        out.add(new MarkdownWalker.LabelItem(title(InlineReader.plain(labelInlines)), labelInlines, line));
        Node after = strong.getNext();
        List<Inline> rest = trimLeading(InlineReader.from(after));
        if (!rest.isEmpty()) {
            int restLine = after instanceof SoftLineBreak ? line + 1 : line;
            out.add(new MarkdownWalker.ContentItem(
                    new Block.Text(restLine, Block.TextType.PARAGRAPH, 0, rest), restLine, Lines.end(p)));
        }
    }

    /** The label's text without its trailing colon. */
    static String title(String label) {
        String t = label.strip();
        while (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static List<Inline> trimLeading(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>(inlines);
        while (!out.isEmpty()) {
            Inline first = out.get(0);
            String t = first.style() == Inline.Style.PLAIN ? LEADING_PUNCTUATION.matcher(first.text()).replaceFirst("")
                    : first.text();
            if (t.isEmpty()) {
                out.remove(0);
            } else {
                out.set(0, new Inline(t, first.style()));
                break;
            }
        }
        return out;
    }

    private static boolean containsLink(Node n, int depth) {
        for (Node c = n.getFirstChild(); c != null && depth < 64; c = c.getNext()) {
            if (c instanceof Link || containsLink(c, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
