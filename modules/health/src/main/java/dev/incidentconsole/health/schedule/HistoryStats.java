package dev.incidentconsole.health.schedule;

import dev.incidentconsole.health.ProbeResult;
import java.time.Duration;
import java.util.List;

/**
 * Figures over a service's recent checks.
 *
 * @param samples       number of checks in the window
 * @param min           fastest answer; zero when nothing answered
 * @param avg           mean latency of the answers; zero when nothing answered
 * @param p95           95th percentile (nearest rank) of the answers' latency; zero when nothing answered
 * @param uptimePercent share of checks that got an answer (UP or DEGRADED), 0-100; NaN with no samples
 */
public record HistoryStats(int samples, Duration min, Duration avg, Duration p95, double uptimePercent) {

    public static HistoryStats of(List<ProbeResult> results) {
        if (results.isEmpty()) {
            return new HistoryStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Double.NaN);
        }
        long[] nanos = results.stream().filter(r -> r.status().answering())
                .mapToLong(r -> r.latency().toNanos()).sorted().toArray();
        double uptime = 100.0 * nanos.length / results.size();
        if (nanos.length == 0) {
            return new HistoryStats(results.size(), Duration.ZERO, Duration.ZERO, Duration.ZERO, uptime);
        }
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        int rank = (int) Math.ceil(0.95 * nanos.length) - 1;
        return new HistoryStats(results.size(), Duration.ofNanos(nanos[0]), Duration.ofNanos(sum / nanos.length),
                Duration.ofNanos(nanos[Math.max(0, rank)]), uptime);
    }
}
