package dev.incidentconsole.app.gui.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and callbacks on the calling thread: for view-model tests, which need no screen. Scheduled tasks
 * wait on a clock of their own that only {@link #advance} moves, so tests decide when time passes.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    private final List<Timer> timers = new ArrayList<>();
    private long now;

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        runOnce(work, onSuccess, onFailure);
        return TaskHandle.DONE;
    }

    private static <T> void runOnce(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        return add(new Timer(now + delay.toNanos(), -1, action));
    }

    @Override
    public <T> TaskHandle scheduleWithFixedDelay(Callable<T> work, Duration initialDelay, Duration delay,
                                                 Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        return add(new Timer(now + initialDelay.toNanos(), Math.max(1, delay.toNanos()), () -> runOnce(work, onResult, onFailure)));
    }

    private Timer add(Timer timer) {
        timers.add(timer);
        return timer;
    }

    /** Moves this executor's clock on by {@code time}, running every scheduled task that falls due, in time order. */
    public void advance(Duration time) {
        long end = now + time.toNanos();
        while (true) {
            Timer next = timers.stream().filter(t -> t.due <= end).min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            if (next.period < 0) {
                timers.remove(next);
            } else {
                next.due = now + next.period;
            }
            next.action.run();
        }
        now = end;
    }

    @Override
    public void close() {
        timers.clear();
    }

    private final class Timer implements TaskHandle {
        private long due;
        private final long period;
        private final Runnable action;
        private boolean cancelled;

        Timer(long due, long period, Runnable action) {
            this.due = due;
            this.period = period;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
            timers.remove(this);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
