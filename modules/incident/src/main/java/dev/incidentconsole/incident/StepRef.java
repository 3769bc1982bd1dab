package dev.incidentconsole.incident;

import java.util.List;
import java.util.Objects;

/**
 * The runbook step a timeline entry came from.
 *
 * @param file        the runbook file
 * @param headingPath heading path of the section holding the step
 * @param line        1-based line of the step (its code fence) in the file; 0 when unknown
 */
public record StepRef(String file, List<String> headingPath, int line) {
    public StepRef {
        Objects.requireNonNull(file, "file");
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    /** E.g. {@code runbooks/db.md:42 (Replication lag › Diagnosis)}. */
    public String display() {
        String where = line > 0 ? file + ":" + line : file;
        return headingPath.isEmpty() ? where : where + " (" + String.join(" › ", headingPath) + ")";
    }
}
