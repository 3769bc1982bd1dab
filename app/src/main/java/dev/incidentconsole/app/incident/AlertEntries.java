package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.alert.MergedAlerts;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The timeline entry of an alert firing or resolving. Its id is derived from incident, alert (its name and
 * labels, the same whichever source reported it: {@link MergedAlerts#identity}) and start time, so the dashboard
 * of every console, a restart, and "Start incident" from the alert all write the same entry, which the store
 * keeps once. A firing happened at the alert's {@code startsAt}; a resolution at the end time the source gave,
 * else when this console first saw it gone ({@link AlertChanges}), and the entry's timing says which.
 */
public final class AlertEntries {
    private AlertEntries() {
    }

    /**
     * @param firing   true for the firing, false for the resolution
     * @param noticed  when this console saw it (the recording time; also the time of a firing without a start and
     *                 of a resolution, for callers that know no better)
     */
    public static TimelineEntry of(String incidentId, FiringAlert alert, boolean firing, String author, Instant noticed) {
        return firing ? firing(incidentId, alert, List.of(), author, noticed)
                : resolved(incidentId, alert, List.of(), noticed, "first seen gone", author, noticed);
    }

    /** The alert began firing: at its {@code startsAt}, else (the source gave none) when first seen. */
    static TimelineEntry firing(String incidentId, FiringAlert alert, List<String> sources, String author,
                                Instant noticed) {
        Instant happened = alert.startsAt() != null ? alert.startsAt() : noticed;
        String timing = alert.startsAt() != null ? null : "first seen firing; the source gives no start time";
        return entry(incidentId, alert, true, sources, happened, timing, author, noticed);
    }

    /**
     * The alert resolved at {@code happened}.
     *
     * @param timing how {@code happened} was found: the source's end time, or when first seen gone
     */
    static TimelineEntry resolved(String incidentId, FiringAlert alert, List<String> sources, Instant happened,
                                  String timing, String author, Instant noticed) {
        return entry(incidentId, alert, false, sources, happened, timing, author, noticed);
    }

    private static TimelineEntry entry(String incidentId, FiringAlert alert, boolean firing, List<String> sources,
                                       Instant happened, String timing, String author, Instant noticed) {
        EntryBody body = new EntryBody.AlertChanged(alert.name(), firing ? "firing" : "resolved", alert.labels(),
                alert.summary(), sources, timing, alert.startsAt());
        return new TimelineEntry(id(incidentId, alert, firing), incidentId, 0, micros(happened), micros(noticed), author,
                null, body);
    }

    /**
     * The alert a firing entry was written for, as far as its id can be derived again (name, labels and start:
     * the exact {@code startsAt} the entry keeps, else, in older entries, its time), or null when the entry is no
     * firing or its id cannot be rebuilt (a firing without a start time, an older entry whose source's start had
     * more than microseconds, or one written before these ids): its resolution then gets the id every console gives
     * it. The alert has no state: compare it by {@link MergedAlerts#identity} only.
     */
    static FiringAlert firedIn(TimelineEntry entry) {
        if (!(entry.body() instanceof EntryBody.AlertChanged a) || !"firing".equals(a.state()) || a.timing() != null) {
            return null;
        }
        FiringAlert alert = new FiringAlert(a.alert(), a.labels().getOrDefault("severity", ""), a.labels(),
                a.summary() == null ? "" : a.summary(), a.startsAt() != null ? a.startsAt() : entry.occurredAt(), "");
        return id(entry.incidentId(), alert, true).equals(entry.id()) ? alert : null;
    }

    /** The same id for the same alert firing (or resolving) in the same incident, on any console. */
    public static UUID id(String incidentId, FiringAlert alert, boolean firing) {
        String start = alert.startsAt() == null ? "" : alert.startsAt().toString();
        String text = incidentId + "|" + key(alert) + "|" + start + "|" + (firing ? "firing" : "resolved");
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Name and labels, which every source reports alike (Alertmanager's fingerprint is a hash of the same). */
    static String key(FiringAlert a) {
        return MergedAlerts.identity(a);
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
