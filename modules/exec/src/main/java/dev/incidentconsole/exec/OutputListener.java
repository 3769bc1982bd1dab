package dev.incidentconsole.exec;

/**
 * Receives a run's output as it arrives. Called on a background reader thread, one line at a time in
 * {@link OutputLine#seq()} order (never concurrently for one run); keep it quick and hand GUI work to the
 * FX thread. An exception thrown here is logged and does not stop the run.
 */
@FunctionalInterface
public interface OutputListener {

    void onLine(OutputLine line);

    /** Called once when the run has ended, after its last line. */
    default void onFinished(RunResult result) {
    }
}
