package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.shell.ShellCommand;
import java.time.Duration;

/**
 * A request after substitution and checks, ready to show the engineer before it runs.
 *
 * @param text          the command with every placeholder filled in and quoted
 * @param parsed        {@code text} read as a shell command, once, for every later look at its words
 * @param runText       what the target actually runs, e.g. wrapped in {@code kubectl exec ... -- sh -c '...'}
 * @param target        where it runs
 * @param danger        why it is destructive (checked after substitution), or {@code null}
 * @param interactivity whether it needs a terminal or never ends
 * @param timeout       the effective timeout, or {@code null} for none
 */
public record PreparedCommand(String text, ShellCommand parsed, String runText, Target target, Danger danger,
                              Interactivity interactivity, Duration timeout) {

    public boolean dangerous() {
        return danger != null;
    }
}
