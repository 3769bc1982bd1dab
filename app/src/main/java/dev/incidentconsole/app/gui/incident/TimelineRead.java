package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.incident.OutageFallback;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.List;

/**
 * An incident's timeline as this machine can read it now: the store's, or, while the team store is unreachable, the
 * entries its journal kept here ({@link IncidentStore#journaled}), which are all that can be shown of it then.
 *
 * @param journalOnly true when {@code entries} are only the journaled ones (seq 0), the store being unreachable
 */
record TimelineRead(List<TimelineEntry> entries, boolean journalOnly) {

    /** Reads on the calling thread (a worker); throws what is not an outage. */
    static TimelineRead of(IncidentStore store, String incidentId) throws StoreException {
        return OutageFallback.read(store, () -> new TimelineRead(store.entries(incidentId, 0), false),
                () -> new TimelineRead(store.journaled(incidentId), true));
    }

    /** The last {@code seq} the store gave (0 when none, or only journaled entries). */
    long lastSeq() {
        return entries.stream().mapToLong(TimelineEntry::seq).max().orElse(0);
    }
}
