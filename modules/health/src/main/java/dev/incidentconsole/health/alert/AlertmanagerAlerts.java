package dev.incidentconsole.health.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.health.FiringAlert;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads Alertmanager's v2 {@code GET /api/v2/alerts} and Prometheus' {@code GET /api/v1/alerts} answers. Stateless. */
public final class AlertmanagerAlerts {
    /**
     * The query that lists what is firing now, silenced and inhibited alerts too: {@link #read} sets those apart, so
     * an alert silenced during an incident is not taken for resolved.
     */
    public static final String FIRING_QUERY = "/api/v2/alerts?active=true&silenced=true&inhibited=true";
    /** Prometheus' own alerts (pending and firing; only firing ones are kept). */
    public static final String PROMETHEUS_QUERY = "/api/v1/alerts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEVERITY_ORDER = List.of("critical", "page", "error", "high", "warning",
            "medium", "info", "low", "none");
    /** Most severe first, then oldest. */
    static final Comparator<FiringAlert> ORDER = Comparator.comparingInt((FiringAlert f) -> rank(f.severity()))
            .thenComparing(f -> f.startsAt() == null ? Instant.MAX : f.startsAt());

    private AlertmanagerAlerts() {
    }

    /**
     * An Alertmanager answer split by its alerts' {@code endsAt} (only a past one means resolved) and state.
     *
     * @param firing     the alerts firing and notified, most severe and then oldest first
     * @param resolved   the alerts listed with an {@code endsAt} before the answer (their {@link FiringAlert#endsAt()}
     *                   is when they resolved)
     * @param suppressed the alerts still firing but silenced or inhibited (state {@code suppressed}): not shown as
     *                   firing, and not resolved either
     */
    public record Answer(List<FiringAlert> firing, List<FiringAlert> resolved, List<FiringAlert> suppressed) {
        public Answer {
            firing = List.copyOf(firing);
            resolved = List.copyOf(resolved);
            suppressed = List.copyOf(suppressed);
        }
    }

    /**
     * Parses Alertmanager's JSON array of alerts and splits it at {@code now}: an alert whose {@code endsAt} is
     * at or before {@code now} has resolved, one with a later {@code endsAt} (Alertmanager's projection for an
     * alert that is still being reported) or none is firing, or suppressed when Alertmanager says its state is
     * {@code suppressed} (silenced or inhibited).
     *
     * @throws IOException when the body is not an Alertmanager alert list
     */
    public static Answer read(String body, Instant now) throws IOException {
        List<FiringAlert> firing = new ArrayList<>();
        List<FiringAlert> resolved = new ArrayList<>();
        List<FiringAlert> suppressed = new ArrayList<>();
        for (FiringAlert a : parse(body)) {
            (a.endedBy(now) ? resolved : "suppressed".equals(a.state()) ? suppressed : firing).add(a);
        }
        return new Answer(firing, resolved, suppressed);
    }

    /**
     * Parses the JSON array of alerts, most severe and then oldest first, whatever their {@code endsAt}
     * ({@link #read} tells the resolved ones apart).
     *
     * @throws IOException when the body is not an Alertmanager alert list
     */
    public static List<FiringAlert> parse(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isArray()) {
            throw new IOException("not an Alertmanager v2 alert list");
        }
        List<FiringAlert> alerts = new ArrayList<>();
        for (JsonNode a : root) {
            Map<String, String> labels = strings(a.path("labels"));
            Map<String, String> annotations = strings(a.path("annotations"));
            String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", ""));
            alerts.add(new FiringAlert(labels.getOrDefault("alertname", "(unnamed)"),
                    labels.getOrDefault("severity", ""), labels, summary, instant(a.path("startsAt").asText("")),
                    a.path("fingerprint").asText(""), annotations, a.path("generatorURL").asText(""),
                    a.path("status").path("state").asText(""), instant(a.path("endsAt").asText(""))));
        }
        alerts.sort(ORDER);
        return alerts;
    }

    /**
     * Parses Prometheus' {@code GET /api/v1/alerts} answer, keeping the firing alerts, most severe and then oldest
     * first. Their start is Prometheus' {@code activeAt}; their fingerprint is derived from their labels.
     *
     * @throws IOException when the body is not a Prometheus alert list
     */
    public static List<FiringAlert> parsePrometheus(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode list = root == null ? null : root.path("data").path("alerts");
        if (list == null || !list.isArray()) {
            throw new IOException("not a Prometheus /api/v1/alerts answer");
        }
        List<FiringAlert> alerts = new ArrayList<>();
        for (JsonNode a : list) {
            if (!a.path("state").asText("").equals("firing")) {
                continue;
            }
            Map<String, String> labels = strings(a.path("labels"));
            Map<String, String> annotations = strings(a.path("annotations"));
            String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", ""));
            alerts.add(new FiringAlert(labels.getOrDefault("alertname", "(unnamed)"), labels.getOrDefault("severity", ""),
                    labels, summary, instant(a.path("activeAt").asText("")), fingerprint(labels), annotations,
                    a.path("generatorURL").asText(""), "firing"));
        }
        alerts.sort(ORDER);
        return alerts;
    }

    /** A stable identity from the labels, as Alertmanager derives its own (not the same digits). */
    private static String fingerprint(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(labels).forEach((k, v) -> sb.append(k).append('\u0000').append(v).append('\u0001'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line summary: {@code no alerts firing} or {@code 3 alerts firing (1 critical, 2 warning)}. */
    public static String summary(List<FiringAlert> alerts) {
        if (alerts.isEmpty()) {
            return "no alerts firing";
        }
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        alerts.forEach(a -> bySeverity.merge(a.severity().isEmpty() ? "no severity" : a.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        bySeverity.forEach((k, v) -> parts.add(v + " " + k));
        return alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + " firing (" + String.join(", ", parts) + ")";
    }

    private static int rank(String severity) {
        int i = SEVERITY_ORDER.indexOf(severity.toLowerCase(Locale.ROOT));
        return i < 0 ? SEVERITY_ORDER.size() : i;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
