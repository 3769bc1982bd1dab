package dev.incidentconsole.app.services;

/**
 * A runbook section that fits a service or an alert.
 *
 * @param reference what {@code RunbookTreeViewModel.selectWhenLoaded} opens: {@code file.md#Heading > Path}
 * @param title     the section's heading, or the runbook title for a whole runbook
 * @param runbook   the runbook's title
 * @param why       why it fits, e.g. {@code port table}, {@code mentions Redis}, {@code alert RedisDown}
 * @param found     false when an explicit link names a section the loaded runbooks do not have
 */
public record LinkedSection(String reference, String title, String runbook, String why, boolean found) {

    /** {@code title (runbook)}, as the dashboard lists it. */
    public String label() {
        return runbook.isEmpty() || runbook.equals(title) ? title : title + " (" + runbook + ")";
    }
}
