package dev.incidentconsole.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a postmortem reviewer measures, read from the timeline's own events, never invented (decision 0027):
 * <ul>
 *   <li>impact began: the first sign of it, the earliest failing check of the incident's own services
 *       ({@link EntryBody.HealthChanged#elsewhere()} ones are not) or firing alert of its own ({@link #ownAlert}) that
 *       started at most {@link #SIGNAL_WINDOW} before the incident, or the incident's start when none came before
 *       it;</li>
 *   <li>detected: when the incident was opened (its creation entry);</li>
 *   <li>acknowledged: the first response ({@link Incident#acknowledgedAt()});</li>
 *   <li>mitigated: when the status was first set to mitigated (impact stopped); null when nobody marked it, even
 *       once resolved, since resolving does not say when impact stopped;</li>
 *   <li>resolved: when it was resolved; null while open.</li>
 * </ul>
 * Times to mitigate and resolve count from when impact began; time to detect from there to the opening.
 *
 * @param impactBegan  when impact began (the first signal, or the incident's start)
 * @param firstSignal  what showed it first ({@code orders-api down}, {@code alert OrdersDown firing}), or null when
 *                     nothing on the timeline came before the incident's start
 * @param detected     when the incident was opened
 * @param acknowledged the first response, or null
 * @param mitigated    when impact was marked stopped, or null
 * @param resolved     when resolved, or null
 */
public record Milestones(Instant impactBegan, String firstSignal, Instant detected, Instant acknowledged,
                         Instant mitigated, Instant resolved) {
    private static final Set<String> FAILING = Set.of("down", "degraded");
    /**
     * How long before the incident's start a firing alert may have begun and still be its first signal. An alert's
     * start is the source's {@code startsAt}, which a console started later still reports: one firing for days (a
     * standing warning) says nothing about when this impact began. A failing check has no such bound, since the
     * console that recorded it saw it fail.
     */
    public static final Duration SIGNAL_WINDOW = Duration.ofHours(6);

    /** The milestones of {@code doc}'s incident. */
    public static Milestones of(IncidentDocument doc) {
        Incident i = doc.incident();
        List<TimelineEntry> recorded = TimelineOrder.byRecording(doc.entries());
        Instant opened = recorded.isEmpty() ? i.startedAt() : recorded.get(0).occurredAt();
        Instant began = i.startedAt();
        String signal = null;
        Set<String> own = ownServices(doc);
        Instant earliest = i.startedAt().minus(SIGNAL_WINDOW);
        for (TimelineEntry e : TimelineOrder.byEvent(doc.entries())) {
            boolean counts = !(e.body() instanceof EntryBody.AlertChanged a)
                    || !e.occurredAt().isBefore(earliest) && ownAlert(i, own, a);
            String what = counts ? signal(e.body()) : null;
            if (what != null) {
                if (e.occurredAt().isBefore(began)) {
                    began = e.occurredAt();
                    signal = what;
                }
                break;
            }
        }
        return new Milestones(began, signal, opened, i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt());
    }

    /** The services the incident linked and those its own health entries are about, lower case. */
    private static Set<String> ownServices(IncidentDocument doc) {
        Set<String> own = new HashSet<>();
        doc.incident().services().forEach(s -> own.add(s.toLowerCase(Locale.ROOT)));
        for (TimelineEntry e : doc.entries()) {
            if (e.body() instanceof EntryBody.HealthChanged h && !h.elsewhere()) {
                own.add(h.service().toLowerCase(Locale.ROOT));
            }
        }
        return own;
    }

    /**
     * Whether the alert is the incident's own: one of its labels names one of its own services, or it is the alert
     * the incident was started from (whose name opens the title, {@code OrdersDown: orders 5xx}). A Watchdog or
     * another service's alert firing meanwhile is not.
     */
    private static boolean ownAlert(Incident incident, Set<String> ownServices, EntryBody.AlertChanged alert) {
        String title = incident.title().strip();
        return title.equalsIgnoreCase(alert.alert()) || title.regionMatches(true, 0, alert.alert() + ":", 0,
                alert.alert().length() + 1) || alert.labels().values().stream()
                .anyMatch(v -> ownServices.contains(v.toLowerCase(Locale.ROOT)));
    }

    /** What the entry says went wrong with one of the incident's own services, or null. */
    private static String signal(EntryBody b) {
        if (b instanceof EntryBody.HealthChanged h && !h.elsewhere() && FAILING.contains(h.to().toLowerCase(Locale.ROOT))) {
            return h.service() + " " + h.to().toLowerCase(Locale.ROOT);
        }
        if (b instanceof EntryBody.AlertChanged a && "firing".equals(a.state())) {
            return "alert " + a.alert() + " firing";
        }
        return null;
    }

    /** From impact to the incident's opening; zero when nothing showed impact before it. */
    public Duration timeToDetect() {
        return detected.isAfter(impactBegan) ? Duration.between(impactBegan, detected) : Duration.ZERO;
    }

    /** From the opening to the first response, or null. */
    public Duration timeToAcknowledge() {
        return acknowledged == null ? null : Duration.between(detected.isAfter(acknowledged) ? acknowledged : detected,
                acknowledged);
    }

    /** From impact to its marked end, or null when not marked. */
    public Duration timeToMitigate() {
        return mitigated == null ? null : Duration.between(impactBegan, mitigated);
    }

    /** From impact to the resolution, or null while open. */
    public Duration timeToResolve() {
        return resolved == null ? null : Duration.between(impactBegan, resolved);
    }
}
