package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/**
 * How a status looks everywhere on the dashboard: icon, style class (colour in dashboard.css: UP green,
 * DEGRADED amber, DOWN red, UNKNOWN grey) and wording; plus the short time and latency texts rows use.
 */
final class StatusLook {
    static final List<String> STYLE_CLASSES = List.of("status-up", "status-degraded", "status-down", "status-unknown");

    private StatusLook() {
    }

    static String styleClass(Status status) {
        return "status-" + status.label();
    }

    static Feather glyph(Status status) {
        return switch (status) {
            case UP -> Feather.CHECK_CIRCLE;
            case DEGRADED -> Feather.ALERT_TRIANGLE;
            case DOWN -> Feather.X_OCTAGON;
            case UNKNOWN -> Feather.HELP_CIRCLE;
        };
    }

    static Node icon(Status status) {
        return Icons.of(glyph(status), "status-icon", styleClass(status));
    }

    /** {@code UP}, {@code DOWN}...: the word shown next to the icon, so colour is never the only cue. */
    static String word(Status status) {
        return status.name();
    }

    /** {@code 12 ms}, {@code 1.4 s}, or a dash for nothing measured. */
    static String latency(Duration d) {
        if (d == null || d.isZero()) {
            return "–";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** {@code 4 s ago}, {@code 3 min ago}, {@code 2 h ago}, or {@code not yet} before the first check. */
    static String ago(Instant then, Instant now) {
        if (then == null || then.equals(Instant.EPOCH)) {
            return "not yet";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        return s < 3600 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }
}
