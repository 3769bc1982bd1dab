package dev.incidentconsole.health;

import java.time.Instant;
import java.util.Map;

/**
 * An alert firing in Alertmanager (active, not silenced, not inhibited).
 *
 * @param name        the {@code alertname} label
 * @param severity    the {@code severity} label, or empty
 * @param labels      every label, including name and severity
 * @param summary     the {@code summary} annotation, else {@code description}, else empty
 * @param startsAt    when it started firing, or {@code null} when Alertmanager did not say
 * @param fingerprint Alertmanager's identity for the alert, or empty
 */
public record FiringAlert(String name, String severity, Map<String, String> labels, String summary,
                          Instant startsAt, String fingerprint) {
    public FiringAlert {
        labels = Map.copyOf(labels);
    }
}
