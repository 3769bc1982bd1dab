package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns each Alertmanager answer into changes: every alert it reports is "firing" (again on every answer,
 * so an incident opened while an alert fires still gets it; callers skip the entry ids they already wrote),
 * every alert it reported last time and no longer does is "resolved". Only answers count: an Alertmanager
 * that is down has not resolved its alerts. Not thread-safe.
 */
final class AlertChanges {
    /** An alert and whether it just appeared ({@code firing}) or went away. */
    record Change(FiringAlert alert, boolean firing) {
        /** The same id for the same alert firing (or resolving) in the same incident, on any console. */
        UUID entryId(String incidentId, boolean firingEntry) {
            return AlertEntries.id(incidentId, alert, firingEntry);
        }
    }

    private final Map<String, Map<String, FiringAlert>> bySource = new HashMap<>();

    /** Takes the alerts one Alertmanager ({@code source}, a service name) answered with. */
    List<Change> answer(String source, List<FiringAlert> alerts) {
        Map<String, FiringAlert> now = new LinkedHashMap<>();
        alerts.forEach(a -> now.put(key(a), a));
        Map<String, FiringAlert> before = bySource.put(source, now);
        List<Change> changes = new ArrayList<>();
        now.forEach((k, a) -> changes.add(new Change(a, true)));
        if (before != null) {
            before.forEach((k, a) -> {
                if (!now.containsKey(k)) {
                    changes.add(new Change(a, false));
                }
            });
        }
        return changes;
    }

    /** Forgets every source (the dashboard switched environment). */
    void clear() {
        bySource.clear();
    }

    static String key(FiringAlert a) {
        return AlertEntries.key(a);
    }
}
