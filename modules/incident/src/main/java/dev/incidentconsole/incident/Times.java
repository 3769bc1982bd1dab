package dev.incidentconsole.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one home of how an instant is written, for the window, the command line and the exports alike
 * (decision 0024): always in UTC, to the second, so a time read off the timeline, the dashboard, {@code incident show}
 * and an export is the same text for the same moment, on any machine. For the record (exports, the {@code incident}
 * commands): ISO-8601 with {@code Z}, {@code 2026-12-05T22:47:00Z}. On screen: {@code 22:47:00 UTC}, dated
 * {@code 2026-12-05 22:47:00 UTC} when the day matters. Local time only where it is named: {@link #local}.
 * Thread-safe.
 */
public final class Times {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

    private Times() {
    }

    /** {@code 2026-12-05T22:47:00Z}: for the record (exports, the command line); empty for {@code null}. */
    public static String instant(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 22:47:00 UTC}: the time of day on screen. */
    public static String clock(Instant t) {
        return CLOCK.format(t);
    }

    /** {@code 2026-12-05 22:47:00 UTC}: on screen, when the day is not today's or the times span days. */
    public static String dated(Instant t) {
        return DATED.format(t);
    }

    /** The UTC day of {@code t}: what "today" and "spans days" are measured in. */
    public static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** {@code 2026-12-05 23:47:00 CET}: {@code t} in {@code zone}, named (a tooltip beside a UTC time). */
    public static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }

    /** {@code 3m 37s}, {@code 1h 12m}: a span as every view and export writes it. */
    public static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86_400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        }
        return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
    }

    /**
     * On screen beside {@code reference}: the time of day, dated when its UTC day is not the reference's (a note
     * recorded after midnight about something that happened before it).
     */
    public static Function<Instant, String> onScreenBeside(Instant reference) {
        return t -> day(t).equals(day(reference)) ? clock(t) : dated(t);
    }

    /**
     * E.g. {@code recorded 2026-11-22T01:54:32Z, 3m 37s later}, the recording time written by {@code time}; empty
     * when the entry was recorded on time.
     */
    public static String lateNote(TimelineEntry e, Function<Instant, String> time) {
        return e.recordedLate() ? "recorded " + time.apply(e.recordedAt()) + ", " + span(e.recordingDelay()) + " later"
                : "";
    }
}
