package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The timeline entry of an alert firing or resolving. Its id is derived from incident, alert and start time,
 * so the dashboard of every console, a restart, and "Start incident" from the alert all write the same entry,
 * which the store keeps once. A firing happened at the alert's {@code startsAt}.
 */
public final class AlertEntries {
    private AlertEntries() {
    }

    /**
     * @param firing   true for the firing, false for the resolution
     * @param noticed  when this console saw it (the resolution's time, and the recording time of both)
     */
    public static TimelineEntry of(String incidentId, FiringAlert alert, boolean firing, String author, Instant noticed) {
        EntryBody body = new EntryBody.AlertChanged(alert.name(), firing ? "firing" : "resolved", alert.labels(),
                alert.summary());
        Instant happened = firing && alert.startsAt() != null ? alert.startsAt() : noticed;
        return new TimelineEntry(id(incidentId, alert, firing), incidentId, 0, micros(happened), micros(noticed), author,
                null, body);
    }

    /** The same id for the same alert firing (or resolving) in the same incident, on any console. */
    public static UUID id(String incidentId, FiringAlert alert, boolean firing) {
        String start = alert.startsAt() == null ? "" : alert.startsAt().toString();
        String text = incidentId + "|" + key(alert) + "|" + start + "|" + (firing ? "firing" : "resolved");
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Alertmanager's fingerprint, else the name and labels (which is what the fingerprint hashes). */
    static String key(FiringAlert a) {
        return !a.fingerprint().isEmpty() ? a.fingerprint() : a.name() + new TreeMap<>(a.labels());
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
