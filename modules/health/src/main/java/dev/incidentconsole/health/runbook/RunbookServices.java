package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.RunbookCheck;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Components;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.ServiceEntry;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Word;
import dev.incidentconsole.shell.Wrappers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offers the services of runbook port tables ({@link Runbook#services()}) as services to watch, so the
 * bundled runbooks give a working dashboard without an environment file. Stateless and thread-safe.
 *
 * <p>A health-check cell becomes the probe it stands for ({@link CheckCommands}). Without one, the protocol
 * decides: HTTP uses the health URL the runbook curls for that port anywhere, else {@code GET /}; WS a
 * WebSocket handshake; Redis (or a TCP row named Redis) PING; PostgreSQL {@code SELECT 1}; others a TCP
 * connect. Services are on {@code localhost} unless the check names another host.
 */
public final class RunbookServices {
    private static final Pattern HEALTH_PATH = Pattern.compile("(?i).*/(health|healthz|healthy|ready|readyz|live|livez|ping|status)\\b.*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s'\"]+");
    private static final int ALERTMANAGER_PORT = 9093;
    /** How deep {@code $(...)} in {@code $(...)} is searched for a health URL. */
    private static final int MAX_SUBSTITUTION_DEPTH = 4;
    private static final int PROMETHEUS_PORT = 9090;
    private static final Pattern WS_URL = Pattern.compile("wss?://[^\\s'\"]+");
    private final Function<String, String> env;
    private final String host;

    /**
     * @param env  where {@code $VARS} in check commands (API keys...) are read from: the app's environment
     *             variables, or a test's own map; this class reads no environment of its own
     * @param host the host for rows whose check names none
     */
    public RunbookServices(Function<String, String> env, String host) {
        this.env = env;
        this.host = host;
    }

    /** The services of several runbooks; a name already offered by an earlier runbook is skipped. */
    public List<ServiceSpec> offer(Collection<Runbook> runbooks) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        for (Runbook rb : runbooks) {
            for (ServiceSpec s : offer(rb)) {
                byName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * The services of one runbook's port tables, in table order, then the health endpoints it lists as commands
     * under a "Health" heading that no row already probes ({@link HealthEndpoints}). An expectation the runbook
     * documents for an endpoint ({@code Expected: {"status": "healthy"}}, a JSON response body) becomes the
     * probe's, also for the table row that GETs the same URL.
     */
    public List<ServiceSpec> offer(Runbook runbook) {
        List<ServiceSpec> out = new ArrayList<>();
        for (ServiceEntry e : runbook.services()) {
            ServiceSpec spec = map(e, runbook.commands()).withOrigin(fileName(runbook) + " line " + e.line());
            out.add(spec.withRunbooks(List.of(ref(runbook, e.line()))));
        }
        for (HealthEndpoints.Endpoint endpoint : HealthEndpoints.find(runbook, new CheckCommands(env), host)) {
            HttpSpec probe = endpoint.probe();
            int same = indexOfUrl(out, probe.url());
            if (same >= 0) {
                ServiceSpec row = out.get(same);
                if (((HttpSpec) row.probe()).expect() == null && probe.expect() != null) {
                    out.set(same, row.withProbe(((HttpSpec) row.probe()).withExpect(probe.expect())));
                }
                continue;
            }
            String name = uniqueName(out, endpoint.name());
            out.add(ServiceSpec.of(name, hostOf(probe.url()), portOf(probe.url()), probe)
                    .withComponents(Components.standard().find(endpoint.name()))
                    .withOrigin(fileName(runbook) + " line " + endpoint.line())
                    .withRunbooks(List.of(new RunbookRef(runbook.file().toString(), endpoint.section().title(),
                            endpoint.section().line()))));
        }
        return out;
    }

    private static int indexOfUrl(List<ServiceSpec> services, String url) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).probe() instanceof HttpSpec h && h.url().equals(url)) {
                return i;
            }
        }
        return -1;
    }

    private static String uniqueName(List<ServiceSpec> services, String wanted) {
        String name = wanted;
        for (int n = 2; hasName(services, name); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    private static boolean hasName(List<ServiceSpec> services, String name) {
        return services.stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    private static String hostOf(String url) {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        return u == null ? "" : u.host();
    }

    /**
     * One table row as a service; {@code commands} are the runbook's, searched for a health URL. The service's
     * components are those its name names ({@code PgBouncer}, {@code Postgres}...), so their sections link.
     */
    public ServiceSpec map(ServiceEntry entry, List<Command> commands) {
        List<String> components = Components.standard().find(entry.name());
        Optional<AlertmanagerSpec> alertmanager = alertmanager(entry);
        if (alertmanager.isPresent()) {
            return ServiceSpec.of(entry.name(), host, entry.port(), alertmanager.get()).withComponents(components);
        }
        CheckCommands checks = new CheckCommands(env);
        if (!entry.check().isBlank()) {
            CheckCommands.Parsed p = checks.parse(entry.check(), host, entry.port());
            ServiceSpec spec = ServiceSpec.of(entry.name(), p.host(), entry.port(), p.probe()).withComponents(components);
            for (String note : p.notes()) {
                spec = spec.withNote(note);
            }
            return p.via().isEmpty() ? spec : spec.withRunbookCheck(new RunbookCheck(entry.check().strip(), p.via()));
        }
        return ServiceSpec.of(entry.name(), host, entry.port(), byProtocol(entry, commands, checks)).withComponents(components);
    }

    /**
     * An Alertmanager row (named so, on port 9093, or checked with an {@code /api/v2/} URL) lists its firing
     * alerts rather than answering a health URL; a Prometheus row lists Prometheus' own firing alerts (an answer
     * says it is up too). The base URL is the check's, else the row's host and port.
     */
    private Optional<AlertmanagerSpec> alertmanager(ServiceEntry e) {
        Matcher url = URL.matcher(e.check());
        String checked = url.find() ? url.group() : "";
        String name = e.name().toLowerCase(Locale.ROOT);
        boolean alertmanager = name.contains("alertmanager") || e.port() == ALERTMANAGER_PORT || checked.contains("/api/v2/");
        boolean prometheus = !alertmanager && (name.matches("prometheus\\b.*") || e.port() == PROMETHEUS_PORT && name.contains("prom"));
        if (!alertmanager && !prometheus) {
            return Optional.empty();
        }
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(checked);
        String base = parsed != null && !checked.contains("$") ? parsed.scheme() + "://" + parsed.host() + ":" + parsed.port()
                : "http://" + host + ":" + e.port();
        return Optional.of(alertmanager ? AlertmanagerSpec.of(base) : AlertmanagerSpec.prometheus(base));
    }

    private ProbeSpec byProtocol(ServiceEntry e, List<Command> commands, CheckCommands checks) {
        String protocol = e.protocol().strip().toUpperCase(Locale.ROOT);
        String name = e.name().toLowerCase(Locale.ROOT);
        int port = e.port();
        switch (protocol) {
            case "HTTP", "HTTPS" -> {
                String scheme = protocol.toLowerCase(Locale.ROOT);
                return healthUrl(commands, checks, port).orElse(HttpSpec.get(scheme + "://" + host + ":" + port + "/")
                        .withAccept(new StatusCodes(List.of("2xx", "3xx"))));
            }
            case "WS", "WSS", "WEBSOCKET" -> {
                return webSocketUrl(commands, port).map(WebSocketSpec::of)
                        .orElse(WebSocketSpec.of((protocol.equals("WSS") ? "wss" : "ws") + "://" + host + ":" + port + "/"));
            }
            case "REDIS" -> {
                return RedisSpec.of(host, port);
            }
            case "POSTGRES", "POSTGRESQL", "PG", "PSQL" -> {
                return PostgresSpec.of(host, port, null, null, null);
            }
            default -> {
                return name.contains("redis") ? RedisSpec.of(host, port) : new TcpSpec(host, port);
            }
        }
    }

    /**
     * The first GET of a health-like path on this port among the runbook's curl commands, wherever they stand:
     * in a list or pipeline, behind a wrapper, or inside {@code $(...)}.
     */
    private Optional<HttpSpec> healthUrl(List<Command> commands, CheckCommands checks, int port) {
        for (Command c : commands) {
            Optional<HttpSpec> found = healthUrl(ShellCommand.parse(c.text()), checks, port, 0);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<HttpSpec> healthUrl(ShellCommand parsed, CheckCommands checks, int port, int depth) {
        for (SimpleCommand sc : parsed.commands()) {
            List<Word> words = sc.words();
            int curl = Wrappers.programIndex(sc.values());
            if (curl < words.size() && words.get(curl).basename().equals("curl")) {
                // the curl command alone, as written, from its program word to its last word
                String text = parsed.text().substring(words.get(curl).start(), words.get(words.size() - 1).end());
                ProbeSpec p = checks.parse(text, host, port).probe();
                if (p instanceof HttpSpec h && h.method().equals("GET") && portOf(h.url()) == port
                        && HEALTH_PATH.matcher(h.url()).matches()) {
                    return Optional.of(h.withExpect(null));
                }
            }
        }
        for (ShellCommand inner : depth < MAX_SUBSTITUTION_DEPTH ? parsed.substitutions() : List.<ShellCommand>of()) {
            Optional<HttpSpec> found = healthUrl(inner, checks, port, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> webSocketUrl(List<Command> commands, int port) {
        for (Command c : commands) {
            Matcher m = WS_URL.matcher(c.text());
            while (m.find()) {
                String url = m.group();
                if (portOf(url.replaceFirst("^ws", "http")) == port) {
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    private static int portOf(String url) {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        return u == null ? -1 : u.port();
    }

    private static RunbookRef ref(Runbook runbook, int line) {
        Section best = null;
        for (Section s : runbook.sections()) {
            if (s.line() <= line) {
                best = s;
            }
        }
        return new RunbookRef(runbook.file().toString(), best == null ? "" : best.title(), best == null ? line : best.line());
    }

    private static String fileName(Runbook runbook) {
        return runbook.file().getFileName() == null ? runbook.file().toString() : runbook.file().getFileName().toString();
    }
}
