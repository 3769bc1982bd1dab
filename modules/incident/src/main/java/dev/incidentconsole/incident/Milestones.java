package dev.incidentconsole.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a postmortem reviewer measures, read from the timeline's own events, never invented (decision 0027):
 * <ul>
 *   <li>impact began: the first sign of it, the earliest failing check or firing alert of the incident's own
 *       services ({@link EntryBody.HealthChanged#elsewhere()} ones are not), or the incident's start when none came
 *       before it;</li>
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

    /** The milestones of {@code doc}'s incident. */
    public static Milestones of(IncidentDocument doc) {
        Incident i = doc.incident();
        List<TimelineEntry> recorded = TimelineOrder.byRecording(doc.entries());
        Instant opened = recorded.isEmpty() ? i.startedAt() : recorded.get(0).occurredAt();
        Instant began = i.startedAt();
        String signal = null;
        for (TimelineEntry e : TimelineOrder.byEvent(doc.entries())) {
            String what = signal(e.body());
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
