package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;

/**
 * One command of a step: its description above, the command in monospace with placeholders as chips and
 * the trailing comment dimmed, a runner tag, a DANGER badge (reason in the tooltip and spelled out below, as is
 * why it will not run: {@link CommandBadges}), a Run button (fires a {@link RunCommandEvent}) and a copy button.
 */
final class CommandLine extends VBox {
    private final Command command;
    private final TextFlow text = new TextFlow();
    /** The command as shown: secrets masked until clicked; the copy button copies the real text. */
    private MaskedText shown;

    CommandLine(Command command, Consumer<String> copier) {
        this.command = command;
        this.shown = MaskedText.ofCommand(command.text());
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
        text.getStyleClass().add("command-text-flow");
        render();
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox tags = new HBox(6);
        tags.setAlignment(Pos.TOP_RIGHT);
        tags.setMinWidth(HBox.USE_PREF_SIZE);
        Label runner = CommandBadges.runner(command);
        if (runner != null) {
            tags.getChildren().add(runner);
        }
        Label danger = CommandBadges.danger(command.danger());
        if (danger != null) {
            tags.getChildren().add(danger);
        }
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "run-command-button");
        run.setTooltip(new Tooltip(CommandBadges.RUN_HELP));
        run.setOnAction(e -> run.fireEvent(new RunCommandEvent(command)));
        tags.getChildren().addAll(run, StepCard.copyButton(null, command.text(), copier, "Copy this command"));
        HBox row = new HBox(8, prompt, text, tags);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("command-row");
        getChildren().add(row);
        getChildren().addAll(CommandBadges.notes(command));
    }

    /** The command with each placeholder as a chip and each secret masked; offsets that do not fit the text are ignored. */
    private void render() {
        text.getChildren().clear();
        String real = command.text();
        List<Placeholder> placeholders = command.placeholders().stream()
                .sorted(Comparator.comparingInt(Placeholder::start)).toList();
        int at = 0;
        for (Placeholder p : placeholders) {
            if (p.start() < at || p.end() > real.length() || p.end() <= p.start()) {
                continue;
            }
            code(at, p.start());
            text.getChildren().add(chip(real.substring(p.start(), p.end()), p));
            at = p.end();
        }
        code(at, real.length());
        if (!command.comment().isBlank()) {
            String comment = command.comment().startsWith("#") ? command.comment() : "# " + command.comment();
            text.getChildren().add(code("  " + comment, "command-comment"));
        }
    }

    /** The command text in {@code [from, to)}, a masked secret as a {@code ****} that reveals it when clicked. */
    private void code(int from, int to) {
        int at = from;
        List<SecretMasker.Span> secrets = shown.secrets();
        for (int k = 0; k < secrets.size() && at < to; k++) {
            SecretMasker.Span s = secrets.get(k);
            if (s.end() <= at || s.start() >= to || !shown.hidden(k)) {
                continue;
            }
            if (s.start() > at) {
                text.getChildren().add(code(command.text().substring(at, s.start()), "command-text"));
            }
            int secret = k;
            Text masked = code(SecretMasker.MASK, "command-text");
            masked.getStyleClass().add("masked-secret");
            masked.setCursor(Cursor.HAND);
            Tooltip.install(masked, new Tooltip("Hidden secret: click to show it (Copy copies the real command)"));
            masked.setOnMouseClicked(e -> {
                shown = shown.reveal(secret);
                render();
            });
            text.getChildren().add(masked);
            at = Math.min(to, s.end());
        }
        if (at < to) {
            text.getChildren().add(code(command.text().substring(at, to), "command-text"));
        }
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
