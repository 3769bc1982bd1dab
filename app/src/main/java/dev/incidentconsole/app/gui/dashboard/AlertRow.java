package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.FiringAlert;
import java.util.List;

/**
 * A firing alert as the dashboard lists it: once, however many of the environment's alert sources report it.
 *
 * @param alert   the alert
 * @param sources the alert sources (Alertmanager, Prometheus services) that report it
 * @param link    the best runbook section that answers the alert, or {@code null} when none does
 * @param links   every section that answers it, best first, each with why (the first is {@code link})
 * @param runbooksRead whether the workspace's runbooks were read when the row was made: before, no link may only
 *                     mean they were not, and the row says so. Part of the row so that the list changes when it flips.
 */
public record AlertRow(FiringAlert alert, List<String> sources, LinkedSection link, List<LinkedSection> links,
                       boolean runbooksRead) {

    public AlertRow {
        sources = List.copyOf(sources);
        links = links == null ? (link == null ? List.of() : List.of(link)) : List.copyOf(links);
    }

    /** A row with every section that answers the alert, best first, made after the runbooks were read. */
    public static AlertRow of(FiringAlert alert, List<String> sources, List<LinkedSection> links) {
        return of(alert, sources, links, true);
    }

    /** A row with every section that answers the alert, best first. */
    public static AlertRow of(FiringAlert alert, List<String> sources, List<LinkedSection> links, boolean runbooksRead) {
        return new AlertRow(alert, sources, links.isEmpty() ? null : links.get(0), links, runbooksRead);
    }

    /** The sources for display: {@code Alertmanager and Prometheus}. */
    public String source() {
        return String.join(" and ", sources);
    }
}
