package dev.incidentconsole.health;

import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.runbook.SecretMasker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service to watch: where it runs, how to probe it and how often. Immutable.
 *
 * @param name             unique within an environment; the key of the scheduler's state
 * @param host             host name or address (for display; the probe spec carries its own target)
 * @param port             port, or 0 when the probe has none (a command)
 * @param probe            how to check it
 * @param interval         time between checks while healthy
 * @param timeout          hard limit of one attempt; an overrunning attempt is abandoned as a timeout
 * @param retries          consecutive failed attempts before the service is DOWN (at least 1)
 * @param retryInterval    time between checks while failures are below {@code retries}
 * @param latencyThreshold slower answers are DEGRADED; {@code null} for no threshold
 * @param tags             free labels for filtering, e.g. {@code tier1}
 * @param components       component names, matching runbook components, e.g. {@code postgresql}
 * @param runbooks         where to read about the service
 * @param origin           where it was defined, e.g. {@code production.yaml line 12}
 * @param notes            problems found while defining it (unset variable...), shown next to the service
 * @param runbookCheck     the runbook's own check command the probe stands in for, or {@code null}
 */
public record ServiceSpec(String name, String host, int port, ProbeSpec probe, Duration interval,
                          Duration timeout, int retries, Duration retryInterval, Duration latencyThreshold,
                          List<String> tags, List<String> components, List<RunbookRef> runbooks,
                          String origin, List<String> notes, RunbookCheck runbookCheck) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        host = host == null ? "" : host;
        interval = positive(interval, DEFAULT_INTERVAL);
        timeout = positive(timeout, DEFAULT_TIMEOUT);
        retries = Math.max(1, retries);
        retryInterval = positive(retryInterval, min(interval, Duration.ofSeconds(5)));
        tags = List.copyOf(tags);
        components = List.copyOf(components);
        runbooks = List.copyOf(runbooks);
        origin = origin == null ? "" : origin;
        notes = List.copyOf(notes);
    }

    /** A service whose probe stands for no runbook command. */
    public ServiceSpec(String name, String host, int port, ProbeSpec probe, Duration interval, Duration timeout,
                       int retries, Duration retryInterval, Duration latencyThreshold, List<String> tags,
                       List<String> components, List<RunbookRef> runbooks, String origin, List<String> notes) {
        this(name, host, port, probe, interval, timeout, retries, retryInterval, latencyThreshold, tags, components,
                runbooks, origin, notes, null);
    }

    /** A service with default interval (15 s), timeout (5 s) and retries (3). */
    public static ServiceSpec of(String name, String host, int port, ProbeSpec probe) {
        return new ServiceSpec(name, host, port, probe, null, null, DEFAULT_RETRIES, null, null,
                List.of(), List.of(), List.of(), "", List.of());
    }

    public ServiceSpec withInterval(Duration value) {
        return new ServiceSpec(name, host, port, probe, value, timeout, retries, null, latencyThreshold,
                tags, components, runbooks, origin, notes, runbookCheck);
    }

    public ServiceSpec withTimeout(Duration value) {
        return new ServiceSpec(name, host, port, probe, interval, value, retries, retryInterval,
                latencyThreshold, tags, components, runbooks, origin, notes, runbookCheck);
    }

    public ServiceSpec withRetries(int value, Duration retryEvery) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, value, retryEvery,
                latencyThreshold, tags, components, runbooks, origin, notes, runbookCheck);
    }

    public ServiceSpec withLatencyThreshold(Duration value) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval, value,
                tags, components, runbooks, origin, notes, runbookCheck);
    }

    public ServiceSpec withRunbooks(List<RunbookRef> value) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, components, value, origin, notes, runbookCheck);
    }

    public ServiceSpec withProbe(ProbeSpec value) {
        return new ServiceSpec(name, host, port, value, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, components, runbooks, origin, notes, runbookCheck);
    }

    public ServiceSpec withComponents(List<String> value) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, value, runbooks, origin, notes, runbookCheck);
    }

    /**
     * What is checked, in one line, credentials masked: the one text the dashboard shows and a health entry records
     * ({@code GET https://ops:****@api:8443/health}).
     *
     * @param masker the standard rules, with the watched environment's secret values ({@link SecretMasker#withSecrets})
     */
    public String description(SecretMasker masker) {
        return masker.mask(probe.describe());
    }

    /** The same service, its probe standing in for the runbook's own check command. */
    public ServiceSpec withRunbookCheck(RunbookCheck value) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, components, runbooks, origin, notes, value);
    }

    public ServiceSpec withOrigin(String value) {
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, components, runbooks, value, notes, runbookCheck);
    }

    public ServiceSpec withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ServiceSpec(name, host, port, probe, interval, timeout, retries, retryInterval,
                latencyThreshold, tags, components, runbooks, origin, more, runbookCheck);
    }

    /** {@code host:port}, or the host alone when there is no port. */
    public String address() {
        return port > 0 ? host + ":" + port : host;
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
