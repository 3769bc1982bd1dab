package dev.incidentconsole.app.gui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ui-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                LOG.debug("Background task failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            } catch (LinkageError | StackOverflowError e) {
                // Still tell the view model, or its "loading" state would never end.
                LOG.error("Background task failed", e);
                Platform.runLater(() -> onFailure.accept(new ExecutionException(e)));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
