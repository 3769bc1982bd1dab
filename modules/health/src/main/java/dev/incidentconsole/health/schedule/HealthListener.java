package dev.incidentconsole.health.schedule;

/**
 * Receives the scheduler's news. Called on a probe worker thread, never on the UI thread: hand work
 * over (e.g. {@code Platform.runLater}) and return quickly. Calls for one service come in order; an
 * exception thrown here is logged and ignored.
 */
public interface HealthListener {

    /** A service's status changed (including the first result after UNKNOWN). */
    void statusChanged(StatusChange change);

    /** A check finished, whether or not the status changed; for latency and history displays. */
    default void checked(ServiceStatus status) {
    }
}
