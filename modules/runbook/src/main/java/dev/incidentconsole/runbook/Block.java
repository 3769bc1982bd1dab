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
     * @param depth list nesting depth (0 outside lists); heading level for {@link TextType#HEADING}
     */
    record Text(int line, TextType type, int depth, List<Inline> inlines) implements Block {
        public Text {
            inlines = List.copyOf(inlines);
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

    /** A fenced code block. */
    record Code(Step step) implements Block {
        @Override
        public int line() {
            return step.line();
        }
    }
}
