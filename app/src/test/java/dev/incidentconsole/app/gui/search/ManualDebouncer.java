package dev.incidentconsole.app.gui.search;

/** A debouncer whose quiet period ends when the test says so. */
final class ManualDebouncer implements Debouncer {
    private Runnable pending;
    private int scheduled;

    @Override
    public void schedule(Runnable action) {
        pending = action;
        scheduled++;
    }

    /** The typing paused: runs the last scheduled action, if any. */
    void settle() {
        Runnable action = pending;
        pending = null;
        if (action != null) {
            action.run();
        }
    }

    int scheduled() {
        return scheduled;
    }
}
