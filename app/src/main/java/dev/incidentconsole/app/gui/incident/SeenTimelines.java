package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * Another incident is shown instead of {@code incidentId}, which showed {@code shown}. A showing without the
     * incident's creation (left before its load answered) is no timeline: what was seen of it before is kept.
     */
    void left(String incidentId, List<TimelineEntry> shown) {
        List<TimelineEntry> stored = shown.stream().filter(e -> e.seq() > 0).toList();
        if (holdsCreation(stored)) {
            seen.put(incidentId, stored);
        }
    }

    /**
     * {@code held} of incident {@code incidentId} (what a read during the outage gave, or what is shown) with the
     * stored entries seen of it that it lacks, each entry once (its stored copy rather than a journaled one), in
     * event order; {@code held} alone, ordered, when nothing with the incident's creation was seen.
     */
    List<TimelineEntry> with(String incidentId, List<TimelineEntry> held) {
        Map<UUID, TimelineEntry> byId = new LinkedHashMap<>();
        seen.getOrDefault(incidentId, List.of()).forEach(e -> byId.put(e.id(), e));
        held.forEach(e -> byId.merge(e.id(), e, SeenTimelines::kept));
        return TimelineOrder.byEvent(new ArrayList<>(byId.values()));
    }

    /**
     * Which of two copies of one entry a timeline keeps: the stored one (it has its {@code seq}) over one journaled
     * on this machine, else the one it held first. The one rule for a timeline shown ({@code TimelineViewModel}) and
     * one put together from what was seen ({@link #with}).
     */
    static TimelineEntry kept(TimelineEntry held, TimelineEntry arriving) {
        return held.seq() > 0 || arriving.seq() == 0 ? held : arriving;
    }

    /** Another store is used: an incident of the same id there is another timeline, and none of this may join it. */
    void clear() {
        seen.clear();
    }

    private static boolean holdsCreation(List<TimelineEntry> entries) {
        return entries.stream().anyMatch(e -> e.body() instanceof EntryBody.Created);
    }
}
