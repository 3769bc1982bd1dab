package dev.incidentconsole.incident.export;

import java.time.Duration;
import dev.incidentconsole.incident.Times;
import java.util.Locale;

/** Durations as exports print them: "1h 12m", "4.2 s" (times: {@link dev.incidentconsole.incident.Times#instant}). */
final class Durations {
    private Durations() {
    }

    static String span(Duration d) {
        return Times.span(d);
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
