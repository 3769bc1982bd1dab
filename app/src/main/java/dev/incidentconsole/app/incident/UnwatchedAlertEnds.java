package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts whose firing an open incident records but that ended while this console was not watching (it was closed
 * or restarted, or another console wrote the firing): they would stay firing on the timeline. Once every alert
 * source the dashboard watches (else every source the timeline names for the alert) has answered without one, its
 * resolution is due, at that first answer without it, with the id every console derives. Each incident is checked
 * until that is settled once per watch; an incident whose sources never answer here (another console's environment
 * file) is given up after {@link #TRIES} answers. Not thread-safe: the recorder thread only.
 */
final class UnwatchedAlertEnds {
    private static final Logger LOG = LoggerFactory.getLogger(UnwatchedAlertEnds.class);
    /** Alert source answers to wait for every source of an alert before giving up on its incident. */
    static final int TRIES = 20;

    private final Set<String> settled = new HashSet<>();
    private final Map<String, Integer> tries = new HashMap<>();
    private List<String> sources = List.of();

    /** The alert sources the dashboard watches, by name (empty: unknown). */
    void sources(List<String> names) {
        sources = List.copyOf(names);
    }

    /** A new watch (another environment): every incident is checked again. */
    void clear() {
        settled.clear();
        tries.clear();
    }

    /** Whether an open incident may still hold such an alert (or none is known open yet). */
    boolean behind(List<Incident> open) {
        return open.isEmpty() || !settled.containsAll(open.stream().map(Incident::id).toList());
    }

    /**
     * The resolutions due now in {@code incidents}, after {@code source} answered at {@code at}.
     *
     * @param alerts what the sources list now (an alert they list firing or silenced has not ended)
     */
    List<TimelineEntry> due(List<Incident> incidents, Callable<IncidentStore> store, AlertChanges alerts, String source,
                            Instant at, String author, Instant now) {
        List<TimelineEntry> due = new ArrayList<>();
        for (Incident i : incidents) {
            if (settled.contains(i.id())) {
                continue;
            }
            List<TimelineEntry> entries;
            try {
                entries = store.call().entries(i.id(), 0);
            } catch (Exception e) {
                LOG.debug("Cannot read incident {} for alerts that ended unwatched: {}", i.id(), e.getMessage());
                continue;
            }
            Set<UUID> ids = new HashSet<>();
            entries.forEach(e -> ids.add(e.id()));
            boolean waiting = false;
            for (TimelineEntry e : entries) {
                FiringAlert alert = AlertEntries.firedIn(e);
                if (alert == null || ids.contains(AlertEntries.id(i.id(), alert, false)) || alerts.follows(alert)) {
                    continue;
                }
                List<String> named = ((EntryBody.AlertChanged) e.body()).sources();
                List<String> awaited = sources.isEmpty() ? named : sources;
                if (awaited.isEmpty()) {
                    continue; // written before sources were kept: which answers would tell is unknown
                } else if (!alerts.answered(awaited)) {
                    waiting = true; // another source may still list it
                } else {
                    due.add(AlertEntries.resolved(i.id(), alert, named, at, "first seen gone; " + source
                            + " no longer listed it when this console began watching", author, now));
                }
            }
            if (!waiting || tries.merge(i.id(), 1, Integer::sum) >= TRIES) {
                settled.add(i.id());
            }
        }
        return due;
    }
}
