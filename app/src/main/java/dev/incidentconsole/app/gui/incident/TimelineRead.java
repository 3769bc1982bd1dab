package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.incident.OutageFallback;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An incident's timeline as this machine can read it now: the store's with the entries its journal still keeps here
 * (an incident whose row another session holds locked keeps them there while the store is online), or, while the team
 * store is unreachable, the journaled entries alone ({@link IncidentStore#journaled}), all that can be shown of it then.
 *
 * @param journalOnly true when {@code entries} are only the journaled ones (seq 0), the store being unreachable
 */
record TimelineRead(List<TimelineEntry> entries, boolean journalOnly) {

    /** Reads on the calling thread (a worker); throws what is not an outage. */
    static TimelineRead of(IncidentStore store, String incidentId) throws StoreException {
        return OutageFallback.read(store, () -> new TimelineRead(withWaiting(store, incidentId), false),
                () -> new TimelineRead(store.journaled(incidentId), true));
    }

    /**
     * The stored entries with the incident's journaled ones the store does not have yet, each entry once. The journal
     * is read first: a drain between the two reads then moves an entry into the store before the store is read, never
     * out of the journal after it was.
     */
    private static List<TimelineEntry> withWaiting(IncidentStore store, String incidentId) throws StoreException {
        List<TimelineEntry> journaled = store.pendingEntries() == 0 ? List.of() : store.journaled(incidentId);
        List<TimelineEntry> stored = store.entries(incidentId, 0);
        if (journaled.isEmpty()) {
            return stored;
        }
        Map<UUID, TimelineEntry> byId = new LinkedHashMap<>();
        stored.forEach(e -> byId.put(e.id(), e));
        journaled.forEach(e -> byId.merge(e.id(), e, SeenTimelines::kept));
        return TimelineOrder.byEvent(new ArrayList<>(byId.values()));
    }

    /** The last {@code seq} the store gave (0 when none, or only journaled entries). */
    long lastSeq() {
        return entries.stream().mapToLong(TimelineEntry::seq).max().orElse(0);
    }
}
