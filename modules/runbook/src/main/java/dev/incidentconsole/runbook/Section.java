package dev.incidentconsole.runbook;

import java.util.List;
import java.util.stream.Stream;

/**
 * A heading, or a bold label such as {@code **Diagnosis:**}, and the content up to the next one.
 *
 * <p>Label sections sit one level below the heading they appear under, so the heading path of the
 * "Diagnosis" part of "Backend Health Check Failing" ends in {@code "Diagnosis"}.
 *
 * @param index      position in {@link Runbook#sections()}
 * @param path       heading path from the top heading down to this one
 * @param level      heading level 1-6; a label is one deeper than its heading
 * @param line       1-based line of the heading or label
 * @param endLine    1-based last line of the section's own content (before the next section)
 * @param kind       what the section is for
 * @param label      whether the section starts at a bold label rather than a heading
 * @param procedure  whether this heading groups labelled parts (symptoms, diagnosis, resolution...)
 * @param blocks     the section's own content, excluding sub-sections
 * @param symptoms   symptoms the section lists; for a procedure, those of its parts too
 * @param components canonical component names the section mentions (see {@link Components})
 */
public record Section(int index, List<String> path, int level, int line, int endLine, SectionKind kind,
                      boolean label, boolean procedure, List<Block> blocks,
                      List<String> symptoms, List<String> components) {
    public Section {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        symptoms = List.copyOf(symptoms);
        components = List.copyOf(components);
    }

    public String title() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** The heading path joined with {@code " > "}, as the CLI prints it. */
    public String pathString() {
        return String.join(" > ", path);
    }

    public List<Step> steps() {
        return codeBlocks().toList();
    }

    public List<Command> commands() {
        return codeBlocks().flatMap(s -> s.commands().stream()).toList();
    }

    /** Plain text of the section's own content, for search and snippets. */
    public String text() {
        return text(blocks);
    }

    /** The {@link #text()} of these blocks. */
    static String text(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        appendText(sb, blocks);
        return sb.toString();
    }

    /** Appends the {@link #text()} of these blocks: the builder reads it, after the title, before the section is made. */
    static void appendText(StringBuilder sb, List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.Text t) {
                for (Inline i : t.inlines()) {
                    sb.append(i.text());
                }
            } else if (b instanceof Block.Table t) {
                appendCells(sb, t.header());
                for (List<String> row : t.rows()) {
                    appendCells(sb.append('\n'), row);
                }
            } else if (b instanceof Block.Code c) {
                sb.append(c.step().text());
            }
            sb.append('\n');
        }
    }

    private static void appendCells(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : " | ").append(cells.get(i));
        }
    }

    private Stream<Step> codeBlocks() {
        return blocks.stream().filter(Block.Code.class::isInstance).map(b -> ((Block.Code) b).step());
    }
}
