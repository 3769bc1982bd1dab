package dev.incidentconsole.incident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast responders must react to an incident of a given severity.
 *
 * @param within          the time allowed; {@link Duration#ZERO} means at once; ignored when nextBusinessDay
 * @param nextBusinessDay whether the response is due at the start (09:00) of the next weekday
 */
public record ResponseTarget(Duration within, boolean nextBusinessDay) {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|sec|m|min|minutes?|h|hours?|d|days?)");
    private static final LocalTime BUSINESS_START = LocalTime.of(9, 0);

    public ResponseTarget {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("a response target cannot be negative: " + within);
        }
    }

    public static ResponseTarget immediately() {
        return new ResponseTarget(Duration.ZERO, false);
    }

    public static ResponseTarget within(Duration d) {
        return new ResponseTarget(d, false);
    }

    public static ResponseTarget businessDay() {
        return new ResponseTarget(Duration.ZERO, true);
    }

    /**
     * Reads a target as written in settings: {@code immediately}, {@code next business day}, {@code 15m},
     * {@code 1h}, {@code 30 minutes} or an ISO-8601 duration such as {@code PT15M}.
     *
     * @throws IllegalArgumentException naming the text when it is none of those
     */
    public static ResponseTarget parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("immediately") || t.equals("now") || t.equals("0")) {
            return immediately();
        }
        if (t.equals("next business day")) {
            return businessDay();
        }
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return within(switch (m.group(2).charAt(0)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return within(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Response target '" + text + "' is not understood; write e.g. "
                    + "'immediately', '15m', '1h' or 'next business day'.", e);
        }
    }

    /** When the response is due for an incident that started at {@code start}, in the team's time zone. */
    public Instant dueBy(Instant start, ZoneId zone) {
        if (!nextBusinessDay) {
            return start.plus(within);
        }
        ZonedDateTime day = start.atZone(zone).toLocalDate().plusDays(1).atTime(BUSINESS_START).atZone(zone);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.toInstant();
    }

    /** Plain words, e.g. "respond within 15 minutes". */
    public String describe() {
        if (nextBusinessDay) {
            return "respond next business day";
        }
        if (within.isZero()) {
            return "respond immediately";
        }
        return "respond within " + humanDuration(within);
    }

    static String humanDuration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3_600 == 0) {
            return plural(s / 3_600, "hour");
        }
        if (s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
