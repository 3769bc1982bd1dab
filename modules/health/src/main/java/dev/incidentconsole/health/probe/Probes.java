package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.RunbookCheck;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalUser;
import dev.incidentconsole.health.Status;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes {@link Probe}s from {@link ProbeSpec}s, sharing one HTTP client and one exec {@link CommandRunner}
 * for check commands. Thread-safe. {@link #close()} releases the HTTP client's threads and connections, and
 * closes the command runner when this made it.
 *
 * <p>HTTP probes open a fresh connection each time (no keep-alive pool): a health check should measure
 * and exercise the path a new client takes, and 500 idle pooled sockets would cost more than they save.
 */
public final class Probes implements Closeable {
    private final CommandRunner runner;
    private final boolean ownsRunner;
    /**
     * Built by the first check that needs it, on a probe thread: building it reads the JDK's trust store and
     * sets up TLS (about 0.3 s), which held up the window's FX thread when probes were made there.
     */
    private OkHttpClient http;

    /**
     * Probes without a command runner: a check command is not run, its status is UNKNOWN and its reason says why.
     * For checks that need no command (HTTP, TCP, databases, alerts); give a runner for the others.
     */
    public Probes() {
        this(null, false);
    }

    /**
     * Probes with their own command runner ({@link #settings(LocalUser)}), running commands as {@code user}: SSH
     * logs in with the ssh-agent and the target's keys and trusts only host keys already in known_hosts, as nobody
     * is there to answer a prompt.
     */
    public Probes(LocalUser user) {
        this(CommandRunner.withoutSshPrompts(settings(user)), true);
    }

    /** Probes running check commands through {@code runner}, which the caller keeps and closes. */
    public Probes(CommandRunner runner) {
        this(runner, false);
    }

    private Probes(CommandRunner runner, boolean ownsRunner) {
        this.runner = runner;
        this.ownsRunner = ownsRunner;
    }

    private synchronized OkHttpClient http() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                    .followRedirects(false)
                    .retryOnConnectionFailure(false)
                    .build();
        }
        return http;
    }

    /** A probe for the spec; cheap, and safe to keep for the life of the service. */
    public Probe create(ProbeSpec spec) {
        if (spec instanceof HttpSpec s) {
            return new HttpProbe(s, this::http);
        } else if (spec instanceof TcpSpec s) {
            return new TcpProbe(s);
        } else if (spec instanceof WebSocketSpec s) {
            return new WebSocketProbe(s, this::http);
        } else if (spec instanceof PostgresSpec s) {
            return new PostgresProbe(s);
        } else if (spec instanceof RedisSpec s) {
            return new RedisProbe(s);
        } else if (spec instanceof CommandSpec s) {
            return commandProbe(s, "the check " + s.describe());
        } else if (spec instanceof AlertmanagerSpec s) {
            return new AlertmanagerProbe(s, this::http);
        }
        throw new IllegalArgumentException("no probe for " + spec.kind());
    }

    /**
     * A probe for the service's spec; when the probe stands in for the runbook's own check command
     * ({@link ServiceSpec#runbookCheck()}), every reason says so, e.g. {@code PostgreSQL on 5433 accepts
     * connections; the runbook checks it with docker exec}.
     */
    public Probe create(ServiceSpec service) {
        Probe probe = service.probe() instanceof CommandSpec s ? commandProbe(s, "service \""
                + service.name() + "\"" + (service.origin().isEmpty() ? "" : ", " + service.origin()))
                : create(service.probe());
        RunbookCheck check = service.runbookCheck();
        if (check == null) {
            return probe;
        }
        return context -> {
            ProbeResult r = probe.check(context);
            return r.withStatus(r.status(), r.reason() + "; " + check.note());
        };
    }

    private Probe commandProbe(CommandSpec spec, String where) {
        if (runner == null) {
            return context -> ProbeResult.of(Status.UNKNOWN, "not run: no command runner was given for "
                    + where, Duration.ZERO, Instant.now());
        }
        return new CommandProbe(spec, runner, where);
    }

    /**
     * The settings of the runner {@link #Probes(LocalUser)} makes: output files (deleted after each check) under
     * {@code health-runs} beside exec's default runs folder, a short tail, 1 s from SIGTERM to SIGKILL, and
     * 200 ms to read what a background child still prints after the check exited.
     */
    public static ExecSettings settings(LocalUser user) {
        ExecSettings d = ExecSettings.defaults(user);
        return new ExecSettings(d.outputDir().resolveSibling("health-runs"), 200, 64 * 1024, d.defaultTimeout(),
                Duration.ofSeconds(1), Duration.ofMillis(200), d.kubectl(), user);
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        if (ownsRunner && runner != null) {
            runner.close();
        }
    }
}
