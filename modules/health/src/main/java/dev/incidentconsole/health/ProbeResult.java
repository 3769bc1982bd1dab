package dev.incidentconsole.health;

import dev.incidentconsole.runbook.SecretMasker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one probe attempt found. Immutable; the {@code with...} methods return copies.
 *
 * <p>A probe returns UP, DEGRADED or DOWN (this attempt failed); the scheduler turns failed attempts
 * into a DOWN service only after the configured number of consecutive failures.
 *
 * @param status            UP, DEGRADED or DOWN
 * @param reason            one short phrase: "HTTP 200", "connection refused", "timeout after 1000 ms"...;
 *                          secrets in it are masked ({@link SecretMasker}), as in the values of {@code details}
 * @param latency           time the attempt took (to the answer, or to the failure)
 * @param checkedAt         when the attempt started
 * @param dependencies      sub-statuses the service reported in its health body; empty when none
 * @param details           extra facts for display: {@code version}, {@code http.status}, {@code output}...
 * @param alerts            firing alerts, for an Alertmanager probe; empty otherwise
 * @param certificateExpiry the TLS server certificate's expiry, for HTTPS; {@code null} otherwise
 * @param resolvedAlerts    alerts the source still lists with an {@code endsAt} in the past (resolved, with when);
 *                          empty otherwise
 * @param suppressedAlerts  alerts an Alertmanager lists as firing but silenced or inhibited (not in {@code alerts},
 *                          and not resolved); empty otherwise
 */
public record ProbeResult(Status status, String reason, Duration latency, Instant checkedAt,
                          List<Dependency> dependencies, Map<String, String> details,
                          List<FiringAlert> alerts, Instant certificateExpiry, List<FiringAlert> resolvedAlerts,
                          List<FiringAlert> suppressedAlerts) {
    public ProbeResult {
        Objects.requireNonNull(status, "status");
        // Reasons and details quote commands, URLs and output: masked here, every reader gets them masked.
        reason = reason == null ? "" : SecretMasker.standard().mask(reason);
        latency = latency == null ? Duration.ZERO : latency;
        checkedAt = checkedAt == null ? Instant.now() : checkedAt;
        dependencies = List.copyOf(dependencies);
        Map<String, String> masked = new LinkedHashMap<>();
        details.forEach((k, v) -> masked.put(k, SecretMasker.standard().mask(v)));
        details = java.util.Collections.unmodifiableMap(masked);
        alerts = List.copyOf(alerts);
        resolvedAlerts = resolvedAlerts == null ? List.of() : List.copyOf(resolvedAlerts);
        suppressedAlerts = suppressedAlerts == null ? List.of() : List.copyOf(suppressedAlerts);
    }

    /** A result without suppressed alerts. */
    public ProbeResult(Status status, String reason, Duration latency, Instant checkedAt,
                       List<Dependency> dependencies, Map<String, String> details,
                       List<FiringAlert> alerts, Instant certificateExpiry, List<FiringAlert> resolvedAlerts) {
        this(status, reason, latency, checkedAt, dependencies, details, alerts, certificateExpiry, resolvedAlerts,
                List.of());
    }

    public static ProbeResult of(Status status, String reason, Duration latency, Instant checkedAt) {
        return new ProbeResult(status, reason, latency, checkedAt, List.of(), Map.of(), List.of(), null, List.of());
    }

    public static ProbeResult up(String reason, Duration latency, Instant checkedAt) {
        return of(Status.UP, reason, latency, checkedAt);
    }

    public static ProbeResult down(String reason, Duration latency, Instant checkedAt) {
        return of(Status.DOWN, reason, latency, checkedAt);
    }

    /** The state before the first check. */
    public static ProbeResult unknown() {
        return of(Status.UNKNOWN, "not checked yet", Duration.ZERO, Instant.EPOCH);
    }

    public ProbeResult withStatus(Status newStatus, String newReason) {
        return new ProbeResult(newStatus, newReason, latency, checkedAt, dependencies, details, alerts,
                certificateExpiry, resolvedAlerts, suppressedAlerts);
    }

    public ProbeResult withDependencies(List<Dependency> deps) {
        return new ProbeResult(status, reason, latency, checkedAt, deps, details, alerts, certificateExpiry, resolvedAlerts,
                suppressedAlerts);
    }

    public ProbeResult withDetail(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(details);
        copy.put(key, value);
        return new ProbeResult(status, reason, latency, checkedAt, dependencies, copy, alerts, certificateExpiry, resolvedAlerts,
                suppressedAlerts);
    }

    public ProbeResult withAlerts(List<FiringAlert> firing) {
        return withAlerts(firing, List.of());
    }

    /** With the alerts firing and those the source lists as resolved (a past {@code endsAt}). */
    public ProbeResult withAlerts(List<FiringAlert> firing, List<FiringAlert> resolved) {
        return new ProbeResult(status, reason, latency, checkedAt, dependencies, details, firing,
                certificateExpiry, resolved, suppressedAlerts);
    }

    /** With the alerts an Alertmanager lists firing but silenced or inhibited. */
    public ProbeResult withSuppressedAlerts(List<FiringAlert> suppressed) {
        return new ProbeResult(status, reason, latency, checkedAt, dependencies, details, alerts, certificateExpiry,
                resolvedAlerts, suppressed);
    }

    public ProbeResult withCertificateExpiry(Instant expiry) {
        return new ProbeResult(status, reason, latency, checkedAt, dependencies, details, alerts, expiry, resolvedAlerts,
                suppressedAlerts);
    }

    @Override
    public String toString() {
        return status.label() + ": " + reason + " (" + latency.toMillis() + " ms)";
    }
}
