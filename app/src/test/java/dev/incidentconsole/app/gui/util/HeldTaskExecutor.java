package dev.incidentconsole.app.gui.util;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds background work until the test lets it finish, in the order the test chooses, so it can play out
 * races: a slow first search, a worker that started later finishing first. Scheduled tasks wait for
 * {@link #advance}, as on {@link DirectTaskExecutor}.
 */
public final class HeldTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> held = new ArrayDeque<>();
    private final boolean workAtOnce;
    private final DirectTaskExecutor direct = new DirectTaskExecutor();

    private HeldTaskExecutor(boolean workAtOnce) {
        this.workAtOnce = workAtOnce;
    }

    /** Holds the work itself: it runs, and answers, when the test says. */
    public HeldTaskExecutor() {
        this(false);
    }

    /** Runs the work at once, as a background thread would, but holds each answer until the test delivers it. */
    public static HeldTaskExecutor answersLater() {
        return new HeldTaskExecutor(true);
    }

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        Held handle = new Held();
        if (!workAtOnce) {
            held.add(() -> {
                if (!handle.cancelled) {
                    direct.execute(work, onSuccess, onFailure);
                }
            });
            return handle;
        }
        try {
            T result = work.call();
            held.add(() -> handle.unlessCancelled(() -> onSuccess.accept(result)));
        } catch (Exception e) {
            held.add(() -> handle.unlessCancelled(() -> onFailure.accept(e)));
        }
        return handle;
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        return direct.schedule(delay, action);
    }

    @Override
    public <T> TaskHandle scheduleWithFixedDelay(Callable<T> work, Duration initialDelay, Duration delay,
                                                 Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        return direct.scheduleWithFixedDelay(work, initialDelay, delay, onResult, onFailure);
    }

    /** Moves the clock of scheduled tasks on (see {@link DirectTaskExecutor#advance}). */
    public void advance(Duration time) {
        direct.advance(time);
    }

    public int pending() {
        return held.size();
    }

    /** Lets the oldest held piece finish (what it submits meanwhile stays held). */
    public void runNext() {
        held.pollFirst().run();
    }

    /** Lets everything held finish in the order it was submitted, and what it submits meanwhile. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.pollFirst().run();
        }
    }

    /** Lets everything held finish newest first (work submitted meanwhile is the newest). */
    public void runAllNewestFirst() {
        while (!held.isEmpty()) {
            held.pollLast().run();
        }
    }

    @Override
    public void close() {
        held.clear();
        direct.close();
    }

    private static final class Held implements TaskHandle {
        private boolean cancelled;

        void unlessCancelled(Runnable callback) {
            if (!cancelled) {
                callback.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
