package dev.incidentconsole.health;

/**
 * A dependency a service reports in its health body, e.g. {@code "database": {"status": "ok"}}.
 *
 * @param name      the key in the body, e.g. {@code database}
 * @param status    the reported state mapped to UP, DEGRADED or DOWN
 * @param raw       the state as the service wrote it, e.g. {@code ok} or {@code unhealthy}
 * @param latencyMs the latency it reports ({@code latency_ms}, {@code latencyMs}, ...), or -1 when none
 * @param message   an error or message it reports, or empty
 */
public record Dependency(String name, Status status, String raw, long latencyMs, String message) {
}
