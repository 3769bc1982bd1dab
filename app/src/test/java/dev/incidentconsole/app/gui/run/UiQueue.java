package dev.incidentconsole.app.gui.run;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Stands in for the FX thread: work posted from any thread runs on the test thread, in order, when it waits. */
final class UiQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private int executed;

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Runs posted work until {@code done} holds; fails after {@code limit}. */
    void runUntil(BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("UI work did not finish within " + limit);
            }
            Runnable task = queue.poll(50, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
                executed++;
            }
        }
    }

    /** UI tasks run so far. */
    int executed() {
        return executed;
    }
}
