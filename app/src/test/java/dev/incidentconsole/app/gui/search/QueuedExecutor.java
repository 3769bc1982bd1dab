package dev.incidentconsole.app.gui.search;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds submitted work until the test runs it, in either order, so it can play out races. */
final class QueuedExecutor implements TaskExecutor {
    private final List<Runnable> queue = new ArrayList<>();
    private final DirectTaskExecutor direct = new DirectTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        queue.add(() -> direct.execute(work, onSuccess, onFailure));
    }

    int pending() {
        return queue.size();
    }

    void runAll() {
        List<Runnable> tasks = new ArrayList<>(queue);
        queue.clear();
        tasks.forEach(Runnable::run);
    }

    /** Runs the queued tasks newest first: the slow first search finishes last. */
    void runAllNewestFirst() {
        List<Runnable> tasks = new ArrayList<>(queue);
        queue.clear();
        Collections.reverse(tasks);
        tasks.forEach(Runnable::run);
    }

    @Override
    public void close() {
        queue.clear();
    }
}
