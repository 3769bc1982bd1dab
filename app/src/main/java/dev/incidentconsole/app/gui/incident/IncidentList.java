package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Incident;
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
    private IncidentList() {
    }

    /**
     * Makes {@code rows} hold {@code listed} in its order: changed rows are set in place, missing ones removed, new ones
     * inserted, unchanged rows kept as the same objects. A listed incident never replaces a row of the same id that
     * was updated later (a read begun before a local change must not bring back the old status).
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

    private static boolean newer(Incident current, Incident listed) {
        return current.updatedAt() != null && listed.updatedAt() != null
                && current.updatedAt().isAfter(listed.updatedAt());
    }
}
