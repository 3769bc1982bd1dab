package dev.incidentconsole.runbook;

import java.lang.ref.WeakReference;
import org.commonmark.internal.ParagraphParser;
import org.commonmark.parser.block.BlockParser;

/**
 * How often one block-start factory was asked about the same open paragraph, per thread (the parser is shared).
 * Asking about a paragraph is what copies its lines, so a factory that was asked about the same paragraph more than
 * {@link #LIMIT} times answers from what it knows instead: the paragraph then has more than one line of text. The
 * limit, not 1, keeps the exact answer for a paragraph whose first lines are link reference definitions (they are
 * not paragraph lines) however the lines come.
 */
final class ParagraphSightings {
    static final int LIMIT = 64;

    private final ThreadLocal<Sighting> last = ThreadLocal.withInitial(Sighting::new);

    /** Whether {@code matched} is an open paragraph this factory was asked about more than {@link #LIMIT} times. */
    boolean longParagraph(BlockParser matched) {
        Sighting s = last.get();
        if (!(matched instanceof ParagraphParser)) {
            return false;
        }
        if (s.paragraph.get() != matched) {
            // Weak: the parse is over when the thread parses nothing else, and its paragraph must not stay alive.
            s.paragraph = new WeakReference<>(matched);
            s.count = 0;
        }
        return ++s.count > LIMIT;
    }

    private static final class Sighting {
        WeakReference<BlockParser> paragraph = new WeakReference<>(null);
        int count;
    }
}
