package dev.incidentconsole.incident;

import java.util.Arrays;
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

    /**
     * Whether {@code other} names the same section as written another way: {@code incident new --runbook
     * /srv/runbooks/db.md#Replication lag} gives an absolute file and the heading alone, the window the file relative
     * to its folder and the whole heading path. The files match when one path ends with the other (whole names),
     * the headings when one path ends with the other; a whole runbook matches only a whole runbook.
     *
     * @param other another link; null is no match
     */
    public boolean sameSection(RunbookLink other) {
        if (other == null || headingPath.isEmpty() != other.headingPath.isEmpty()) {
            return false;
        }
        return endsWith(names(file), names(other.file)) && endsWith(headingPath, other.headingPath);
    }

    private static List<String> names(String path) {
        return Arrays.stream(path.replace('\\', '/').split("/")).filter(n -> !n.isEmpty() && !n.equals("."))
                .toList();
    }

    /** Whether the longer list ends with the shorter one. */
    private static boolean endsWith(List<String> a, List<String> b) {
        List<String> longer = a.size() >= b.size() ? a : b;
        List<String> shorter = longer == a ? b : a;
        return longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
    }

    /** E.g. {@code runbooks/db.md › Replication lag › Diagnosis}. */
    public String display() {
        return headingPath.isEmpty() ? file : file + " › " + String.join(" › ", headingPath);
    }
}
