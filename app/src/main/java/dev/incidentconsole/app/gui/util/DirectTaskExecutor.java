package dev.incidentconsole.app.gui.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks on the calling thread: for view-model tests, which need no screen. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
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
    public void close() {
        // Nothing runs in the background.
    }
}
