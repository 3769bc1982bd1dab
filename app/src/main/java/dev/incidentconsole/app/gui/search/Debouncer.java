package dev.incidentconsole.app.gui.search;

/**
 * Runs only the last of a burst of actions, once the burst is over: keystrokes become one search.
 * Implementations run the action on the UI thread; tests run it when they choose.
 */
@FunctionalInterface
public interface Debouncer {

    /** Replaces any action still waiting with {@code action}. */
    void schedule(Runnable action);
}
