package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** Flattens commonmark inline nodes into styled runs, and collects link destinations. */
final class InlineReader {

    private InlineReader() {
    }

    /** The styled runs of a block's inline children; adjacent runs of one style are merged. */
    static List<Inline> inlines(Node parent) {
        return from(parent.getFirstChild());
    }

    /** The styled runs of {@code first} and its following siblings. */
    static List<Inline> from(Node first) {
        List<Inline> out = new ArrayList<>();
        collect(first, Inline.Style.PLAIN, out, 0);
        return out;
    }

    /** Destinations of every link below {@code parent}, in order. */
    static List<String> links(Node parent) {
        List<String> out = new ArrayList<>();
        collectLinks(parent, out, 0);
        return out;
    }

    static String plain(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        inlines.forEach(i -> sb.append(i.text()));
        return sb.toString();
    }

    private static void collect(Node first, Inline.Style style, List<Inline> out, int depth) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (depth > 64) {
                return; // absurdly nested emphasis: the text is still in the source, not worth a stack overflow
            }
            if (n instanceof Text t) {
                add(out, t.getLiteral(), style);
            } else if (n instanceof Code c) {
                add(out, c.getLiteral(), Inline.Style.CODE);
            } else if (n instanceof SoftLineBreak) {
                add(out, " ", style);
            } else if (n instanceof HardLineBreak) {
                add(out, "\n", style);
            } else if (n instanceof StrongEmphasis) {
                collect(n.getFirstChild(), Inline.Style.STRONG, out, depth + 1);
            } else if (n instanceof Emphasis) {
                Inline.Style inner = style == Inline.Style.STRONG ? style : Inline.Style.EMPHASIS;
                collect(n.getFirstChild(), inner, out, depth + 1);
            } else if (n instanceof Link || n instanceof Image) {
                collect(n.getFirstChild(), Inline.Style.LINK, out, depth + 1);
            } else if (n instanceof HtmlInline) {
                continue; // tags such as <br> or <summary> carry no text an engineer needs
            } else {
                collect(n.getFirstChild(), style, out, depth + 1);
            }
        }
    }

    private static void add(List<Inline> out, String text, Inline.Style style) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).style() == style) {
            Inline last = out.remove(out.size() - 1);
            out.add(new Inline(last.text() + text, style));
        } else {
            out.add(new Inline(text, style));
        }
    }

    private static void collectLinks(Node parent, List<String> out, int depth) {
        for (Node n = parent.getFirstChild(); n != null && depth <= 64; n = n.getNext()) {
            if (n instanceof Link link) {
                out.add(link.getDestination());
            } else {
                collectLinks(n, out, depth + 1);
            }
        }
    }
}
