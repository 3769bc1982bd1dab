package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Alertmanager whose firing alerts are listed (v2 API).
 *
 * @param url       the base URL, e.g. {@code http://localhost:9093}
 * @param basicAuth credentials, or {@code null}
 * @param headers   extra headers, e.g. a bearer token
 */
public record AlertmanagerSpec(String url, BasicAuth basicAuth, Map<String, Secret> headers) implements ProbeSpec {
    public AlertmanagerSpec {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static AlertmanagerSpec of(String url) {
        return new AlertmanagerSpec(url, null, Map.of());
    }

    @Override
    public String kind() {
        return "alertmanager";
    }

    @Override
    public String describe() {
        return "Alertmanager alerts " + url;
    }
}
