package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.Runner;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * What a command shows about itself besides its text, the same on a step card's {@link CommandLine} and on an
 * {@link InlineStepNode}: the runner tag, the DANGER badge, and the notes under it (why it is destructive, why it
 * will not run). The notes are visible text, not only tooltips, so keyboard and screen-reader users get them too.
 */
final class CommandBadges {

    static final String RUN_HELP = "Run this command: pick the target, fill in the values, see the output";

    private CommandBadges() {
    }

    /** The tag naming the program that runs it ("kubectl"), or null for a plain shell command. */
    static Label runner(Command command) {
        if (command.runner() == null || command.runner() == Runner.SHELL) {
            return null;
        }
        Label runner = new Label(command.runner().label());
        runner.getStyleClass().add("runner-tag");
        runner.setTooltip(new Tooltip("Runs with " + command.runner().label()));
        return runner;
    }

    /** The DANGER badge with its reason as tooltip and accessible text, or null when {@code danger} is null. */
    static Label danger(Danger danger) {
        if (danger == null) {
            return null;
        }
        Label badge = new Label("DANGER", Icons.of(Feather.ZAP));
        badge.getStyleClass().add("danger-badge");
        Tooltip why = new Tooltip(danger.reason());
        why.setShowDelay(Duration.millis(200));
        badge.setTooltip(why);
        badge.setAccessibleText("Destructive: " + danger.reason());
        return badge;
    }

    /** The reason of {@code danger} spelled out in a line under the command, after {@code lead} ("Destructive: "). */
    static Label reason(String lead, Danger danger) {
        Label reason = new Label(lead + danger.reason(), Icons.of(Feather.ALERT_OCTAGON));
        reason.setWrapText(true);
        reason.getStyleClass().add("danger-reason");
        return reason;
    }

    /** The notes shown under the command: why it is destructive, then why it will not run; empty when neither. */
    static List<Label> notes(Command command) {
        List<Label> out = new ArrayList<>(2);
        if (command.dangerous()) {
            out.add(reason("Destructive: ", command.danger()));
        }
        String undecoded = command.undecodedWarning();
        if (undecoded != null) {
            Label warning = new Label("Will not run: " + undecoded, Icons.of(Feather.ALERT_TRIANGLE, "icon-warning"));
            warning.setWrapText(true);
            warning.getStyleClass().add("step-warning");
            out.add(warning);
        }
        return out;
    }

    /** What the Run button does and what to know first, for its tooltip and accessible text. */
    static String runHelp(Command command) {
        StringBuilder sb = new StringBuilder(RUN_HELP);
        if (command.runner() != null && command.runner() != Runner.SHELL) {
            sb.append("\nRuns with ").append(command.runner().label());
        }
        if (command.dangerous()) {
            sb.append("\nDestructive: ").append(command.danger().reason());
        }
        if (command.undecodedWarning() != null) {
            sb.append("\nWill not run: ").append(command.undecodedWarning());
        }
        return sb.toString();
    }
}
