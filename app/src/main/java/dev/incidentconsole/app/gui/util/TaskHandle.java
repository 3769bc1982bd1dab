package dev.incidentconsole.app.gui.util;

/** A task handed to a {@link TaskExecutor}: one run, a delayed action or a repeating one. */
public interface TaskHandle {

    /** A handle for work that has nothing left to cancel. */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
            // Nothing runs.
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Stops the task: work not yet started never starts, running work is interrupted, a repeating task does not
     * run again, and no callback of the task runs once this returns when it is called on the UI thread (from
     * another thread, a callback already running may still finish). Calling it again does nothing.
     */
    void cancel();

    /** Whether {@link #cancel()} was called. */
    boolean isCancelled();
}
