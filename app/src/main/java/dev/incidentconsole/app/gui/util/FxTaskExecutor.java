package dev.incidentconsole.app.gui.util;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's background pool: work runs on daemon threads, callbacks on the FX Application Thread via
 * {@link Platform#runLater}. Closed when the app stops, so no task outlives the window.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ScheduledThreadPoolExecutor pool;
    private final Executor uiThread;

    public FxTaskExecutor(int threads) {
        this(threads, Platform::runLater);
    }

    /** {@code uiThread} stands for the FX Application Thread (tests use a thread of their own). */
    FxTaskExecutor(int threads, Executor uiThread) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ui-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ScheduledThreadPoolExecutor(threads, factory);
        pool.setRemoveOnCancelPolicy(true);
        // Work asked for after close() (a view model answering a last result while the window stops) is dropped:
        // the app is going away, and an exception thrown into an FX callback would only end up in the log.
        pool.setRejectedExecutionHandler((task, closed) -> {
            if (task instanceof Future<?> f) {
                f.cancel(false);
            }
            LOG.debug("Background work asked for after the window closed; dropped");
        });
        this.uiThread = uiThread;
    }

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        Handle handle = new Handle();
        handle.future = pool.submit(() -> runOnce(handle, work, onSuccess, onFailure));
        return handle;
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        Handle handle = new Handle();
        handle.future = pool.schedule(() -> handle.onUi(action), delay.toNanos(), TimeUnit.NANOSECONDS);
        return handle;
    }

    @Override
    public <T> TaskHandle scheduleWithFixedDelay(Callable<T> work, Duration initialDelay, Duration delay,
                                                 Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        Handle handle = new Handle();
        handle.future = pool.scheduleWithFixedDelay(() -> runOnce(handle, work, onResult, onFailure),
                initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS);
        return handle;
    }

    private <T> void runOnce(Handle handle, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Exception> onFailure) {
        try {
            T result = work.call();
            handle.onUi(() -> onSuccess.accept(result));
        } catch (Exception e) {
            if (!handle.cancelled) {
                LOG.debug("Background task failed", e);
            }
            handle.onUi(() -> onFailure.accept(e));
        } catch (LinkageError | StackOverflowError e) {
            // Still tell the view model, or its "loading" state would never end.
            LOG.error("Background task failed", e);
            handle.onUi(() -> onFailure.accept(new ExecutionException(e)));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private final class Handle implements TaskHandle {
        private volatile boolean cancelled;
        private volatile Future<?> future;

        /** Hands {@code callback} to the UI thread, where it runs only if the task is still wanted then. */
        void onUi(Runnable callback) {
            if (!cancelled) {
                uiThread.execute(() -> {
                    if (!cancelled) {
                        callback.run();
                    }
                });
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
