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
        Runs out = new Runs();
        collect(first, Inline.Style.PLAIN, out, 0);
        return out.finish();
    }

    /** A block's runs and where in their plain text a source line ended (see {@link Block.Text#softBreaks()}). */
    record Read(List<Inline> inlines, List<Integer> softBreaks) {
    }

    /** Like {@link #inlines(Node)}, also noting the soft line breaks (read as spaces). */
    static Read read(Node parent) {
        Runs out = new Runs();
        collect(parent.getFirstChild(), Inline.Style.PLAIN, out, 0);
        return new Read(out.finish(), out.softBreaks);
    }

    /** Destinations of every link below {@code parent}, in order. */
    static List<String> links(Node parent) {
        List<String> out = new ArrayList<>();
        collectLinks(parent, out, 0);
        return out;
    }

    static String plain(List<Inline> inlines) {
        if (inlines.size() == 1) {
            return inlines.get(0).text(); // a heading or cell of one style: no copy
        }
        StringBuilder sb = new StringBuilder();
        inlines.forEach(i -> sb.append(i.text()));
        return sb.toString();
    }

    private static void collect(Node first, Inline.Style style, Runs out, int depth) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (depth > 64) {
                return; // absurdly nested emphasis: the text is still in the source, not worth a stack overflow
            }
            if (n instanceof Text t) {
                out.add(t.getLiteral(), style);
            } else if (n instanceof Code c) {
                out.add(c.getLiteral(), Inline.Style.CODE);
            } else if (n instanceof SoftLineBreak) {
                out.softBreaks.add(out.length);
                out.add(" ", style);
            } else if (n instanceof HardLineBreak) {
                out.add("\n", style);
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

    /**
     * Merges adjacent runs of one style in a builder: concatenating to the previous run instead made a paragraph
     * of many thousand lines quadratic (each soft break a new run). A run of one piece (most are: commonmark
     * merges adjacent text) keeps that piece and is not copied through the builder.
     */
    private static final class Runs {
        private final List<Inline> done = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> softBreaks = new ArrayList<>();
        /** Characters added so far. */
        private int length;
        private String firstPiece;
        private Inline.Style style;

        void add(String piece, Inline.Style pieceStyle) {
            if (piece == null || piece.isEmpty()) {
                return;
            }
            length += piece.length();
            if (pieceStyle != style) {
                flush();
                style = pieceStyle;
            }
            if (firstPiece == null) {
                firstPiece = piece;
                return;
            }
            if (text.length() == 0) {
                text.append(firstPiece);
            }
            text.append(piece);
        }

        private void flush() {
            if (style != null && firstPiece != null) {
                done.add(new Inline(text.length() > 0 ? text.toString() : firstPiece, style));
            }
            firstPiece = null;
            text.setLength(0);
        }

        List<Inline> finish() {
            flush();
            return done;
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
