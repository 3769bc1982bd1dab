package dev.incidentconsole.health.alert;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;

/**
 * A runbook section that answers a firing alert, and why.
 *
 * @param runbook the local runbook, or {@code null} when a {@code runbook_url} names no local file
 * @param section the section in it, or {@code null} for the whole runbook (or no local file)
 * @param url     the alert's {@code runbook_url} when that is what linked it, else empty; the one thing to
 *                offer (in a browser) when no local runbook matched
 * @param kind    how it was linked
 * @param why     for people, e.g. {@code runbook_url annotation}, {@code name in a table cell},
 *                {@code metric aos_rate_limit_redis_connected in its code}
 */
public record AlertAnswer(Runbook runbook, Section section, String url, Kind kind, String why) {

    /** How an alert was linked to a section, strongest first. */
    public enum Kind { RUNBOOK_URL, NAME, EXPRESSION, LABEL }

    public AlertAnswer {
        url = url == null ? "" : url;
    }

    /** Whether a local runbook was found (else only {@link #url()} can be opened). */
    public boolean local() {
        return runbook != null;
    }
}
