package dev.incidentconsole.runbook;

import java.util.List;

/** A piece of a section's content, in reading order, for display. */
public sealed interface Block permits Block.Text, Block.Table, Block.Code {

    /** 1-based line where the block starts. */
    int line();

    /**
     * Prose.
     *
     * @param type  what kind of prose
     * @param depth      list nesting depth (0 outside lists); heading level for {@link TextType#HEADING}
     * @param softBreaks offsets in {@link #plain()} of the spaces that were line breaks in the source (Markdown joins
     *                   soft-broken lines), ascending; empty when not known
     */
    record Text(int line, TextType type, int depth, List<Inline> inlines, List<Integer> softBreaks) implements Block {
        public Text {
            inlines = List.copyOf(inlines);
            softBreaks = List.copyOf(softBreaks);
        }

        /** Text whose source line breaks are not known (or that has none). */
        public Text(int line, TextType type, int depth, List<Inline> inlines) {
            this(line, type, depth, inlines, List.of());
        }

        public String plain() {
            StringBuilder sb = new StringBuilder();
            inlines.forEach(i -> sb.append(i.text()));
            return sb.toString();
        }
    }

    enum TextType { HEADING, LABEL, PARAGRAPH, BULLET, NUMBERED, QUOTE, RULE }

    /** A table: header cells and body rows of cell text. */
    record Table(int line, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A step: a fenced or indented code block, or a command written as inline code in the prose just before it.
     *
     * @param span for a command read from inline code ({@code - Check it via `kubectl get pods -n web`.}), the index
     *             in {@link Text#inlines()} of the text block just before this one of the code span it was read from,
     *             so a view shows it where it is written rather than a second time; -1 for a code block
     */
    record Code(Step step, int span) implements Block {
        /** A code block. */
        public Code(Step step) {
            this(step, -1);
        }

        @Override
        public int line() {
            return step.line();
        }

        /** Whether the step was read from inline code of the text block just before it ({@link #span()}). */
        public boolean inline() {
            return span >= 0;
        }
    }
}
