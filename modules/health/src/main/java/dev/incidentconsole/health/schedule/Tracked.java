package dev.incidentconsole.health.schedule;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One watched service's state and the rules that turn probe results into its status. Every method is
 * synchronized on the instance; the scheduler keeps I/O and listener calls outside that lock.
 */
final class Tracked {
    final ServiceSpec spec;
    final Probe probe;
    private final int historySize;
    private final ArrayDeque<ProbeResult> history = new ArrayDeque<>();
    private Status status = Status.UNKNOWN;
    private String reason = "not checked yet";
    private Instant since;
    private ProbeResult last = ProbeResult.unknown();
    private int failures;

    ScheduledFuture<?> next;
    CompletableFuture<ServiceStatus> inflight;
    boolean removed;

    /** What recording a result led to. */
    record Outcome(ServiceStatus status, StatusChange change, Duration nextDelay) {
    }

    Tracked(ServiceSpec spec, Probe probe, int historySize) {
        this.spec = spec;
        this.probe = probe;
        this.historySize = historySize;
    }

    synchronized Outcome record(ProbeResult raw) {
        ProbeResult result = applyThreshold(raw);
        history.addLast(result);
        while (history.size() > historySize) {
            history.removeFirst();
        }
        last = result;
        Status before = status;
        if (result.status() == Status.DOWN) {
            failures++;
            if (failures >= spec.retries()) {
                status = Status.DOWN;
                reason = spec.retries() == 1 ? result.reason()
                        : result.reason() + " (" + failures + " failures in a row)";
            } else {
                reason = result.reason() + " (failure " + failures + " of " + spec.retries() + ")";
            }
        } else {
            failures = 0;
            status = result.status();
            reason = result.reason();
        }
        Instant now = result.checkedAt().plus(result.latency());
        StatusChange change = null;
        if (status != before) {
            since = now;
            change = new StatusChange(spec.name(), before, status, reason, now, result);
        }
        boolean retrying = result.status() == Status.DOWN && failures < spec.retries();
        return new Outcome(snapshot(), change, retrying ? spec.retryInterval() : spec.interval());
    }

    synchronized ProbeResult last() {
        return last;
    }

    synchronized ServiceStatus snapshot() {
        List<ProbeResult> list = List.copyOf(history);
        return new ServiceStatus(spec, status, reason, since, last, failures, list, HistoryStats.of(list));
    }

    private ProbeResult applyThreshold(ProbeResult result) {
        Duration threshold = spec.latencyThreshold();
        if (result.status() == Status.UP && threshold != null && result.latency().compareTo(threshold) > 0) {
            return result.withStatus(Status.DEGRADED, "slow: " + result.latency().toMillis() + " ms (threshold "
                    + threshold.toMillis() + " ms), " + result.reason());
        }
        return result;
    }
}
