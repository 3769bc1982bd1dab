package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;

import java.nio.file.Path;
import java.util.List;

/**
 * A section that matched, best first.
 *
 * @param file         the runbook file (absolute, normalised)
 * @param runbookTitle the runbook's title
 * @param path         heading path of the section, top heading first
 * @param line         1-based line of the section's heading
 * @param kind         what the section's heading says it is for
 * @param score        relevance (further sections of a runbook already shown count a little less); only
 *                     comparable between hits of the same search
 * @param snippet      the text around the matched words, with highlight ranges
 * @param components   canonical component names the section mentions
 * @param matched      which words of the query the section holds, and where: why it was found
 */
public record SearchHit(Path file, String runbookTitle, List<String> path, int line, SectionKind kind,
                        float score, Snippet snippet, List<String> components, List<Match> matched) {

    public SearchHit {
        path = List.copyOf(path);
        components = List.copyOf(components);
        matched = List.copyOf(matched);
    }

    /** A hit without an explanation (browsing, where nothing was typed). */
    public SearchHit(Path file, String runbookTitle, List<String> path, int line, SectionKind kind, float score,
                     Snippet snippet, List<String> components) {
        this(file, runbookTitle, path, line, kind, score, snippet, components, List.of());
    }

    /** The section's own heading. */
    public String title() {
        return path.isEmpty() ? runbookTitle : path.get(path.size() - 1);
    }

    /** The heading path joined with {@code " > "}. */
    public String pathString() {
        return String.join(" > ", path);
    }
}
