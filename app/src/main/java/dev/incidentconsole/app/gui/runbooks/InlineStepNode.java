package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runner;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * A command written as inline code that the runbook reads as a step ({@code - Check pod events via
 * `kubectl describe pod $POD`.}), shown where it is written: the code as in the prose, marked as a step (red when
 * destructive), with a Run button right after it that fires a {@link RunCommandEvent} as a step card's does. The
 * prose keeps its words and the command is not repeated in a card below it.
 */
final class InlineStepNode {

    private InlineStepNode() {
    }

    /**
     * The nodes for {@code command} in a text flow: the code (a chip when {@code chip}, else wrapping monospace
     * text, which a long command needs) and its Run button.
     */
    static List<Node> of(String code, Command command, boolean chip) {
        List<Node> out = new ArrayList<>(2);
        Tooltip why = new Tooltip(explanation(command));
        why.setShowDelay(Duration.millis(200));
        if (chip) {
            Label label = new Label(code);
            label.getStyleClass().addAll("md-code", "md-inline-step");
            if (command.dangerous()) {
                label.getStyleClass().add("dangerous");
            }
            label.setTooltip(why);
            out.add(label);
        } else {
            Text text = new Text(code);
            text.getStyleClass().addAll("md-text", "md-code-text", "md-inline-step-text");
            Tooltip.install(text, why);
            out.add(text);
        }
        Button run = new Button(null, Icons.of(command.dangerous() ? Feather.ZAP : Feather.PLAY));
        run.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.BUTTON_ICON, "run-command-button", "inline-run");
        if (command.dangerous()) {
            run.getStyleClass().add(Styles.DANGER);
        }
        run.setTooltip(why);
        run.setOnAction(e -> run.fireEvent(new RunCommandEvent(command)));
        HBox box = new HBox(run);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("inline-run-box");
        out.add(box);
        return out;
    }

    /** What the Run button does and what to know first: the runner, the danger, a text that will not run. */
    static String explanation(Command command) {
        StringBuilder sb = new StringBuilder("Run this command: pick the target, fill in the values, see the output");
        if (command.runner() != null && command.runner() != Runner.SHELL) {
            sb.append("\nRuns with ").append(command.runner().label());
        }
        if (command.dangerous()) {
            sb.append("\nDestructive: ").append(command.danger().reason());
        }
        String undecoded = command.undecodedWarning();
        if (undecoded != null) {
            sb.append("\nWill not run: ").append(undecoded);
        }
        return sb.toString();
    }
}
