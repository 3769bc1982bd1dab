package dev.incidentconsole.app.gui.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (file reads, parsing, network) away from the FX Application Thread and hands the result
 * back where the UI may touch it. View models get one injected, so tests can run everything on the
 * calling thread with {@link DirectTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread.
     *
     * @param onSuccess receives the result (may be {@code null} when the work returns it)
     * @param onFailure receives whatever {@code work} threw
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work and abandons running tasks (their callbacks may no longer run). */
    @Override
    void close();
}
