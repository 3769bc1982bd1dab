package dev.incidentconsole.health;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alert firing in Alertmanager (active, not silenced, not inhibited) or Prometheus.
 *
 * @param name         the {@code alertname} label
 * @param severity     the {@code severity} label, or empty
 * @param labels       every label, including name and severity
 * @param summary      the {@code summary} annotation, else {@code description}, else empty
 * @param startsAt     when it started firing, or {@code null} when the source did not say
 * @param fingerprint  Alertmanager's identity for the alert, or empty
 * @param annotations  every annotation ({@code summary}, {@code runbook_url}...)
 * @param generatorUrl the link back to the rule's expression in Prometheus ({@code /graph?g0.expr=...}), or empty
 * @param state        the source's state word: {@code active} (Alertmanager), {@code firing}/{@code pending}
 *                     (Prometheus), or empty
 * @param endsAt       Alertmanager's {@code endsAt}, or {@code null} (Prometheus gives none): in the past it is when
 *                     the alert resolved; in the future it is only how long Alertmanager waits for the next report
 */
public record FiringAlert(String name, String severity, Map<String, String> labels, String summary,
                          Instant startsAt, String fingerprint, Map<String, String> annotations,
                          String generatorUrl, String state, Instant endsAt) {
    public FiringAlert {
        labels = Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        state = state == null ? "" : state;
    }

    /** An alert whose source gave no end time. */
    public FiringAlert(String name, String severity, Map<String, String> labels, String summary,
                       Instant startsAt, String fingerprint, Map<String, String> annotations,
                       String generatorUrl, String state) {
        this(name, severity, labels, summary, startsAt, fingerprint, annotations, generatorUrl, state, null);
    }

    /** An alert known only by its labels and summary (no annotations, expression nor state). */
    public FiringAlert(String name, String severity, Map<String, String> labels, String summary,
                       Instant startsAt, String fingerprint) {
        this(name, severity, labels, summary, startsAt, fingerprint, Map.of(), "", "", null);
    }

    /** Whether the source says it ended before {@code now}: only a past {@code endsAt} means resolved. */
    public boolean endedBy(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /** The {@code runbook_url} annotation, else {@code runbook}, else {@code runbook-url}, when present. */
    public Optional<String> runbookUrl() {
        for (String key : new String[] {"runbook_url", "runbook", "runbook-url", "runbookUrl"}) {
            String v = annotations.get(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /** The PromQL expression in {@link #generatorUrl()}'s {@code g0.expr} parameter, when there is one. */
    public Optional<String> expression() {
        if (generatorUrl.isBlank()) {
            return Optional.empty();
        }
        String query;
        try {
            query = URI.create(generatorUrl.strip()).getRawQuery();
        } catch (IllegalArgumentException e) {
            int q = generatorUrl.indexOf('?');
            query = q < 0 ? null : generatorUrl.substring(q + 1);
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("g0.expr")) {
                String expr = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return expr.isBlank() ? Optional.empty() : Optional.of(expr);
            }
        }
        return Optional.empty();
    }
}
