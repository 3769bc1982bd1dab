package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.Danger;

/**
 * A destructive command was started without a {@link Confirmation} for exactly the text that would run.
 * {@link #danger()} says why it is destructive and {@link #command()} is the text after substitution,
 * so the caller can show both and ask the engineer.
 */
public final class CommandRefusedException extends ExecException {
    private final transient Danger danger;
    private final String command;

    public CommandRefusedException(Danger danger, String command) {
        super(Reason.NOT_CONFIRMED, "Refused to run a destructive command without confirmation: "
                + danger.reason() + " (rule " + danger.rule() + ").");
        this.danger = danger;
        this.command = command;
    }

    public Danger danger() {
        return danger;
    }

    public String command() {
        return command;
    }
}
