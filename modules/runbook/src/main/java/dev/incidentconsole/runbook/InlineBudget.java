package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Bounds what commonmark's inline parser may cost per document. Its cost grows with the paragraph's length times
 * the number of markers in it (each unmatched {@code [}, {@code <}, {@code `} or {@code *_} scans on or looks
 * back), so a paragraph of a million {@code [} took seconds. Each paragraph, heading or table cell may spend
 * {@link #PARAGRAPH_COST} (characters x markers) and the whole document {@link #DOCUMENT_COST}; what lies past
 * the point where a budget runs out is kept as plain text, and the cut is reported ({@link #cuts}).
 *
 * <p>commonmark builds one inline parser per document, so the document's budget lives in that parser. Uses
 * commonmark's own {@code InlineParserImpl} (public, in its internal package) as the parser it guards.
 */
final class InlineBudget implements InlineParserFactory {

    /** About 20,000 characters with 500 markers in one paragraph: far beyond what a person writes. */
    static final long PARAGRAPH_COST = 10_000_000L;
    /** Ordinary prose costs a few thousand per paragraph, so a 2 MiB runbook stays well inside this. */
    static final long DOCUMENT_COST = 200_000_000L;

    /** Where a block's inline parse was cut: 1-based line, and how many characters of the block were parsed. */
    record Cut(int line, int keptChars, boolean documentBudget) {
    }

    /** Appended to the document when something was cut, so the cuts travel with the parse result. */
    static final class Cuts extends CustomBlock {
        final List<Cut> cuts = new ArrayList<>();
    }

    @Override
    public InlineParser create(InlineParserContext context) {
        return new Guarded(new InlineParserImpl(context));
    }

    /** The cuts made while parsing {@code document}, in document order; empty when nothing was cut. */
    static List<Cut> cuts(Node document) {
        return document.getLastChild() instanceof Cuts c ? c.cuts : List.of();
    }

    /**
     * Adds a warning for the first cut of each kind: a paragraph over its own budget, and the point where the
     * document's budget ran out (after which every marked-up paragraph is plain text).
     */
    static void warn(Node document, List<ParseWarning> warnings) {
        List<Cut> all = cuts(document);
        all.stream().filter(c -> !c.documentBudget()).findFirst().ifPresent(c -> warnings.add(new ParseWarning(
                c.line(), "too much inline markup in one paragraph ([, <, `, * or _ markers); its formatting was"
                + " cut after " + c.keptChars() + " characters, the rest is shown as plain text"
                + others(all, false))));
        all.stream().filter(Cut::documentBudget).findFirst().ifPresent(c -> warnings.add(new ParseWarning(
                c.line(), "too much inline markup in the file ([, <, `, * or _ markers); formatting was cut after"
                + " this line, the rest of the file is shown as plain text")));
    }

    private static String others(List<Cut> all, boolean documentBudget) {
        long more = all.stream().filter(c -> c.documentBudget() == documentBudget).count() - 1;
        return more > 0 ? " (and in " + more + " more paragraphs)" : "";
    }

    /** The characters that open or close inline markup, by ASCII code: read for every character of the text. */
    private static final boolean[] MARKERS = new boolean[128];

    static {
        for (char c : "[]<*_`!\\&~".toCharArray()) {
            MARKERS[c] = true;
        }
    }

    static boolean isMarker(char c) {
        return c < 128 && MARKERS[c];
    }

    private static final class Guarded implements InlineParser {
        private final InlineParser inner;
        private long spent;
        private Cuts cuts;

        Guarded(InlineParser inner) {
            this.inner = inner;
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            long allowed = Math.min(PARAGRAPH_COST, DOCUMENT_COST - spent);
            List<SourceLine> all = lines.getLines();
            long length = 0;
            long markers = 0;
            for (int i = 0; i < all.size(); i++) {
                CharSequence content = all.get(i).getContent();
                for (int j = 0; j < content.length(); j++) {
                    length++;
                    if (isMarker(content.charAt(j))) {
                        markers++;
                        if (length * markers > allowed) {
                            cut(all, i, j, block, allowed);
                            return;
                        }
                    }
                }
                length++; // the line break
            }
            spent += length * markers;
            inner.parse(lines, block);
        }

        /** Parses up to (not including) character {@code at} of line {@code lineIndex}; the rest becomes text. */
        private void cut(List<SourceLine> all, int lineIndex, int at, Node block, long allowed) {
            SourceLines kept = new SourceLines();
            int keptChars = 0;
            for (int i = 0; i < lineIndex; i++) {
                kept.addLine(all.get(i));
                keptChars += all.get(i).getContent().length() + 1;
            }
            SourceLine split = all.get(lineIndex);
            if (at > 0) {
                kept.addLine(split.substring(0, at));
                keptChars += at;
            }
            if (!kept.isEmpty()) {
                inner.parse(kept, block);
            }
            StringBuilder rest = new StringBuilder();
            rest.append(split.getContent(), at, split.getContent().length());
            for (int i = lineIndex + 1; i < all.size(); i++) {
                rest.append('\n').append(all.get(i).getContent());
            }
            block.appendChild(new Text(rest.toString()));
            spent += Math.max(0, allowed);
            record(new Cut(line(split, block), keptChars, allowed < PARAGRAPH_COST), block);
        }

        private void record(Cut cut, Node block) {
            if (cuts == null) {
                Node root = block;
                while (root.getParent() != null) {
                    root = root.getParent();
                }
                cuts = new Cuts();
                root.appendChild(cuts);
            }
            cuts.cuts.add(cut);
        }

        private static int line(SourceLine split, Node block) {
            SourceSpan span = split.getSourceSpan();
            return span != null ? span.getLineIndex() + 1 : Lines.start(block);
        }
    }
}
