package dev.incidentconsole.health.schedule;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one watched service. Immutable.
 *
 * @param spec                what is watched
 * @param status              what the dashboard shows
 * @param reason              why, always filled: {@code HTTP 200}, {@code connection refused (failure 1 of 3)}...
 * @param since               when the status last changed; {@code null} while UNKNOWN
 * @param last                the latest probe result ({@link ProbeResult#unknown()} before the first check)
 * @param consecutiveFailures failed attempts in a row; DOWN once it reaches {@link ServiceSpec#retries()}
 * @param history             the latest results, oldest first
 * @param stats               latency and uptime over {@code history}
 */
public record ServiceStatus(ServiceSpec spec, Status status, String reason, Instant since, ProbeResult last,
                            int consecutiveFailures, List<ProbeResult> history, HistoryStats stats) {
    public ServiceStatus {
        history = List.copyOf(history);
    }

    public String name() {
        return spec.name();
    }
}
