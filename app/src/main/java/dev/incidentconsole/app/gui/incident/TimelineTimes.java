package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * When a timeline entry happened, as the window shows it ({@link Times}): in UTC, like the exports and
 * {@code incident show}, so a
 * time read off the screen is the one in the postmortem and in the team channel. {@code 22:47:00 UTC} for an entry of
 * today (UTC), {@code 2026-12-05 22:47:00 UTC} for an earlier day's, and the date on every entry of an incident whose
 * timeline spans more than one UTC day (a midnight in the middle of an outage). The local time is in the tooltip.
 */
final class TimelineTimes {
    private final Clock clock;

    /** @param clock what "today" is; its zone is the local time of {@link #local} */
    TimelineTimes(Clock clock) {
        this.clock = clock;
    }

    /** The time of {@code at} among the incident's {@code entries}: dated when not today or when they span days. */
    String label(Instant at, List<TimelineEntry> entries) {
        return labels(entries).apply(at);
    }

    /**
     * {@link #label} for each time among {@code entries}, with today and whether they span days worked out once: a
     * cell is drawn far more often than the entries change, and scanning every entry per cell is quadratic.
     */
    Function<Instant, String> labels(List<TimelineEntry> entries) {
        LocalDate today = Times.day(clock.instant());
        boolean spans = spansDays(entries);
        return at -> !spans && Times.day(at).equals(today) ? Times.clock(at) : Times.dated(at);
    }

    /** {@code at} in the clock's zone, named, for a tooltip. */
    String local(Instant at) {
        return Times.local(at, clock.getZone());
    }

    static boolean spansDays(List<TimelineEntry> entries) {
        LocalDate first = null;
        for (TimelineEntry e : entries) {
            LocalDate day = Times.day(e.occurredAt());
            if (first == null) {
                first = day;
            } else if (!day.equals(first)) {
                return true;
            }
        }
        return false;
    }
}
