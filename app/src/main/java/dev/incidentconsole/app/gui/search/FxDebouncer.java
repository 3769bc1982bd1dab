package dev.incidentconsole.app.gui.search;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** A {@link Debouncer} on the FX clock: the action runs on the FX thread once no new one came for the delay. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(Duration delay) {
        pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    /** Drops the waiting action, if any (the window is closing). Call on the FX thread. */
    public void cancel() {
        pause.stop();
        pending = null;
    }

    /** Call on the FX thread. */
    @Override
    public void schedule(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
