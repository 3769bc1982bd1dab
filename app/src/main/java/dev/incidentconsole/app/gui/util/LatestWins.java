package dev.incidentconsole.app.gui.util;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * "Latest request wins" for one kind of request (a search, a folder load): each {@link #submit} supersedes the
 * ones before it, whose answers are then dropped however late they arrive. Older work is not interrupted, as it
 * may be writing a file that must stay whole; only its answer is lost. UI thread only.
 */
public final class LatestWins {
    private final TaskExecutor executor;
    private long latest;

    LatestWins(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} like {@link TaskExecutor#execute}; its callbacks run only if no newer request came meanwhile. */
    public <T> TaskHandle submit(Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Exception> onFailure) {
        return submit(work, onSuccess, onFailure, () -> { });
    }

    /**
     * As {@link #submit(Callable, Consumer, Consumer)}, then runs {@code settled} once this request's work is over,
     * answered or superseded: for what waits on the work having happened rather than on the latest answer.
     */
    public <T> TaskHandle submit(Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Exception> onFailure, Runnable settled) {
        long request = ++latest;
        return executor.execute(work, result -> {
            if (request == latest) {
                onSuccess.accept(result);
            }
            settled.run();
        }, e -> {
            if (request == latest) {
                onFailure.accept(e);
            }
            settled.run();
        });
    }

    /**
     * A request answered on the UI thread without background work (e.g. by a callback another part runs later):
     * supersedes the requests made so far, and returns {@code answer} wrapped so that it runs only while no newer
     * request was made. The wrapper may be run any number of times, each time checking again.
     */
    public Runnable whileLatest(Runnable answer) {
        BooleanSupplier latest = request();
        return () -> {
            if (latest.getAsBoolean()) {
                answer.run();
            }
        };
    }

    /**
     * A request answered on the UI thread without background work, maybe through several callbacks (an answer and a
     * failure): supersedes the requests made so far, and returns what tells whether this one is still the latest.
     */
    public BooleanSupplier request() {
        long request = ++latest;
        return () -> request == latest;
    }

    /** Drops the answers of every request made so far, e.g. when the request was answered without background work. */
    public void supersede() {
        latest++;
    }
}
