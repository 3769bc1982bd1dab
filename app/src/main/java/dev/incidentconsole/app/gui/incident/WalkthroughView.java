package dev.incidentconsole.app.gui.incident;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.runbook.Command;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A procedure's steps as cards: command, Run, live output, note, Done and Skip. */
final class WalkthroughView extends ScrollPane {

    WalkthroughView(WalkthroughViewModel model) {
        getStyleClass().add("walkthrough-view");
        setFitToWidth(true);
        Label caption = new Label("WALKTHROUGH");
        caption.getStyleClass().add("pane-caption");
        Label title = new Label(model.procedure().title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label where = new Label(model.runbook().file().getFileName() + " \u00b7 commands run on " + model.target().name(),
                Icons.of(Feather.FILE_TEXT));
        where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox page = new VBox(12, caption, title, where);
        page.getStyleClass().add("walkthrough-page");
        if (model.steps().isEmpty()) {
            Label none = new Label("This section has no commands to run; use the timeline to note what you do.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            page.getChildren().add(none);
        }
        for (int i = 0; i < model.steps().size(); i++) {
            page.getChildren().add(card(model, model.steps().get(i), i));
        }
        setContent(page);
    }

    private static Node card(WalkthroughViewModel model, WalkStep step, int index) {
        Command command = step.command();
        Label kind = new Label((index + 1) + ". " + capitalized(step.kind().label()) + " \u00b7 " + step.section().title(),
                Icons.of(Icons.forKind(step.kind())));
        kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        VBox card = new VBox(6, kind);
        if (!command.description().isBlank()) {
            Label description = new Label(command.description());
            description.setWrapText(true);
            description.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().add(description);
        }
        Label text = new Label(command.text());
        text.getStyleClass().add("walk-command");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        card.getChildren().add(text);
        if (command.dangerous()) {
            Label danger = new Label("Destructive: " + command.danger().reason(), Icons.of(Feather.ZAP));
            danger.setWrapText(true);
            danger.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
            card.getChildren().add(danger);
        }
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.setId("run-" + index);
        run.getStyleClass().add(command.dangerous() ? Styles.DANGER : Styles.ACCENT);
        run.disableProperty().bind(step.stateProperty().isEqualTo(WalkStep.State.RUNNING));
        run.setOnAction(e -> model.run(step));
        Label status = new Label();
        status.setId("status-" + index);
        status.textProperty().bind(step.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        Label state = new Label();
        state.textProperty().bind(step.stateProperty().asString());
        state.getStyleClass().addAll("fact-chip", "fact");
        HBox actions = new HBox(10, run, state, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(actions);

        TextArea output = new TextArea();
        output.setId("output-" + index);
        output.setEditable(false);
        output.setPrefRowCount(5);
        output.getStyleClass().add("walk-output");
        output.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", step.output()), step.output()));
        output.visibleProperty().bind(Bindings.isNotEmpty(step.output()));
        output.managedProperty().bind(output.visibleProperty());
        card.getChildren().add(output);

        TextField note = new TextField();
        note.setId("step-note-" + index);
        note.setPromptText("Note for this step (what you saw, why you skip it)");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button done = new Button("Done", Icons.of(Feather.CHECK));
        done.setId("done-" + index);
        done.getStyleClass().add(Styles.SUCCESS);
        done.setOnAction(e -> {
            model.done(step, note.getText());
            note.clear();
        });
        Button skip = new Button("Skip", Icons.of(Feather.SKIP_FORWARD));
        skip.setId("skip-" + index);
        skip.setOnAction(e -> {
            model.skip(step, note.getText());
            note.clear();
        });
        HBox close = new HBox(8, note, done, skip);
        close.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(close);
        card.getStyleClass().add("walk-step");
        step.stateProperty().addListener((obs, old, now) -> {
            card.getStyleClass().removeAll("walk-step-finished");
            if (step.finished()) {
                card.getStyleClass().add("walk-step-finished");
            }
        });
        return card;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
