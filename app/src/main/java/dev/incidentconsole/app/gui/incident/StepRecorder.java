package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.cli.IncidentEntryText;
import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.export.OutputTrim;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records one step's runs on the incident timeline as they happen: the start (the command with its values
 * filled in and quoted, the values themselves, and the target), then the finish with exit code, duration and the output's last
 * lines, linked to its start. A finish waits for its start to be stored, so the timeline keeps their order.
 * UI thread only.
 */
final class StepRecorder implements CommandRunViewModel.RunListener {
    /** Output lines written to the timeline entry; the run's output file has all of them. */
    static final int RECORDED_LINES = 40;
    /** Of those, error lines from before the last ones: the real error often comes early, followed by noise. */
    static final int ERROR_LINES = 10;

    private final WalkStep step;
    private final String incidentId;
    private final TimelineViewModel timeline;
    private final Runnable onStart;
    private Attempt current;

    /** One run: filled in as its start is stored and it ends, in either order. */
    private static final class Attempt {
        final String command;
        final String target;
        /** The secret values the run's environment hands it: its output may print them bare. */
        final List<String> handed;
        UUID started;
        boolean ended;
        /** Stop came before it started: nothing ran, and that is the engineer's choice, not a failure. */
        boolean stoppedBeforeStart;
        RunResult result;
        String message;

        Attempt(String command, String target, List<String> handed) {
            this.command = command;
            this.target = target;
            this.handed = handed;
        }
    }

    /** @param onStart told when a run starts (the walkthrough remembers the values it ran with) */
    StepRecorder(WalkStep step, String incidentId, TimelineViewModel timeline, Runnable onStart) {
        this.step = step;
        this.incidentId = incidentId;
        this.timeline = timeline;
        this.onStart = onStart;
    }

    @Override
    public void started(PreparedCommand command, TargetInfo target) {
        Attempt attempt = new Attempt(command.masker().maskRunCommand(command.text()), target.name(), command.secrets());
        current = attempt;
        step.ran(attempt.command);
        step.stateProperty().set(WalkStep.State.RUNNING);
        step.statusProperty().set("Running on " + target.name() + "...");
        onStart.run();
        // The run view asked to confirm a destructive command, and any command on a production target.
        String confirmedBy = command.dangerous() || target.production() ? timeline.author() : null;
        EntryBody.StepStarted body = new EntryBody.StepStarted(attempt.command, attempt.target,
                command.dangerous() ? command.danger().reason() : null, confirmedBy, values());
        timeline.record(incidentId, body, step.ref(), receipt -> {
            attempt.started = receipt.entry().id();
            if (attempt.ended) {
                finish(attempt);
            }
        });
    }

    /**
     * The placeholder values the run starts with, in the step's order; a secret field's whole value masked here (the
     * store masks only what its rules see, and a value typed into a password field may look like any word).
     */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        step.placeholders().stream().filter(PlaceholderField::filled)
                .forEach(f -> values.put(f.name(), f.secret() ? SecretMasker.MASK : f.value()));
        return values;
    }

    @Override
    public void stoppedBeforeStart() {
        if (current != null) {
            current.stoppedBeforeStart = true;
        }
        ended(null);
    }

    @Override
    public void ended(RunResult result) {
        Attempt attempt = current;
        if (attempt == null) {
            return;
        }
        attempt.ended = true;
        attempt.result = result;
        attempt.message = step.run().messageProperty().get();
        step.stateProperty().set(result == null ? attempt.stoppedBeforeStart ? WalkStep.State.CANCELLED
                : WalkStep.State.FAILED : switch (result.status()) {
            case SUCCEEDED -> WalkStep.State.SUCCEEDED;
            case CANCELLED -> WalkStep.State.CANCELLED;
            default -> WalkStep.State.FAILED;
        });
        step.statusProperty().set(summary(attempt) + " \u00b7 recording...");
        if (attempt.started != null) {
            finish(attempt);
        }
    }

    @Override
    public void notRun(PreparedCommand command, TargetInfo target, String why) {
        step.statusProperty().set("Not run: " + why);
        timeline.record(incidentId, EntryBody.StepFinished.notRun(command.masker().maskRunCommand(command.text()), target.name(), why), step.ref(),
                receipt -> step.statusProperty().set("Not run: " + why + " (recorded)"));
    }

    @Override
    public void openedInTerminal(PreparedCommand command, TargetInfo target) {
        String shown = command.masker().maskRunCommand(command.text());
        step.ran(shown);
        timeline.record(incidentId, new EntryBody.Note(StepNotes.openedInTerminal(shown, target.name()), null),
                step.ref(), null);
    }

    private void finish(Attempt a) {
        timeline.record(incidentId, body(a), step.ref(), receipt -> {
            if (current == a) {
                step.statusProperty().set(summary(a));
            }
        });
    }

    private static RunOutcome outcome(RunStatus status) {
        return switch (status) {
            case CANCELLED -> RunOutcome.CANCELLED;
            case TIMED_OUT -> RunOutcome.TIMED_OUT;
            case SUCCEEDED, FAILED, ERROR -> RunOutcome.EXITED;
        };
    }

    private static EntryBody.StepFinished body(Attempt a) {
        RunResult r = a.result;
        if (a.stoppedBeforeStart) {
            return EntryBody.StepFinished.stoppedBeforeStart(a.command, a.target, a.started);
        }
        return r == null
                ? new EntryBody.StepFinished(a.command, a.target, null, 0, a.message, a.started)
                : EntryBody.StepFinished.ran(a.command, a.target, r.exitCode(), r.duration().toMillis(),
                        a.handed.isEmpty() ? tail(r) : SecretMasker.standard().withSecrets(a.handed).mask(tail(r)),
                        a.started, outcome(r.status()));
    }

    /** The step card's words for a run: the timeline's ("cancelled by alice after 4.9 s"), then the runner's message. */
    private String summary(Attempt a) {
        RunResult r = a.result;
        if (r == null) {
            return a.message.isBlank() ? "Could not start." : a.message;
        }
        return IncidentEntryText.ending(body(a), timeline.author())
                + (r.message().isEmpty() || r.status() == RunStatus.CANCELLED ? "" : " - " + r.message());
    }

    /**
     * The output's error lines (stderr, or lines that read as errors) and its last lines; the lines printed before
     * those still in memory count among the omitted ones.
     */
    static String tail(RunResult result) {
        List<OutputLine> out = result.tail();
        long before = Math.max(0, result.lineCount() - out.size());
        List<String> lines = out.stream().map(OutputLine::text).toList();
        return OutputTrim.excerptOfRun(lines, before, k -> out.get(k).isError()
                || OutputTrim.looksLikeError(lines.get(k)), ERROR_LINES, RECORDED_LINES - ERROR_LINES);
    }
}
