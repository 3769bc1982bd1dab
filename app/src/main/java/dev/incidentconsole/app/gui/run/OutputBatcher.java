package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.OutputListener;
import dev.incidentconsole.exec.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands a run's lines to the UI thread in batches: a reader thread queues each line, and at most one drain is
 * pending on the UI executor at a time, so a command printing a million lines costs a few hundred UI updates,
 * not a million. A batch never holds more than {@code maxLines} (older ones are skipped: the file has them).
 * The end of the run is delivered after its last batch.
 */
final class OutputBatcher implements OutputListener {
    private final Executor ui;
    private final int maxLines;
    private final Consumer<List<OutputLine>> onBatch;
    private final Consumer<RunResult> onFinished;
    private final ConcurrentLinkedQueue<OutputLine> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param ui         runs UI work in order ({@code Platform::runLater} in the app)
     * @param onBatch    receives lines in order, on the UI thread
     * @param onFinished receives the result once, after the last batch, on the UI thread
     */
    OutputBatcher(Executor ui, int maxLines, Consumer<List<OutputLine>> onBatch, Consumer<RunResult> onFinished) {
        this.ui = ui;
        this.maxLines = maxLines;
        this.onBatch = onBatch;
        this.onFinished = onFinished;
    }

    @Override
    public void onLine(OutputLine line) {
        queue.add(line);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    @Override
    public void onFinished(RunResult result) {
        ui.execute(() -> {
            drain();
            onFinished.accept(result);
        });
    }

    private void drain() {
        scheduled.set(false);
        List<OutputLine> batch = new ArrayList<>();
        for (OutputLine line = queue.poll(); line != null; line = queue.poll()) {
            batch.add(line);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch.size() > maxLines ? batch.subList(batch.size() - maxLines, batch.size()) : batch);
        }
    }
}
