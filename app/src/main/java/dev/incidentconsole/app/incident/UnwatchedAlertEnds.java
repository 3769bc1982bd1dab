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
 * or restarted, or another console wrote the firing): they would stay firing on the timeline. Only an alert the
 * incident covers in the watched environment ({@link IncidentScope#coversAlert}) and that one of the sources the
 * entry names is watched here is considered; it is due, at the first answer without it, with the id every console
 * derives, once every source the dashboard watches has answered without it (else, the dashboard's sources unknown,
 * every source the entry names). An incident is checked until that is settled once per watch; while a watched source
 * has not answered yet it is waited for without limit (an unreachable source resolves nothing), and only an incident
 * whose named sources are not known to be watched here is given up after {@link #TRIES} answers. Not thread-safe:
 * the recorder thread only.
 */
final class UnwatchedAlertEnds {
    private static final Logger LOG = LoggerFactory.getLogger(UnwatchedAlertEnds.class);
    /** Alert source answers to wait for the sources an entry names (dashboard's sources unknown) before giving up. */
    static final int TRIES = 20;

    private final Set<String> settled = new HashSet<>();
    private final Map<String, Integer> tries = new HashMap<>();
    /** Null: never told (no dashboard; the sources an entry names are waited for). Empty: not known yet. */
    private List<String> sources;

    /**
     * The alert sources the dashboard watches, by name. Empty while the dashboard does not know them yet (its rows
     * are still loading while checks already answer): then nothing is resolved, and no try is counted.
     */
    void sources(List<String> names) {
        sources = List.copyOf(names);
    }

    /** A new watch (another environment): every incident is checked again. */
    void clear() {
        settled.clear();
        tries.clear();
    }

    /** Whether one of the open incidents may still hold such an alert. */
    boolean behind(List<Incident> open) {
        return !settled.containsAll(open.stream().map(Incident::id).toList());
    }

    /**
     * The resolutions due now in {@code incidents}, after {@code source} answered at {@code at}.
     *
     * @param environment the environment the dashboard watches
     * @param alerts      what the sources list now (an alert they list firing or silenced has not ended)
     * @param written     entry ids this console already wrote (a resolution of this very answer is not repeated)
     */
    List<TimelineEntry> due(List<Incident> incidents, Callable<IncidentStore> store, String environment,
                            AlertChanges alerts, Set<UUID> written, String source, Instant at, String author,
                            Instant now) {
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
            Set<UUID> ids = new HashSet<>(written);
            entries.forEach(e -> ids.add(e.id()));
            boolean waiting = false;
            boolean counted = false;
            for (TimelineEntry e : entries) {
                FiringAlert alert = AlertEntries.firedIn(e);
                if (alert == null || ids.contains(AlertEntries.id(i.id(), alert, false)) || alerts.follows(alert)
                        || !IncidentScope.coversAlert(i, environment, alert)) {
                    continue;
                }
                List<String> named = ((EntryBody.AlertChanged) e.body()).sources();
                if (sources != null && sources.isEmpty()) {
                    waiting = true; // the dashboard's sources are not known yet
                    continue;
                }
                if (named.isEmpty() || (sources != null && named.stream().noneMatch(sources::contains))) {
                    continue; // no source of it is known to be watched here: this console cannot tell it ended
                }
                List<String> awaited = sources == null ? named : sources;
                if (!alerts.answered(awaited)) {
                    waiting = true; // a source may still list it
                    counted |= sources == null;
                } else {
                    due.add(AlertEntries.resolved(i.id(), alert, named, at, "first seen gone; " + source
                            + " no longer listed it when this console began watching", author, now));
                }
            }
            if (!waiting || (counted && tries.merge(i.id(), 1, Integer::sum) >= TRIES)) {
                settled.add(i.id());
            }
        }
        return due;
    }
}
