package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds submitted work until {@link #runAll()}, so a test can decide when background tasks finish. */
final class QueuedTaskExecutor implements TaskExecutor {
    private final List<Runnable> queue = new ArrayList<>();
    private final DirectTaskExecutor direct = new DirectTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        queue.add(() -> direct.execute(work, onSuccess, onFailure));
    }

    /** Runs the queued tasks in submission order. */
    void runAll() {
        List<Runnable> tasks = new ArrayList<>(queue);
        queue.clear();
        tasks.forEach(Runnable::run);
    }

    @Override
    public void close() {
        queue.clear();
    }
}
