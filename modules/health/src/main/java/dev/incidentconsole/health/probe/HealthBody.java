package dev.incidentconsole.health.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.Status;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the common health body shapes: {@code {"status":"healthy","checks":{"database":{"status":"ok",
 * "latency_ms":5}}}}, Spring Boot's {@code components}, and the IETF draft's arrays of checks.
 */
final class HealthBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROUPS = List.of("checks", "components", "dependencies", "services", "details");
    private static final List<String> LATENCY = List.of("latency_ms", "latencyMs", "latency", "response_time_ms",
            "responseTimeMs", "duration_ms", "durationMs", "time_ms");
    private static final List<String> MESSAGE = List.of("error", "message", "output", "reason");
    private static final Set<String> UP = Set.of("ok", "up", "healthy", "pass", "passing", "green", "true",
            "available", "ready", "connected", "online", "success", "running", "serving");
    private static final Set<String> DOWN = Set.of("fail", "failed", "failing", "down", "unhealthy", "error",
            "red", "critical", "false", "unavailable", "disconnected", "offline", "out_of_service", "not_serving");

    private HealthBody() {
    }

    /** The body as JSON, or {@code null} when it is not JSON. */
    static JsonNode parse(String body) {
        String t = body.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return JSON.readTree(t);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The service's own status field ({@code status}, {@code state} or {@code healthy}), or {@code null}. */
    static String ownStatus(JsonNode root) {
        return root != null && root.isObject() ? statusText(root) : null;
    }

    static List<Dependency> dependencies(JsonNode root) {
        List<Dependency> deps = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return deps;
        }
        for (String group : GROUPS) {
            JsonNode node = root.get(group);
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Dependency d = dependency(e.getKey(), e.getValue());
                    if (d != null) {
                        deps.add(d);
                    }
                }
                if (!deps.isEmpty()) {
                    return deps;
                }
            }
        }
        return deps;
    }

    /** Maps a self-reported state word to a status; words we do not know count as DEGRADED. */
    static Status classify(String raw) {
        String word = raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (UP.contains(word)) {
            return Status.UP;
        }
        if (DOWN.contains(word)) {
            return Status.DOWN;
        }
        return Status.DEGRADED; // warn, degraded, yellow... and any word we cannot read
    }

    private static Dependency dependency(String name, JsonNode value) {
        JsonNode v = value.isArray() && value.size() > 0 ? value.get(0) : value;
        if (v.isTextual() || v.isBoolean()) {
            return new Dependency(name, classify(v.asText()), v.asText(), -1, "");
        }
        if (!v.isObject()) {
            return null;
        }
        String raw = statusText(v);
        if (raw == null) {
            return null;
        }
        long latency = -1;
        for (String key : LATENCY) {
            if (v.path(key).isNumber()) {
                latency = v.get(key).asLong();
                break;
            }
        }
        String message = "";
        for (String key : MESSAGE) {
            if (v.path(key).isTextual()) {
                message = v.get(key).asText();
                break;
            }
        }
        return new Dependency(name, classify(raw), raw, latency, message);
    }

    private static String statusText(JsonNode object) {
        for (String key : List.of("status", "state", "healthy", "health")) {
            JsonNode s = object.get(key);
            if (s != null && (s.isTextual() || s.isBoolean())) {
                return s.asText();
            }
        }
        return null;
    }
}
