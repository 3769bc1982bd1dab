package dev.incidentconsole.incident;

import java.util.List;
import java.util.Objects;

/**
 * An incident with its whole timeline: what exports write and imports read.
 *
 * @param incident the state derived from {@code entries}
 * @param entries  the timeline; exports show it in {@link TimelineOrder#EVENT} order, the state folds it in
 *                 {@link TimelineOrder#RECORDING} order
 */
public record IncidentDocument(Incident incident, List<TimelineEntry> entries) {
    public IncidentDocument {
        Objects.requireNonNull(incident, "incident");
        entries = List.copyOf(entries);
    }

    /** The entries in the order readers see them: when they happened, ties in recording order. */
    public List<TimelineEntry> inEventOrder() {
        return TimelineOrder.byEvent(entries);
    }

    /** The document of a timeline, deriving the incident from it. */
    public static IncidentDocument of(List<TimelineEntry> entries) {
        return new IncidentDocument(Incident.replay(entries), entries);
    }
}
