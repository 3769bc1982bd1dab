package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.runbook.Command;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
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
 * `kubectl describe pod $POD`.}), shown where it is written: the code as in the prose with its secrets masked
 * (a click shows them), marked as a step (red when destructive, with a DANGER badge), with a Run button right after
 * it that fires a {@link RunCommandEvent} as a step card's does. The prose keeps its words and the command is not
 * repeated in a card below it; why it is destructive or will not run is spelled out under the text
 * ({@link CommandBadges#notes}), as on a card.
 */
final class InlineStepNode {

    private InlineStepNode() {
    }

    /**
     * The nodes for {@code command} in a text flow: the code (a chip when {@code chip}, else wrapping monospace
     * text, which a long command needs), its DANGER badge when destructive, and its Run button.
     */
    static List<Node> of(String code, Command command, boolean chip) {
        List<Node> out = new ArrayList<>(3);
        Tooltip why = new Tooltip(CommandBadges.runHelp(command));
        why.setShowDelay(Duration.millis(200));
        MaskedText masked = MaskedText.ofCommand(code);
        if (chip) {
            Label label = new Label(masked.shown());
            label.getStyleClass().addAll("md-code", "md-inline-step");
            label.setTooltip(why);
            revealOnClick(label, masked, () -> label.setText(masked.real()));
            out.add(label);
        } else {
            Text text = new Text(masked.shown());
            text.getStyleClass().addAll("md-text", "md-code-text", "md-inline-step-text");
            Tooltip.install(text, why);
            revealOnClick(text, masked, () -> text.setText(masked.real()));
            out.add(text);
        }
        if (command.dangerous()) {
            out.get(0).getStyleClass().add("dangerous");
        }
        Label danger = CommandBadges.danger(command.danger());
        if (danger != null) {
            danger.getStyleClass().add("inline-danger-badge");
            out.add(danger);
        }
        Button run = new Button(null, Icons.of(command.dangerous() ? Feather.ZAP : Feather.PLAY));
        run.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.BUTTON_ICON, "run-command-button", "inline-run");
        if (command.dangerous()) {
            run.getStyleClass().add(Styles.DANGER);
        }
        run.setTooltip(why);
        run.setAccessibleText((command.dangerous() ? "Run destructive command " : "Run command ") + masked.shown());
        run.setAccessibleHelp(CommandBadges.runHelp(command));
        run.setOnAction(e -> run.fireEvent(new RunCommandEvent(command)));
        HBox box = new HBox(run);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("inline-run-box");
        out.add(box);
        return out;
    }

    /** A masked secret is shown when the code is clicked; the Run button always runs the real command. */
    private static void revealOnClick(Node node, MaskedText masked, Runnable reveal) {
        if (masked.hasSecrets()) {
            node.getStyleClass().add("masked-secret");
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> {
                reveal.run();
                node.getStyleClass().remove("masked-secret");
            });
        }
    }
}
