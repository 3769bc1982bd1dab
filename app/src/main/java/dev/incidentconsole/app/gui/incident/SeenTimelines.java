package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored entries of the incidents a timeline showed, as they were when another incident was shown: what it shows
 * again of one of them while the team store cannot be read, so nothing the engineer saw is lost by clicking another
 * incident during an outage. The last {@value #KEPT} incidents; UI thread only.
 */
final class SeenTimelines {
    private static final int KEPT = 32;

    private final Map<String, List<TimelineEntry>> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<TimelineEntry>> eldest) {
            return size() > KEPT;
        }
    };

    /** Another incident is shown instead of {@code incidentId}, which showed {@code shown}. */
    void left(String incidentId, List<TimelineEntry> shown) {
        seen.put(incidentId, shown.stream().filter(e -> e.seq() > 0).toList());
    }

    /** The stored entries seen of the incident; empty when none, or when its creation is not among them (no state to fold). */
    List<TimelineEntry> of(String incidentId) {
        List<TimelineEntry> kept = seen.getOrDefault(incidentId, List.of());
        return kept.stream().anyMatch(e -> e.body() instanceof EntryBody.Created) ? kept : List.of();
    }
}
