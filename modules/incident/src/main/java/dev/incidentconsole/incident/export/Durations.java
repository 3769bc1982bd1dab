package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Times;
import java.time.Duration;
import java.util.Locale;

/** Run lengths as exports print them: "830 ms", "4.2 s", past a minute {@link Times#span} ("1h 12m"). */
final class Durations {
    private Durations() {
    }

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return Times.span(Duration.ofMillis(ms));
    }
}
