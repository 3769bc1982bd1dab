package dev.incidentconsole.incident.export;

import java.time.Duration;
import java.util.Locale;

/** Durations as exports print them: "1h 12m", "4.2 s" (times: {@link dev.incidentconsole.incident.Times#instant}). */
final class Durations {
    private Durations() {
    }

    static String span(Duration d) {
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

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return span(Duration.ofMillis(ms));
    }
}
