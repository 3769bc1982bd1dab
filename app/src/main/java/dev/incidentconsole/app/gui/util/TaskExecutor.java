package dev.incidentconsole.app.gui.util;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (file reads, parsing, network) away from the FX Application Thread and hands the result
 * back where the UI may touch it. View models get one injected, so tests can run everything on the
 * calling thread with {@link DirectTaskExecutor}. "Latest request wins" is {@link #latestWins()}.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread, unless the
     * returned handle is cancelled first.
     *
     * @param onSuccess receives the result (may be {@code null} when the work returns it)
     * @param onFailure receives whatever {@code work} threw
     */
    <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code action} once on the UI thread after {@code delay}, unless the returned handle is cancelled first. */
    TaskHandle schedule(Duration delay, Runnable action);

    /**
     * Runs {@code work} in the background after {@code initialDelay}, then again {@code delay} after each run
     * ended, until the returned handle is cancelled or the executor closed. Each run's result or failure goes to
     * the matching callback on the UI thread; a failed run does not stop the next.
     */
    <T> TaskHandle scheduleWithFixedDelay(Callable<T> work, Duration initialDelay, Duration delay,
                                          Consumer<? super T> onResult, Consumer<? super Exception> onFailure);

    /** A submitter for one kind of request whose answers are dropped once a newer request was made. */
    default LatestWins latestWins() {
        return new LatestWins(this);
    }

    /** Stops accepting work and abandons running tasks (their callbacks may no longer run). */
    @Override
    void close();
}
