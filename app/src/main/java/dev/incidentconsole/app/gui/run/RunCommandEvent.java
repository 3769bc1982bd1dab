package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.runbook.Command;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * "Run this command", fired by a command's Run button and bubbling up to the scene, where the
 * {@link RunFeature} opens the run panel. Views that show commands need no reference to the runner.
 */
public final class RunCommandEvent extends Event {
    public static final EventType<RunCommandEvent> RUN = new EventType<>(Event.ANY, "RUN_COMMAND");

    private final transient Command command;

    public RunCommandEvent(Command command) {
        super(RUN);
        this.command = command;
    }

    public Command command() {
        return command;
    }
}
