package dev.incidentconsole.app.gui.util;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on the FX thread cut into steps, each its own event, so that pulses (painting, input) run between them
 * instead of after all of them: the window's start shows its frame first and builds the features one by one.
 * Actions that need every step done ({@link #whenDone}) wait for the last one. Call everything on the FX thread.
 */
public final class FxSteps {
    private static final Logger LOG = LoggerFactory.getLogger(FxSteps.class);

    private final Executor fxThread;
    private final Deque<Consumer<Runnable>> steps = new ArrayDeque<>();
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean done;
    private boolean cancelled;

    /**
     * Runs {@code then} once, inside the next pulse, after {@code scene} is styled and laid out (so before that
     * pulse's frame is rendered; post work from it to follow the frame), and asks for that pulse. FX thread only.
     */
    public static void afterNextLayout(javafx.scene.Scene scene, Runnable then) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                then.run();
            }
        });
        javafx.application.Platform.requestNextPulse();
    }

    /** @param fxThread posts to the end of the FX thread's queue ({@code Platform::runLater}) */
    public FxSteps(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** Adds a step after those added before; a step may add more. */
    public FxSteps then(Runnable step) {
        steps.add(over -> {
            step.run();
            over.run();
        });
        return this;
    }

    /**
     * Adds a step that is over only when it calls the action it is given (once, on the FX thread; later calls do
     * nothing): the next step waits for something the step started, such as the first frame's pulse.
     */
    public FxSteps thenWhen(Consumer<Runnable> step) {
        steps.add(step);
        return this;
    }

    /** Runs the steps, one per FX event, in order. */
    public void start() {
        fxThread.execute(this::next);
    }

    /** Runs {@code action} now when every step has run, else right after the last one; never once cancelled. */
    public void whenDone(Runnable action) {
        if (cancelled) {
            return; // the window is closing: nothing is started on features already closed
        }
        if (done) {
            action.run();
        } else {
            waiting.add(action);
        }
    }

    /** Whether every step has run. */
    public boolean isDone() {
        return done;
    }

    /** Drops the steps not run yet and the actions waiting for them (the window is closing). */
    public void cancel() {
        cancelled = true;
        steps.clear();
        waiting.clear();
    }

    private void next() {
        if (cancelled) {
            return;
        }
        Consumer<Runnable> step = steps.poll();
        if (step == null) {
            done = true;
            List<Runnable> now = List.copyOf(waiting);
            waiting.clear();
            now.forEach(Runnable::run);
            return;
        }
        long started = System.nanoTime();
        boolean[] over = {false};
        Runnable next = () -> {
            if (!over[0]) {
                over[0] = true;
                fxThread.execute(this::next);
            }
        };
        try {
            step.accept(next);
            LOG.debug("Start-up step took {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The later steps and the waiting actions (the workspace's load, a link) still run: a window with one
            // feature missing says so in the log, where a start that stopped here would show skeletons forever.
            LOG.error("A start-up step failed; the window goes on without it", e);
            next.run();
        }
    }
}
