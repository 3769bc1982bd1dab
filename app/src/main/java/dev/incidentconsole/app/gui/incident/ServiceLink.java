package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.runbook.Placeholders;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard service (or firing alert) an incident was started from, and the values it gives a walkthrough's
 * placeholders: the service name, host, port, URL, database and database user; for an alert its namespace, pod,
 * job, container and instance. Passwords and headers are never taken. Immutable.
 *
 * @param name        the service's name on the dashboard
 * @param environment the dashboard environment it was watched in; may be empty
 * @param values      canonical name ({@code host}, {@code port}, {@code url}, {@code database}, {@code user},
 *                    {@code service}, {@code namespace}, {@code pod}, {@code job}, {@code instance}) to value
 */
public record ServiceLink(String name, String environment, Map<String, String> values) {
    /** Placeholder spellings ({@link #key}: {@code <pod-name>} is {@code pod}) that mean each canonical value. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("service", List.of("service", "svc", "app", "application", "deployment")),
            Map.entry("host", List.of("host", "server", "dbhost", "pghost", "redishost", "servicehost")),
            Map.entry("port", List.of("port", "dbport", "pgport", "redisport", "serviceport")),
            Map.entry("url", List.of("url", "endpoint", "healthurl", "serviceurl", "baseurl", "healthcheckurl")),
            Map.entry("database", List.of("database", "db", "pgdatabase")),
            Map.entry("user", List.of("dbuser", "pguser", "databaseuser", "user")),
            Map.entry("namespace", List.of("namespace", "ns", "kubenamespace", "k8snamespace", "kubernetesnamespace")),
            Map.entry("pod", List.of("pod")),
            Map.entry("job", List.of("job")),
            Map.entry("instance", List.of("instance", "target")),
            Map.entry("container", List.of("container")));
    /** Alert labels that name the service an alert is about, most specific first. */
    private static final List<String> SERVICE_LABELS = List.of("service", "app", "deployment", "job", "container");

    public ServiceLink {
        environment = environment == null ? "" : environment;
        values = Map.copyOf(values);
    }

    /** The values a service's definition gives; the host and port of an HTTP service come from its URL. */
    public static ServiceLink of(ServiceSpec spec, String environment) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("service", spec.name());
        put(v, "host", spec.host());
        if (spec.port() > 0) {
            v.put("port", String.valueOf(spec.port()));
        }
        ProbeSpec probe = spec.probe();
        if (probe instanceof HttpSpec http) {
            fromUrl(v, http.url());
        } else if (probe instanceof WebSocketSpec ws) {
            fromUrl(v, ws.url());
        } else if (probe instanceof PostgresSpec pg) {
            hostPort(v, pg.host(), pg.port());
            put(v, "database", pg.database());
            put(v, "user", pg.user());
        } else if (probe instanceof RedisSpec redis) {
            hostPort(v, redis.host(), redis.port());
        } else if (probe instanceof TcpSpec tcp) {
            hostPort(v, tcp.host(), tcp.port());
        }
        return new ServiceLink(spec.name(), environment, v);
    }

    /**
     * The values a firing alert's labels give: {@code namespace}, {@code pod}, {@code job}, {@code container},
     * {@code instance} (and the host and port it is made of), and the service it is about ({@code service},
     * {@code app}, {@code deployment}, {@code job} or {@code container} label; else the alert's name).
     */
    public static ServiceLink ofAlert(FiringAlert alert, String environment) {
        Map<String, String> labels = alert.labels();
        Map<String, String> v = new LinkedHashMap<>();
        String service = SERVICE_LABELS.stream().map(labels::get).filter(x -> x != null && !x.isBlank()).findFirst()
                .orElse(alert.name());
        v.put("service", service);
        for (String label : List.of("namespace", "pod", "job", "container", "instance")) {
            put(v, label, labels.get(label));
        }
        String instance = labels.get("instance");
        if (instance != null && !instance.isBlank()) {
            // host:port, [v6]:port, or a URL as blackbox exporters write it
            String hostPort = instance.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
            int colon = hostPort.lastIndexOf(':');
            boolean port = colon > 0 && colon > hostPort.lastIndexOf(']') && hostPort.substring(colon + 1).matches("\\d+");
            put(v, "host", (port ? hostPort.substring(0, colon) : hostPort).replaceAll("^\\[|]$", ""));
            if (port) {
                v.put("port", hostPort.substring(colon + 1));
            }
        }
        return new ServiceLink(service, environment, v);
    }

    /** The value for a placeholder named {@code placeholder} ({@code <db-host>}, {@code $PGHOST}...), if the service gives one. */
    public Optional<String> valueFor(String placeholder) {
        String key = key(placeholder);
        return ALIASES.entrySet().stream().filter(e -> e.getValue().contains(key)).map(e -> values.get(e.getKey()))
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }

    /** A placeholder name as {@link Placeholders#nameKey} reads it: {@code <db-host>} and {@code $DB_HOST} match. */
    static String key(String name) {
        return Placeholders.nameKey(name);
    }

    private static void fromUrl(Map<String, String> v, String url) {
        put(v, "url", url);
        try {
            URI uri = URI.create(url);
            hostPort(v, uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            // A URL the probe could not parse either: the dashboard shows that; the other values still help.
        }
    }

    /** The probe's own host and port win: the service's may be a display name. */
    private static void hostPort(Map<String, String> v, String host, int port) {
        if (host != null && !host.isBlank()) {
            v.put("host", host);
        }
        if (port > 0) {
            v.put("port", String.valueOf(port));
        }
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }
}
