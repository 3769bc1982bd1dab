package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.FiringAlert;
import java.util.List;

/**
 * A firing alert as the dashboard lists it.
 *
 * @param alert  the alert
 * @param source the alert source (Alertmanager or Prometheus service) that reported it
 * @param link   the best runbook section that answers the alert, or {@code null} when none does
 * @param links  every section that answers it, best first, each with why (the first is {@code link})
 */
public record AlertRow(FiringAlert alert, String source, LinkedSection link, List<LinkedSection> links) {

    public AlertRow {
        links = links == null ? (link == null ? List.of() : List.of(link)) : List.copyOf(links);
    }

    /** A row with only its best section. */
    public AlertRow(FiringAlert alert, String source, LinkedSection link) {
        this(alert, source, link, null);
    }

    /** A row with every section that answers the alert, best first. */
    public static AlertRow of(FiringAlert alert, String source, List<LinkedSection> links) {
        return new AlertRow(alert, source, links.isEmpty() ? null : links.get(0), links);
    }
}
