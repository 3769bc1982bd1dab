package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Step;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * A fenced code block as a card: for a shell step one {@link CommandLine} per command, each followed by the output
 * the runbook shows for it ({@link StepOutput}), for other languages (PromQL, SQL, YAML...) the text as written
 * under its language tag, with a danger badge and reason when it shows a destructive statement for a client, and a
 * warning under a command that will not run as written ({@link Command#undecodedWarning()}).
 */
final class StepCard extends VBox {

    StepCard(Step step, Consumer<String> copier) {
        getStyleClass().add("step-card");
        boolean commands = step.shell() && !step.commands().isEmpty();
        if (commands) {
            getStyleClass().add("shell-step");
        }
        String language = step.language().isEmpty() ? (step.shell() ? "shell" : "text") : step.language();
        Label tag = new Label(language.toUpperCase(Locale.ROOT), Icons.of(glyph(step)));
        tag.getStyleClass().add("step-language");
        Label line = new Label("line " + step.line());
        line.getStyleClass().add("step-line");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, tag, line, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("step-header");
        if (step.danger() != null) {
            header.getChildren().add(2, CommandBadges.danger(step.danger()));
        }
        if (!commands || step.commands().size() > 1) {
            String all = commands ? step.commands().stream().map(Command::text).collect(Collectors.joining("\n")) : step.text();
            header.getChildren().add(copyButton(commands ? "Copy all" : "Copy", all, copier,
                    commands ? "Copy every command of this step" : "Copy this block"));
        }
        getChildren().add(header);
        if (commands) {
            VBox list = new VBox(8);
            list.getStyleClass().add("step-commands");
            List<String> output = StepOutput.shown(step);
            addOutput(list, output.get(0));
            for (int k = 0; k < step.commands().size(); k++) {
                list.getChildren().add(new CommandLine(step.commands().get(k), copier));
                addOutput(list, output.get(k + 1));
            }
            getChildren().add(list);
        } else {
            getChildren().add(code(step.text(), "code-body"));
        }
        if (step.danger() != null) {
            // text typed into a client (FLUSHALL, DROP TABLE) has no Run button, but its harm is still shown
            getChildren().add(CommandBadges.reason("Destructive if sent: ", step.danger()));
        }
    }

    /** What the runbook shows a command printed, dimmed under it (masked by {@link StepOutput#shown}). */
    private static void addOutput(VBox list, String output) {
        if (!output.isEmpty()) {
            list.getChildren().add(code(output, "command-output"));
        }
    }

    private static TextFlow code(String content, String style) {
        Text text = new Text(content.stripTrailing());
        text.getStyleClass().add("code-text");
        TextFlow code = new TextFlow(text);
        code.getStyleClass().add(style);
        return code;
    }

    /** A small button that copies {@code text} and briefly confirms with a tick. */
    static Button copyButton(String caption, String text, Consumer<String> copier, String tooltip) {
        Button button = new Button(caption, Icons.of(Feather.COPY));
        button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "copy-button");
        if (caption == null) {
            button.getStyleClass().add(Styles.BUTTON_ICON);
        }
        button.setTooltip(new Tooltip(tooltip));
        PauseTransition reset = new PauseTransition(Duration.seconds(1.2));
        reset.setOnFinished(e -> button.setGraphic(Icons.of(Feather.COPY)));
        button.setOnAction(e -> {
            copier.accept(text);
            button.setGraphic(Icons.of(Feather.CHECK, "icon-success"));
            reset.playFromStart();
        });
        return button;
    }

    private static Feather glyph(Step step) {
        if (step.shell()) {
            return Feather.TERMINAL;
        }
        return switch (step.language()) {
            case "sql", "psql", "pgsql", "postgresql" -> Feather.DATABASE;
            case "promql" -> Feather.ACTIVITY;
            case "yaml", "yml", "json", "toml", "ini" -> Feather.FILE_TEXT;
            default -> Feather.CODE;
        };
    }
}
