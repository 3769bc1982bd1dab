package dev.incidentconsole.health;

/**
 * Checks one service once.
 *
 * <p>Contract: {@link #check} never throws for a service problem; it returns a DOWN result with the
 * reason. It honours {@link ProbeContext#remaining()} for every blocking call and registers an abort
 * action for anything that could block longer. Implementations are thread-safe; the scheduler never
 * runs two attempts of the same service at once, but may run different services' probes concurrently.
 */
@FunctionalInterface
public interface Probe {
    ProbeResult check(ProbeContext context);
}
