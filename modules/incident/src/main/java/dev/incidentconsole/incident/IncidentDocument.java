package dev.incidentconsole.incident;

import java.util.List;
import java.util.Objects;

/**
 * An incident with its whole timeline: what exports write and imports read.
 *
 * @param incident the state derived from {@code entries}
 * @param entries  the timeline in order
 */
public record IncidentDocument(Incident incident, List<TimelineEntry> entries) {
    public IncidentDocument {
        Objects.requireNonNull(incident, "incident");
        entries = List.copyOf(entries);
    }

    /** The document of a timeline, deriving the incident from it. */
    public static IncidentDocument of(List<TimelineEntry> entries) {
        return new IncidentDocument(Incident.replay(entries), entries);
    }
}
