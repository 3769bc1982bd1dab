package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.incident.Times;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every command this window ran, newest first, wherever its Run was pressed: the Runs view's tabs (ad hoc) and the
 * walkthroughs' steps, so "what did I run in the last hour" has one answer. Commands are kept masked (they are shown,
 * never run from here). UI thread only.
 */
public final class RunHistory {
    /** The origin of a run started from the Runs view's own tabs. */
    public static final String AD_HOC = "Ad hoc";
    /** Runs kept; older ones stay in the data folder's {@code runs/} and on the incident timelines. */
    static final int MAX_RUNS = 500;

    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final Clock clock;

    public RunHistory(Clock clock) {
        this.clock = clock;
    }

    /** Newest first. */
    public ObservableList<Run> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    /**
     * Records that {@code command} started on {@code target}, from {@code origin} ({@link #AD_HOC}, or the walkthrough
     * step it belongs to), masked by its own masker (so the values typed into secret fields too); the returned run
     * takes its result.
     */
    Run started(PreparedCommand command, String target, String origin) {
        Run run = new Run(command.masker().maskRunCommand(command.text()), target, origin, clock.instant());
        runs.add(0, run);
        if (runs.size() > MAX_RUNS) {
            runs.remove(MAX_RUNS, runs.size());
        }
        return run;
    }

    /** One run: what, where, from where, when, and how it ended. */
    public static final class Run {
        private final String command;
        private final String target;
        private final String origin;
        private final Instant started;
        private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "running");

        Run(String command, String target, String origin, Instant started) {
            this.command = command;
            this.target = target;
            this.origin = origin;
            this.started = started;
        }

        /** The command as it ran, secrets masked. */
        public String command() {
            return command;
        }

        public String target() {
            return target;
        }

        /** {@link #AD_HOC}, or the walkthrough and step the run came from. */
        public String origin() {
            return origin;
        }

        public Instant started() {
            return started;
        }

        /** "running", then "exit N", or how it ended without one ("cancelled", "timed out"), or "not started". */
        public ReadOnlyStringProperty outcomeProperty() {
            return outcome.getReadOnlyProperty();
        }

        /** One line: start time (UTC), how it ended, target. */
        public String summary() {
            return Times.clock(started) + " \u00b7 " + outcome.get() + " \u00b7 " + target;
        }

        /** {@code result} is null when the run could not start. */
        void ended(RunResult result) {
            outcome.set(result == null ? "not started" : result.exitCode() != null ? "exit " + result.exitCode()
                    : result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }
}
