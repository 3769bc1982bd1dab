package dev.incidentconsole.health.schedule;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import java.time.Instant;

/**
 * A service moved from one status to another; what the incident timeline records.
 *
 * @param service the service name
 * @param from    the previous status ({@link Status#UNKNOWN} before the first check)
 * @param to      the new status
 * @param reason  why, e.g. {@code connection refused (3 failures in a row)}
 * @param at      when the deciding check finished
 * @param result  the deciding probe result
 */
public record StatusChange(String service, Status from, Status to, String reason, Instant at, ProbeResult result) {
    @Override
    public String toString() {
        return service + ": " + from.label() + " -> " + to.label() + " (" + reason + ")";
    }
}
