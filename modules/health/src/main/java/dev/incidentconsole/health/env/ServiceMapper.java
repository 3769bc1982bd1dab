package dev.incidentconsole.health.env;

import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.BasicAuth;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.TlsOptions;
import dev.incidentconsole.health.spec.ValueExpectation;
import dev.incidentconsole.health.spec.WebSocketSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** Turns a bound service entry into a {@link ServiceSpec}, checking what Jackson cannot. */
final class ServiceMapper {
    private final Path file;
    private final Variables vars;

    /** Settings a service inherits; file-level defaults overlaid by the environment's. */
    record Defaults(String host, Duration interval, Duration timeout, Integer retries, Duration retryInterval,
                    Duration latencyThreshold) {
        static final Defaults NONE = new Defaults(null, null, null, null, null, null);

        Defaults with(Dto.DefaultsDto d) {
            return d == null ? this : new Defaults(or(d.host, host), or(d.interval, interval), or(d.timeout, timeout),
                    or(d.retries, retries), or(d.retryInterval, retryInterval), or(d.latencyThreshold, latencyThreshold));
        }
    }

    ServiceMapper(Path file) {
        this(file, null);
    }

    /** @param vars where a command check's {@code $NAME} from the secrets file comes from; null: none */
    ServiceMapper(Path file, Variables vars) {
        this.file = file;
        this.vars = vars;
    }

    Path file() {
        return file;
    }

    ServiceSpec map(Dto.ServiceDto s, Defaults d, String path) throws EnvironmentException {
        if (s.name == null || s.name.isBlank()) {
            throw error(s, path, "a service needs a name");
        }
        String host = or(s.host, or(d.host(), "localhost"));
        ProbeSpec probe = probe(s, host, path);
        int port = s.port != null ? s.port : portOf(probe);
        String urlHost = hostOf(probe);
        if (s.host == null && urlHost != null) {
            host = urlHost; // a full URL names the host; show that one
        }
        List<RunbookRef> refs = s.runbooks.stream().map(RunbookRef::parse).toList();
        int retries = or(s.retries, or(d.retries(), ServiceSpec.DEFAULT_RETRIES));
        if (retries < 1) {
            throw error(s, path + ".retries", retries + " is not a number of attempts; use 1 or more");
        }
        return new ServiceSpec(s.name.strip(), host, port, probe, or(s.interval, d.interval()), or(s.timeout, d.timeout()),
                retries, or(s.retryInterval, d.retryInterval()), or(s.latencyThreshold, d.latencyThreshold()),
                s.tags, s.components, refs, file.getFileName() + " line " + s.line(), List.of());
    }

    private ProbeSpec probe(Dto.ServiceDto s, String host, String path) throws EnvironmentException {
        List<String> kinds = new ArrayList<>();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("http", s.http);
        all.put("tcp", s.tcp);
        all.put("websocket", s.websocket);
        all.put("postgres", s.postgres);
        all.put("redis", s.redis);
        all.put("command", s.command);
        all.put("alertmanager", s.alertmanager);
        all.put("prometheus", s.prometheus);
        all.forEach((k, v) -> {
            if (v != null) {
                kinds.add(k);
            }
        });
        if (kinds.size() > 1) {
            throw error(s, path, "has " + String.join(" and ", kinds) + "; give each service one probe");
        }
        String kind = kinds.isEmpty() ? "" : kinds.get(0);
        return switch (kind) {
            case "http" -> http(s.http, host, s.port, path + ".http");
            case "websocket" -> websocket(s.websocket, host, s.port, path + ".websocket");
            case "postgres" -> postgres(s.postgres, host, s.port, path + ".postgres");
            case "redis" -> redis(s.redis, host, s.port, path + ".redis");
            case "command" -> command(s.command, path + ".command");
            case "alertmanager" -> alertSource(s.alertmanager, false, host, s.port, path + ".alertmanager");
            case "prometheus" -> alertSource(s.prometheus, true, host, s.port, path + ".prometheus");
            default -> {
                if (s.port == null) {
                    throw error(s, path, "says neither how to probe it (http, tcp, postgres, redis, websocket, "
                            + "command, alertmanager, prometheus) nor a port to connect to");
                }
                yield new TcpSpec(host, s.port);
            }
        };
    }

    private HttpSpec http(Dto.HttpDto h, String host, Integer port, String path) throws EnvironmentException {
        String scheme = or(h.scheme, "http");
        String url = url(h, scheme, host, port, path, List.of("http", "https"));
        StatusCodes accept;
        try {
            accept = new StatusCodes(h.status);
        } catch (IllegalArgumentException e) {
            throw error(h, path + ".status", e.getMessage());
        }
        BodyExpectation expect = h.expect == null ? null : expectation(h.expect, path + ".expect");
        return new HttpSpec(h.method, url, h.headers, auth(h.basicAuth, path + ".basic-auth"), accept, expect, tls(h.tls));
    }

    private WebSocketSpec websocket(Dto.HttpDto h, String host, Integer port, String path) throws EnvironmentException {
        String scheme = or(h.scheme, "ws");
        String url = url(h, scheme, host, port, path, List.of("ws", "wss"));
        return new WebSocketSpec(url, h.headers, tls(h.tls));
    }

    private String url(Dto.HttpDto h, String scheme, String host, Integer port, String path, List<String> schemes)
            throws EnvironmentException {
        if (h.shortForm) {
            h.url = filled(h.url, h, path);
            h.path = filled(h.path, h, path);
            h.shortForm = false;
        }
        if (h.url == null) {
            if (port == null) {
                throw error(h, path, "needs a url, or a port on the service");
            }
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + or(h.path, "/");
        }
        String lower = h.url.toLowerCase(java.util.Locale.ROOT);
        String httpForm = lower.startsWith("ws://") ? "http://" + h.url.substring(5)
                : lower.startsWith("wss://") ? "https://" + h.url.substring(6) : h.url;
        if (schemes.stream().noneMatch(sc -> lower.startsWith(sc + "://")) || HttpUrl.parse(httpForm) == null) {
            throw error(h, path + ".url", "\"" + h.url + "\" is not a " + String.join(" or ", schemes) + " URL");
        }
        return h.url;
    }

    private BodyExpectation expectation(Dto.ExpectDto e, String path) throws EnvironmentException {
        if (e.contains != null && e.pointer == null) {
            return BodyExpectation.keyword(e.contains);
        }
        if (e.pointer == null || e.value == null || e.contains != null) {
            throw error(e, path, "give either pointer and value (e.g. pointer: /status, value: healthy) or contains");
        }
        if (!e.pointer.startsWith("/")) {
            throw error(e, path + ".pointer", "\"" + e.pointer + "\" is not a JSON pointer; start it with /");
        }
        try {
            return new BodyExpectation(e.pointer, value(e.value, e, path + ".value"), null);
        } catch (IllegalArgumentException bad) {
            throw error(e, path + ".pointer", "\"" + e.pointer + "\" is not a JSON pointer: " + bad.getMessage());
        }
    }

    private PostgresSpec postgres(Dto.PostgresDto p, String host, Integer port, String path) throws EnvironmentException {
        ValueExpectation expect = p.expect == null ? null : value(p.expect, p, path + ".expect");
        return new PostgresSpec(host, port == null ? 5432 : port, p.database, p.user, p.password, p.sslmode,
                p.query, expect);
    }

    private RedisSpec redis(Dto.RedisDto r, String host, Integer port, String path) throws EnvironmentException {
        if ((r.infoField == null) != (r.expect == null)) {
            throw error(r, path, "info-field and expect go together (e.g. info-field: role, expect: master)");
        }
        ValueExpectation expect = r.expect == null ? null : value(r.expect, r, path + ".expect");
        return new RedisSpec(host, port == null ? 6379 : port, r.user, r.password, r.infoField, expect);
    }

    private CommandSpec command(Dto.CommandDto c, String path) throws EnvironmentException {
        if (c.run == null || c.run.isBlank()) {
            throw error(c, path, "needs the command to run (command: \"pg_isready -h db\" or run: ...)");
        }
        Map<String, Secret> read = new LinkedHashMap<>();
        if (vars != null) { // the shell expands $NAME, and sees the secrets file's only if they are in its environment
            vars.secrets().readBy(c.run).forEach((name, value) -> read.put(name, Secret.of(value)));
        }
        return new CommandSpec(c.run, c.env, read, c.target == null || c.target.isBlank() ? null : c.target);
    }

    /** {@code text} with its {@code ${VAR}}s filled, for a short form the loader's deserializer did not see. */
    private String filled(String text, Dto.Located at, String path) {
        return vars == null || text == null || !Variables.hasReference(text) ? text : vars.resolve(text, path, at.line());
    }

    private AlertmanagerSpec alertSource(Dto.AlertmanagerDto a, boolean prometheus, String host, Integer port,
                                         String path) throws EnvironmentException {
        if (a.shortForm) {
            a.url = filled(a.url, a, path);
            a.shortForm = false;
        }
        String url = a.url != null ? a.url : "http://" + host + ":" + (port != null ? port : prometheus ? 9090 : 9093);
        if (HttpUrl.parse(url) == null) {
            throw error(a, path + ".url", "\"" + url + "\" is not an http or https URL");
        }
        return new AlertmanagerSpec(url, auth(a.basicAuth, path + ".basic-auth"), a.headers, prometheus);
    }

    private BasicAuth auth(Dto.BasicAuthDto b, String path) throws EnvironmentException {
        if (b == null) {
            return null;
        }
        if (b.user == null) {
            throw error(b, path, "needs a user");
        }
        return new BasicAuth(b.user, b.password);
    }

    private TlsOptions tls(Dto.TlsDto t) {
        if (t == null) {
            return null;
        }
        String ca = t.caFile == null ? null : resolve(t.caFile);
        return new TlsOptions(t.insecure, ca, t.expiryWarning);
    }

    private String resolve(String relative) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? relative : dir.resolve(relative).toString();
    }

    private ValueExpectation value(String text, Dto.Located at, String path) throws EnvironmentException {
        try {
            return ValueExpectation.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(at, path, e.getMessage());
        }
    }

    private static int portOf(ProbeSpec probe) {
        String url = probe instanceof HttpSpec h ? h.url() : probe instanceof AlertmanagerSpec a ? a.url()
                : probe instanceof WebSocketSpec w ? w.url().replaceFirst("^ws", "http") : null;
        if (url != null) {
            HttpUrl parsed = HttpUrl.parse(url);
            return parsed == null ? 0 : parsed.port();
        }
        return probe instanceof PostgresSpec p ? p.port() : probe instanceof RedisSpec r ? r.port() : 0;
    }

    private static String hostOf(ProbeSpec probe) {
        String url = probe instanceof HttpSpec h ? h.url() : probe instanceof AlertmanagerSpec a ? a.url()
                : probe instanceof WebSocketSpec w ? w.url().replaceFirst("^ws", "http") : null;
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed == null ? null : parsed.host();
    }

    private EnvironmentException error(Dto.Located at, String path, String message) {
        return new EnvironmentException(file, at.line(), path, message);
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
