package dev.incidentconsole.incident;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
     * to its workspace folder and the whole heading path. The files match when they are the same file once each
     * relative one is resolved against {@code root} (a {@code README.md} of another workspace is another file); the
     * headings when one path ends with the other; a whole runbook matches only a whole runbook.
     *
     * @param other another link; null is no match
     * @param root  the workspace folder relative files are named from; null: a relative file matches only the same
     *              relative file
     */
    public boolean sameSection(RunbookLink other, Path root) {
        if (other == null || headingPath.isEmpty() != other.headingPath.isEmpty()) {
            return false;
        }
        return sameFile(file, other.file, root) && endsWith(headingPath, other.headingPath);
    }

    /**
     * Whether {@code step} was recorded in this section or in one under it. A step keeps only its runbook's file name
     * ({@link StepRef#file()}), so the files compare by name; the step's section, or one above it, must be this one by
     * {@link #sameSection}'s rule for headings (so a link holding the heading alone, as {@code incident new --runbook
     * db.md#Replication lag} writes it, holds the steps the window recorded under the whole heading path). A whole
     * runbook holds every step of its file.
     *
     * @param step a step; null is in no section
     */
    public boolean holds(StepRef step) {
        return sectionOf(step) != null;
    }

    /**
     * The section of this link that {@code step} was recorded in, by its whole heading path: this link when it names
     * it so already (or is a whole runbook), else the link with the step's heading path down to the heading this link
     * names. A link holding the heading alone ({@code db.md#Verification}) holds steps of every section of that name,
     * and only the step's own path tells which one was walked.
     *
     * @param step a step; null is in no section
     * @return the section's link, or null when {@link #holds} is false
     */
    public RunbookLink sectionOf(StepRef step) {
        if (step == null || !fileName(file).equals(fileName(step.file()))) {
            return null;
        }
        if (headingPath.isEmpty()) {
            return this;
        }
        for (int n = 1; n <= step.headingPath().size(); n++) {
            List<String> path = step.headingPath().subList(0, n);
            if (endsWith(headingPath, path)) {
                return path.size() > headingPath.size() ? new RunbookLink(file, path) : this;
            }
        }
        return null;
    }

    private static String fileName(String file) {
        String name = file.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static boolean sameFile(String a, String b, Path root) {
        try {
            return resolved(a, root).equals(resolved(b, root));
        } catch (InvalidPathException e) { // typed on the command line: no file of this system, compared as written
            return a.equals(b);
        }
    }

    private static Path resolved(String file, Path root) {
        Path path = Path.of(file.replace('\\', '/'));
        return (root == null || path.isAbsolute() ? path : root.toAbsolutePath().resolve(path)).normalize();
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
