package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.incident.OutageFallback;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the shown incident rows to a fresh listing without replacing the rows that did not change. During an
 * active incident every periodic read differs ({@code updatedAt}, {@code entryCount}); replacing the whole list then
 * would drop the selection and move the scroll position and focus at every tick.
 */
final class IncidentList {
    /** The store's order: newest start first, then id. */
    private static final Comparator<Incident> LIST_ORDER = Comparator.comparing(Incident::startedAt).reversed()
            .thenComparing(Incident::id);

    private IncidentList() {
    }

    /**
     * Makes {@code rows} hold {@code listed} in its order: changed rows are set in place, missing ones removed, new ones
     * inserted, unchanged rows kept as the same objects. A listed incident never replaces a row of the same id that
     * holds more entries, or as many updated later (a read begun before a local change must not bring back the old
     * status).
     */
    static void update(List<Incident> rows, List<Incident> listed) {
        Map<String, Incident> shown = rows.stream().collect(Collectors.toMap(Incident::id, i -> i, (a, b) -> a));
        Map<String, Incident> wanted = new HashMap<>();
        for (Incident l : listed) {
            Incident current = shown.get(l.id());
            wanted.putIfAbsent(l.id(), current != null && newer(current, l) ? current : l);
        }
        rows.removeIf(r -> !wanted.containsKey(r.id()));
        Set<String> placed = new HashSet<>();
        int at = 0;
        for (Incident l : listed) {
            if (!placed.add(l.id())) {
                continue;
            }
            Incident want = wanted.get(l.id());
            if (at < rows.size() && rows.get(at).id().equals(want.id())) {
                if (!rows.get(at).equals(want)) {
                    rows.set(at, want);
                }
            } else {
                rows.removeIf(r -> r.id().equals(want.id())); // moved: it is inserted where the listing has it
                rows.add(at, want);
            }
            at++;
        }
        while (rows.size() > at) {
            rows.remove(rows.size() - 1);
        }
    }

    /**
     * By entries first: an entry recorded later about something earlier (a back-dated status change) folds in without
     * moving {@code updatedAt}, yet the copy holding it is the newer one. The log only grows, so more entries is later.
     */
    private static boolean newer(Incident current, Incident listed) {
        if (current.entryCount() != listed.entryCount()) {
            return current.entryCount() > listed.entryCount();
        }
        return current.updatedAt() != null && listed.updatedAt() != null
                && current.updatedAt().isAfter(listed.updatedAt());
    }

    /** Adds {@code started} where the list, newest first, has it (as the store lists them: started, then id). */
    static void addByStart(List<Incident> rows, Incident started) {
        int at = 0;
        while (at < rows.size() && LIST_ORDER.compare(rows.get(at), started) < 0) {
            at++;
        }
        rows.add(at, started);
    }

    /** @param journalOnly true when the store was unreachable: only the incidents started in this journal */
    record Listed(List<Incident> incidents, boolean journalOnly) {
    }

    /** Off the UI thread. Offline, the Store line says so; the whole list comes when the store is back. */
    static Listed read(IncidentStore s, boolean openOnly) throws Exception {
        return OutageFallback.read(s, () -> new Listed(s.list(openOnly), false), () -> new Listed(
                s.journaledIncidents().stream().filter(i -> !openOnly || i.open()).toList(), true));
    }

    /** Adds the incidents of {@code journaled} that {@code rows} lacks, each where the store would list it. */
    static void addMissing(List<Incident> rows, List<Incident> journaled) {
        journaled.stream().filter(i -> rows.stream().noneMatch(shown -> shown.id().equals(i.id())))
                .forEach(i -> addByStart(rows, i));
    }

    /**
     * {@code listed}, after the rows started or changed here since that listing was asked for (number {@code ticket})
     * that it lacks: it was read before them, and a later listing decides; {@code changedAt} forgets the others.
     */
    static List<Incident> keepingChanged(List<Incident> rows, Map<String, Integer> changedAt, List<Incident> listed,
                                         int ticket) {
        List<Incident> shown = new ArrayList<>(listed);
        for (Incident i : rows) {
            Integer changed = changedAt.get(i.id());
            boolean inListing = listed.stream().anyMatch(l -> l.id().equals(i.id()));
            if (changed != null && changed >= ticket && !inListing) {
                addByStart(shown, i);
            } else if (changed != null) {
                changedAt.remove(i.id());
            }
        }
        return shown;
    }
}
