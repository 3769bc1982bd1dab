package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.Runner;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * One command of a step: its description above, the command in monospace with placeholders as chips and
 * the trailing comment dimmed, a runner tag, a DANGER badge (reason in the tooltip and spelled out below),
 * a Run button (fires a {@link RunCommandEvent}) and a copy button.
 */
final class CommandLine extends VBox {

    CommandLine(Command command, Consumer<String> copier) {
        getStyleClass().add("command-line");
        if (command.dangerous()) {
            getStyleClass().add("dangerous");
        }
        if (!command.description().isBlank()) {
            Label description = new Label(command.description());
            description.setWrapText(true);
            description.getStyleClass().add("command-description");
            getChildren().add(description);
        }
        Label prompt = new Label("$");
        prompt.getStyleClass().add("command-prompt");
        TextFlow text = commandText(command);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox tags = new HBox(6);
        tags.setAlignment(Pos.TOP_RIGHT);
        tags.setMinWidth(HBox.USE_PREF_SIZE);
        if (command.runner() != null && command.runner() != Runner.SHELL) {
            Label runner = new Label(command.runner().label());
            runner.getStyleClass().add("runner-tag");
            runner.setTooltip(new Tooltip("Runs with " + command.runner().label()));
            tags.getChildren().add(runner);
        }
        if (command.dangerous()) {
            Label danger = new Label("DANGER", Icons.of(Feather.ZAP));
            danger.getStyleClass().add("danger-badge");
            Tooltip why = new Tooltip(command.danger().reason());
            why.setShowDelay(Duration.millis(200));
            danger.setTooltip(why);
            tags.getChildren().add(danger);
        }
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "run-command-button");
        run.setTooltip(new Tooltip("Run this command: pick the target, fill in the values, see the output"));
        run.setOnAction(e -> run.fireEvent(new RunCommandEvent(command)));
        tags.getChildren().addAll(run, StepCard.copyButton(null, command.text(), copier, "Copy this command"));
        HBox row = new HBox(8, prompt, text, tags);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("command-row");
        getChildren().add(row);
        if (command.dangerous()) {
            Label reason = new Label("Destructive: " + command.danger().reason(), Icons.of(Feather.ALERT_OCTAGON));
            reason.setWrapText(true);
            reason.getStyleClass().add("danger-reason");
            getChildren().add(reason);
        }
    }

    /** The command with each placeholder as a chip; offsets that do not fit the text are ignored. */
    private static TextFlow commandText(Command command) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("command-text-flow");
        String text = command.text();
        List<Placeholder> placeholders = command.placeholders().stream()
                .sorted(Comparator.comparingInt(Placeholder::start)).toList();
        int at = 0;
        for (Placeholder p : placeholders) {
            if (p.start() < at || p.end() > text.length() || p.end() <= p.start()) {
                continue;
            }
            if (p.start() > at) {
                flow.getChildren().add(code(text.substring(at, p.start()), "command-text"));
            }
            flow.getChildren().add(chip(text.substring(p.start(), p.end()), p));
            at = p.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(code(text.substring(at), "command-text"));
        }
        if (!command.comment().isBlank()) {
            String comment = command.comment().startsWith("#") ? command.comment() : "# " + command.comment();
            flow.getChildren().add(code("  " + comment, "command-comment"));
        }
        return flow;
    }

    private static Node chip(String token, Placeholder p) {
        Label chip = new Label(token);
        chip.getStyleClass().add("placeholder-chip");
        chip.setTooltip(new Tooltip("Fill in " + p.name() + " before running"));
        return chip;
    }

    private static Text code(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        return t;
    }
}
