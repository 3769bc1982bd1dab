package dev.incidentconsole.app.services;

import java.util.Arrays;
import java.util.List;

/**
 * A runbook section that fits a service or an alert.
 *
 * @param reference what {@code RunbookTreeViewModel.selectWhenLoaded} opens: {@code file.md#Heading > Path}
 * @param title     the section's heading, or the runbook title for a whole runbook
 * @param runbook   the runbook's title
 * @param why       why it fits, e.g. {@code port table}, {@code mentions Redis}, {@code alert RedisDown}
 * @param found     false when an explicit link names a section the loaded runbooks do not have
 * @param file      the runbook file's full path, or empty when not found
 * @param line      the section's line (1 for a whole runbook), or 0 when not found
 * @param url       a web address to open instead (an alert's {@code runbook_url} that names no local runbook),
 *                  or empty
 */
public record LinkedSection(String reference, String title, String runbook, String why, boolean found,
                            String file, int line, String url) {

    public LinkedSection {
        file = file == null ? "" : file;
        url = url == null ? "" : url;
    }

    /** A link without file path, line or URL. */
    public LinkedSection(String reference, String title, String runbook, String why, boolean found) {
        this(reference, title, runbook, why, found, "", 0, "");
    }

    /** {@code title (runbook)}, as the dashboard lists it. */
    public String label() {
        return runbook.isEmpty() || runbook.equals(title) ? title : title + " (" + runbook + ")";
    }

    /** The heading path of {@link #reference()}, after its {@code #} ({@code A > B}), or empty for a whole runbook. */
    public String sectionPath() {
        int hash = reference.indexOf('#');
        return hash < 0 ? "" : reference.substring(hash + 1);
    }

    /** The headings of {@link #sectionPath()}, outermost first; empty for a whole runbook. */
    public List<String> headings() {
        String path = sectionPath();
        return path.isEmpty() ? List.of() : Arrays.asList(path.split(" > "));
    }

    /** Whether this is only a web address to open in the browser. */
    public boolean webOnly() {
        return !found && !url.isEmpty();
    }

    /** The same section, linked for another reason. */
    public LinkedSection because(String reason) {
        return new LinkedSection(reference, title, runbook, reason, found, file, line, url);
    }
}
