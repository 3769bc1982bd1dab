package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.Confirmation;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.OutputListener;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A runbook procedure as a guided walkthrough: its commands in order (diagnosis, then resolution, then
 * verification), each run on a target with live output, then marked done or skipped with a note. Every
 * start, finish and note is recorded on the incident's timeline as it happens.
 */
public final class WalkthroughViewModel {
    /** Output lines kept on screen per step; the full output stays in the run's file. */
    static final int SHOWN_LINES = 500;
    /** Output lines written to the timeline entry. */
    static final int RECORDED_LINES = 40;
    private static final List<SectionKind> ORDER = List.of(SectionKind.DIAGNOSIS, SectionKind.RESOLUTION,
            SectionKind.VERIFICATION);

    private final String incidentId;
    private final Runbook runbook;
    private final Section procedure;
    private final TimelineViewModel timeline;
    private final CommandRunner runner;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final DialogService dialogs;
    private final Target target;
    private final ObservableList<WalkStep> steps = FXCollections.observableArrayList();

    public WalkthroughViewModel(String incidentId, Runbook runbook, Section procedure, TimelineViewModel timeline, CommandRunner runner,
                                TaskExecutor executor, Executor uiThread, DialogService dialogs, Target target) {
        this.incidentId = incidentId;
        this.runbook = runbook;
        this.procedure = procedure;
        this.timeline = timeline;
        this.runner = runner;
        this.executor = executor;
        this.uiThread = uiThread;
        this.dialogs = dialogs;
        this.target = target;
        steps.setAll(stepsOf(runbook, procedure));
    }

    /** The commands under {@code root}: diagnosis, resolution and verification parts in that order, else all. */
    static List<WalkStep> stepsOf(Runbook runbook, Section root) {
        List<Section> tree = runbook.subtree(root);
        List<Section> parts = tree.stream().filter(s -> ORDER.contains(s.kind())).collect(Collectors.toCollection(ArrayList::new));
        if (parts.isEmpty()) {
            parts.addAll(tree);
        } else {
            parts.sort(Comparator.comparingInt((Section s) -> ORDER.indexOf(s.kind())).thenComparingInt(Section::index));
        }
        List<WalkStep> result = new ArrayList<>();
        String file = runbook.file().getFileName().toString();
        for (Section s : parts) {
            for (Command c : s.commands()) {
                result.add(new WalkStep(s.kind(), s, c, new StepRef(file, s.path(), c.line())));
            }
        }
        return result;
    }

    /**
     * Runs the step's command: asks first when it is destructive, records the start, streams the output
     * into {@link WalkStep#output()}, then records the finish with exit code, duration and output tail.
     */
    public void run(WalkStep step) {
        if (step.stateProperty().get() == WalkStep.State.RUNNING) {
            return;
        }
        RunRequest request = RunRequest.of(step.command(), target);
        executor.execute(() -> runner.prepare(request), prepared -> confirmAndStart(step, request, prepared),
                e -> step.statusProperty().set(e.getMessage()));
    }

    private void confirmAndStart(WalkStep step, RunRequest request, PreparedCommand prepared) {
        RunRequest toRun = request;
        if (prepared.dangerous()) {
            String why = prepared.danger() == null ? "" : prepared.danger().reason() + "\n\n";
            if (!dialogs.confirm("Run a destructive command?", why + prepared.text() + "\n\non " + target.name(), "Run it")) {
                step.statusProperty().set("Not run: you declined the confirmation.");
                return;
            }
            toRun = request.confirmedBy(Confirmation.of(prepared));
        }
        RunRequest confirmed = toRun;
        step.stateProperty().set(WalkStep.State.RUNNING);
        step.output().clear();
        step.statusProperty().set("Recording start...");
        timeline.record(incidentId, new EntryBody.StepStarted(prepared.text(), target.name()), step.ref(), receipt ->
                executor.execute(() -> runner.start(confirmed), handle -> watch(step, handle, receipt.entry().id()),
                        e -> {
                            step.stateProperty().set(WalkStep.State.FAILED);
                            step.statusProperty().set(e.getMessage());
                            timeline.record(incidentId, new EntryBody.StepFinished(prepared.text(), target.name(), null, 0,
                                    e.getMessage(), receipt.entry().id()), step.ref(), null);
                        }));
    }

    private void watch(WalkStep step, RunHandle handle, UUID startedEntry) {
        step.statusProperty().set("Running on " + target.name() + "...");
        handle.addListener(new OutputListener() {
            @Override
            public void onLine(OutputLine line) {
                uiThread.execute(() -> {
                    step.output().add(line.text());
                    if (step.output().size() > SHOWN_LINES) {
                        step.output().remove(0, step.output().size() - SHOWN_LINES);
                    }
                });
            }

            @Override
            public void onFinished(RunResult result) {
                uiThread.execute(() -> finished(step, result, startedEntry));
            }
        });
    }

    private void finished(WalkStep step, RunResult result, UUID startedEntry) {
        List<String> lines = result.tail().stream().map(OutputLine::text).toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - RECORDED_LINES), lines.size()));
        long millis = result.duration().toMillis();
        step.statusProperty().set("Recording result...");
        timeline.record(incidentId, new EntryBody.StepFinished(step.command().text(), target.name(), result.exitCode(), millis,
                tail, startedEntry), step.ref(), receipt -> {
                    step.stateProperty().set(result.succeeded() ? WalkStep.State.SUCCEEDED : WalkStep.State.FAILED);
                    step.statusProperty().set((result.exitCode() == null ? result.message() : "exit " + result.exitCode())
                            + " in " + millis + " ms" + (result.message().isEmpty() ? "" : " - " + result.message()));
                });
    }

    /** Marks the step done; a non-blank note is recorded with it. */
    public void done(WalkStep step, String note) {
        close(step, WalkStep.State.DONE, "Done", note);
    }

    /** Marks the step skipped; the note says why. */
    public void skip(WalkStep step, String note) {
        close(step, WalkStep.State.SKIPPED, "Skipped", note);
    }

    private void close(WalkStep step, WalkStep.State state, String verb, String note) {
        String text = verb + " `" + step.command().text() + "`" + (note == null || note.isBlank() ? "" : ": " + note.strip());
        timeline.record(incidentId, new EntryBody.Note(text, null), step.ref(), receipt -> {
            step.stateProperty().set(state);
            step.statusProperty().set(verb + " (recorded)");
        });
    }

    public ObservableList<WalkStep> steps() {
        return steps;
    }

    public String incidentId() {
        return incidentId;
    }

    public Runbook runbook() {
        return runbook;
    }

    public Section procedure() {
        return procedure;
    }

    public Target target() {
        return target;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }
}
