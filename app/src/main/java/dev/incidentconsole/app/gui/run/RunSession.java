package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.exec.Confirmation;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.incident.EntryBody;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of a panel's current run: whether it runs, its last lines, its output file and result. A new
 * run replaces the previous one; batches still arriving from an earlier run are dropped. UI thread only.
 */
final class RunSession {
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    final ReadOnlyObjectWrapper<Path> outputFile = new ReadOnlyObjectWrapper<>(this, "outputFile");
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
    final ObservableList<OutputLine> outputView = FXCollections.unmodifiableObservableList(output);
    static final String NOT_STARTED = "Not run: " + EntryBody.StepFinished.STOPPED_BEFORE_START + ".";
    private final int maxLines;
    private RunHandle handle;
    /**
     * Stop was pressed before the run's handle existed: the start task reads it on its worker so a run not yet
     * begun never begins (a confirmed destructive command must not run after Stop), and one that began meanwhile
     * is cancelled on arrival. One flag per run, so a later run is not stopped by an earlier Stop.
     */
    private AtomicBoolean stopPending = new AtomicBoolean();
    private long generation;

    RunSession(int maxLines) {
        this.maxLines = maxLines;
    }

    /**
     * Starts {@code prepared}, as it was shown, through {@code services}; {@code message} receives why it could
     * not start or how it ended abnormally, then {@code ended} the result ({@code null} when it could not start), or
     * {@code stoppedBeforeStart} runs when Stop came first (nothing ran).
     */
    void start(RunServices services, PreparedCommand prepared, Confirmation confirmation, Consumer<String> message,
               Consumer<RunResult> ended, Runnable stoppedBeforeStart) {
        long run = ++generation;
        output.clear();
        result.set(null);
        outputFile.set(null);
        running.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        stopPending = stop;
        OutputBatcher batcher = new OutputBatcher(services.ui(), maxLines, lines -> {
            if (run == generation) {
                append(lines);
            }
        }, done -> {
            if (run == generation) {
                handle = null;
                running.set(false);
                result.set(done);
                message.accept(done.message());
                ended.accept(done);
            }
        });
        // the runner asks again once connected to an SSH host: a Stop pressed while connecting keeps it from running
        services.tasks().execute(() -> services.runner().start(prepared, confirmation, stop::get), started -> {
            handle = started;
            outputFile.set(started.outputFile());
            started.addListener(batcher);
            if (stop.get() && run == generation) {
                started.cancel();
            }
        }, e -> {
            running.set(false);
            if (e instanceof ExecException x && x.reason() == ExecException.Reason.STOPPED) {
                message.accept(NOT_STARTED);
                stoppedBeforeStart.run();
                return;
            }
            message.accept(e instanceof ExecException ? e.getMessage() : "Could not start the command: " + e + ".");
            ended.accept(null);
        });
    }

    /** Stops the current run, or the one still starting as soon as it has started; false when none runs. */
    boolean cancel() {
        if (handle == null) {
            stopPending.set(running.get());
            return running.get();
        }
        handle.cancel();
        return true;
    }

    /** Shows {@code excerpt}, the stored output of an earlier run, as this session's lines; not while one runs. */
    void showRecorded(String excerpt, java.time.Instant at) {
        if (running.get()) {
            return;
        }
        output.clear();
        List<String> lines = excerpt.lines().toList();
        append(java.util.stream.IntStream.range(0, lines.size())
                .mapToObj(k -> new OutputLine(k + 1, OutputLine.Source.STDOUT, lines.get(k), at)).toList());
    }

    private void append(List<OutputLine> lines) {
        output.addAll(lines);
        if (output.size() > maxLines) {
            output.remove(0, output.size() - maxLines);
        }
    }
}
