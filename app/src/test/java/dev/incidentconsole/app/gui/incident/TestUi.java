package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** Stands in for the FX thread: work posted from any thread runs on the test thread, in order, while it waits. */
final class TestUi implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Runs posted work until {@code done} holds; fails after {@code limit}. */
    void runUntil(BooleanSupplier done, Duration limit) throws InterruptedException {
        runUntil(done, limit, () -> { });
    }

    /** Like {@link #runUntil(BooleanSupplier, Duration)}, calling {@code eachRound} (a UI pump) between tasks. */
    void runUntil(BooleanSupplier done, Duration limit, Runnable eachRound) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("UI work did not finish within " + limit);
            }
            Runnable task = queue.poll(20, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
            eachRound.run();
        }
    }

    /** Runs posted work until every answer {@code executor} was asked for so far was handed over (one worker: in order). */
    void runUntilAnswered(TaskExecutor executor, Duration limit) throws InterruptedException {
        AtomicBoolean marker = new AtomicBoolean();
        executor.execute(() -> null, x -> marker.set(true), e -> marker.set(true));
        runUntil(marker::get, limit);
    }
}
