package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.exec.CommandRunner;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What a {@link CommandRunViewModel} needs, shared by every run of the window.
 *
 * @param runner   starts the commands
 * @param tasks    runs slow work (starting over SSH) in the background, callbacks on the UI thread
 * @param ui       runs output batches on the UI thread ({@code Platform::runLater} in the app)
 * @param dialogs  asks before destructive commands and production targets
 * @param terminal opens interactive commands in the system terminal
 * @param known    values to pre-fill placeholders with
 * @param history  every run started, whoever started it (the Runs view lists it)
 */
public record RunServices(CommandRunner runner, TaskExecutor tasks, Executor ui, DialogService dialogs,
                          TerminalLauncher terminal, KnownValues known, RunHistory history) {

    /** With a history of its own (tests, tools that list no runs). */
    public RunServices(CommandRunner runner, TaskExecutor tasks, Executor ui, DialogService dialogs,
                       TerminalLauncher terminal, KnownValues known) {
        this(runner, tasks, ui, dialogs, terminal, known, new RunHistory(Clock.systemUTC()));
    }
}
