package dev.incidentconsole.incident;

import java.util.List;
import java.util.Objects;

/**
 * A runbook section linked to an incident.
 *
 * @param file        the runbook file as the user knows it (path relative to the runbook folder, or absolute)
 * @param headingPath heading path from the top heading down to the section; empty for the whole runbook
 */
public record RunbookLink(String file, List<String> headingPath) {
    public RunbookLink {
        Objects.requireNonNull(file, "file");
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    /** E.g. {@code runbooks/db.md › Replication lag › Diagnosis}. */
    public String display() {
        return headingPath.isEmpty() ? file : file + " › " + String.join(" › ", headingPath);
    }
}
