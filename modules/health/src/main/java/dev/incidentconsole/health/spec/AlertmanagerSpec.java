package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert source whose firing alerts are listed: an Alertmanager (v2 API), or a Prometheus' own alerts
 * ({@code /api/v1/alerts}, those firing).
 *
 * @param url        the base URL, e.g. {@code http://localhost:9093}
 * @param basicAuth  credentials, or {@code null}
 * @param headers    extra headers, e.g. a bearer token
 * @param prometheus whether the source is a Prometheus rather than an Alertmanager
 */
public record AlertmanagerSpec(String url, BasicAuth basicAuth, Map<String, Secret> headers, boolean prometheus)
        implements ProbeSpec {
    public AlertmanagerSpec {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** An Alertmanager. */
    public AlertmanagerSpec(String url, BasicAuth basicAuth, Map<String, Secret> headers) {
        this(url, basicAuth, headers, false);
    }

    public static AlertmanagerSpec of(String url) {
        return new AlertmanagerSpec(url, null, Map.of());
    }

    /** A Prometheus whose firing alerts are listed. */
    public static AlertmanagerSpec prometheus(String url) {
        return new AlertmanagerSpec(url, null, Map.of(), true);
    }

    @Override
    public String kind() {
        return prometheus ? "prometheus" : "alertmanager";
    }

    @Override
    public String describe() {
        return (prometheus ? "Prometheus alerts " : "Alertmanager alerts ") + url;
    }
}
