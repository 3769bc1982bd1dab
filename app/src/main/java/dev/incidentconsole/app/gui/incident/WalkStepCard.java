package dev.incidentconsole.app.gui.incident;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.gui.run.PlaceholderInput;
import dev.incidentconsole.app.gui.run.RunCells;
import dev.incidentconsole.app.gui.util.Focus;
import dev.incidentconsole.app.gui.util.MaskedTextFlow;
import dev.incidentconsole.app.targets.TargetInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import java.util.ArrayList;
import java.util.List;
import org.kordamp.ikonli.feather.Feather;

/**
 * One step of a walkthrough: what it is for, the command as it will run, its target (production shown
 * plainly), placeholder fields, Run / Cancel, live output (select text to bind it to a placeholder),
 * "wait until UP" on verification steps, then a note with Done and Skip.
 */
final class WalkStepCard extends VBox {
    /** Output lines shown per step; the run's output file has all of them. */
    static final int SHOWN_LINES = 500;

    private final WalkthroughViewModel walk;
    private final WalkStep step;
    private final CommandRunViewModel run;
    private final int index;
    /** Called once Done or Skip closed the step: the walkthrough moves the focus to the next open one. */
    private final Runnable closed;
    private final List<TextField> requiredInputs = new ArrayList<>();
    private Button start;
    private final TextField note = new TextField();

    WalkStepCard(WalkthroughViewModel walk, WalkStep step, int index, Runnable closed) {
        super(6);
        this.walk = walk;
        this.step = step;
        this.run = step.run();
        this.index = index;
        this.closed = closed;
        getStyleClass().add("walk-step");
        String title = step.section().title().replaceAll("[:\\s]+$", "");
        Label kind = new Label((index + 1) + ". " + capitalized(step.kind().label())
                + (title.equalsIgnoreCase(step.kind().label()) ? "" : " \u00b7 " + title), Icons.of(Icons.forKind(step.kind())));
        kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        getChildren().add(kind);
        if (!step.command().description().isBlank()) {
            getChildren().add(muted(new Label(step.command().description())));
        }
        TextFlow text = new TextFlow();
        text.setId("command-" + index);
        text.getStyleClass().addAll("walk-command", "run-preview");
        MaskedTextFlow.fill(text, run.shownCommandProperty().get(), "run-preview-text", run::revealInCommand);
        run.shownCommandProperty().addListener((obs, old, now) ->
                MaskedTextFlow.fill(text, now, "run-preview-text", run::revealInCommand));
        text.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(text);
        Label danger = new Label("", Icons.of(Feather.ZAP));
        danger.textProperty().bind(run.preparedProperty().map(p -> p.dangerous() ? "Destructive: " + p.danger().reason()
                + " You will be asked to confirm." : "").orElse(""));
        danger.setWrapText(true);
        danger.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        shownWhen(danger, danger.textProperty().isNotEmpty());
        getChildren().addAll(danger, targetRow());
        if (!run.placeholders().isEmpty()) {
            getChildren().add(placeholders());
        }
        getChildren().addAll(actions(), output());
        if (step.serviceWait() != null) {
            getChildren().add(WalkthroughView.waitRow(walk, step, step.serviceWait(), "wait-" + index));
        }
        getChildren().add(closing());
        // A finished run hands the keyboard on to its note (Enter: done) when it was on this card (Run, Cancel).
        run.runningProperty().addListener((obs, was, now) -> {
            Node owner = getScene() == null ? null : getScene().getFocusOwner();
            if (!now && getScene() != null && (owner == null || Focus.inside(owner, this))) {
                note.requestFocus();
            }
        });
        step.stateProperty().addListener((obs, old, now) -> {
            getStyleClass().remove("walk-step-finished");
            if (step.finished()) {
                getStyleClass().add("walk-step-finished");
            }
        });
    }

    private Node targetRow() {
        ComboBox<TargetInfo> picker = new ComboBox<>(run.targets());
        picker.setId("target-" + index);
        picker.getStyleClass().add("target-picker");
        picker.setCellFactory(list -> new RunCells.TargetCell(true));
        picker.setButtonCell(new RunCells.TargetCell(false));
        picker.setValue(run.targetProperty().get());
        run.targetProperty().addListener((obs, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(run.targetProperty().get()) && !run.chooseTarget(now)) {
                picker.setValue(run.targetProperty().get()); // declined: back to the target in use
            }
        });
        picker.disableProperty().bind(run.runningProperty());
        Label production = new Label("PRODUCTION", Icons.of(Feather.ALERT_TRIANGLE));
        production.getStyleClass().add("production-badge");
        shownWhen(production, Bindings.createBooleanBinding(() -> run.targetProperty().get() != null
                && run.targetProperty().get().production(), run.targetProperty()));
        Label where = new Label();
        where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        where.textProperty().bind(run.targetProperty().map(t -> t.where() + " \u00b7 " + t.source()).orElse(""));
        Label label = new Label("Target");
        label.setMinWidth(Region.USE_PREF_SIZE);
        where.setMinWidth(0); // the place may be cut, never the label or the picker
        HBox row = new HBox(8, label, picker, production, where);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node placeholders() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("placeholder-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (PlaceholderField field : run.placeholders()) {
            Label token = new Label(field.token());
            token.getStyleClass().add("placeholder-chip");
            TextField input = PlaceholderInput.of(field);
            input.setId("value-" + index + "-" + field.name());
            input.setPromptText(field.required() ? "required" : "optional: empty leaves " + field.token() + " to the shell");
            input.disableProperty().bind(run.runningProperty());
            // Enter in a value runs the step once it is ready, as the Run button would.
            input.setOnAction(e -> {
                if (!start.isDisabled()) {
                    walk.run(step);
                }
            });
            if (field.required()) {
                requiredInputs.add(input);
            }
            GridPane.setHgrow(input, Priority.ALWAYS);
            grid.addRow(row++, token, input);
        }
        return grid;
    }

    /**
     * Gives the keyboard to this step: a step that has run (here or, resumed, as the timeline says) to its note, where
     * a finished run leaves it (Enter: done), not to Run again; else its first required value still empty, else its
     * Run button (Space runs it), else the note field, so a walkthrough is worked without the mouse.
     */
    void takeFocus() {
        Node target = step.stateProperty().get() != WalkStep.State.TODO ? note
                : Focus.firstEmpty(requiredInputs).<Node>map(f -> f).orElse(start.isDisabled() ? note : start);
        target.requestFocus();
    }

    boolean open() {
        return !step.finished();
    }

    private Node actions() {
        start = new Button("Run", Icons.of(Feather.PLAY));
        start.setId("run-" + index);
        start.getStyleClass().add(step.command().dangerous() ? Styles.DANGER : Styles.ACCENT);
        start.disableProperty().bind(run.canRunProperty().not().or(walk.runBlockedProperty().isNotEmpty()));
        start.setOnAction(e -> walk.run(step));
        Tooltip missing = new Tooltip();
        missing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !walk.runBlockedProperty().get()
                .isEmpty() ? walk.runBlockedProperty().get() : step.missingProperty().get().isEmpty()
                ? "Run on the chosen target" : "Fill in " + step.missingProperty().get() + " first",
                walk.runBlockedProperty(), step.missingProperty()));
        start.setTooltip(missing);
        Button cancel = new Button("Cancel", Icons.of(Feather.SQUARE));
        cancel.setId("cancel-" + index);
        cancel.setOnAction(e -> run.cancel());
        shownWhen(cancel, run.runningProperty());
        Label state = new Label();
        state.textProperty().bind(step.stateProperty().asString());
        state.getStyleClass().addAll("fact-chip", "fact");
        Label status = new Label();
        status.setId("status-" + index);
        status.textProperty().bind(step.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        Label message = new Label();
        message.setId("message-" + index);
        message.textProperty().bind(Bindings.createStringBinding(() -> step.statusProperty().get().contains(run.messageProperty().get())
                ? "" : run.messageProperty().get(), run.messageProperty(), step.statusProperty()));
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        message.setWrapText(true);
        shownWhen(message, message.textProperty().isNotEmpty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        // The status gives way (wraps) to a long Done note or a declined run's reason; the buttons never do.
        for (Region keep : List.of(start, cancel, state)) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, start, cancel, state, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, bar, message); // a warning gets the card's width, not what the buttons leave
    }

    private Node output() {
        TextArea output = new TextArea();
        output.setId("output-" + index);
        output.setEditable(false);
        output.setPrefRowCount(5);
        // A long log line is read where it is, not by scrolling sideways.
        output.setWrapText(true);
        output.getStyleClass().add("walk-output");
        output.textProperty().bind(run.shownOutput().textBinding(SHOWN_LINES));
        output.textProperty().addListener((obs, old, now) -> output.setScrollTop(Double.MAX_VALUE));
        // A click on a masked secret shows it, as in the Runs view; a drag selects text as before.
        output.setOnMouseClicked(e -> {
            if (output.getSelectedText().isEmpty()) {
                run.shownOutput().revealAt(SHOWN_LINES, output.getCaretPosition());
            }
        });
        output.setTooltip(new Tooltip("Masked secrets (****): click one to show it"));
        MenuButton use = new MenuButton("Use selected text as", Icons.of(Feather.CORNER_DOWN_RIGHT));
        use.setId("capture-" + index);
        use.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        use.setTooltip(new Tooltip("Select a value in the output (a pod name, an id) to fill that placeholder in the next steps"));
        for (String name : walk.placeholderNames()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> walk.capture(step, name, output.getSelectedText()));
            use.getItems().add(item);
        }
        use.disableProperty().bind(output.selectedTextProperty().isEmpty());
        VBox box = new VBox(4, output);
        if (!use.getItems().isEmpty()) {
            box.getChildren().add(use);
        }
        shownWhen(box, Bindings.isNotEmpty(run.output()));
        return box;
    }

    private Node closing() {
        note.setId("step-note-" + index);
        note.setPromptText("Note for this step (what you saw, why you skip it)");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button done = new Button("Done", Icons.of(Feather.CHECK));
        done.setId("done-" + index);
        done.getStyleClass().add(Styles.SUCCESS);
        done.setOnAction(e -> {
            if (walk.done(step, note.getText())) { // refused on a resolved incident: the typed note stays
                note.clear();
                closed.run();
            }
        });
        // Enter in the note closes the step as done: type what you saw, Enter, and the next step has the focus.
        note.setOnAction(e -> done.fire());
        Button skip = new Button("Skip", Icons.of(Feather.SKIP_FORWARD));
        skip.setId("skip-" + index);
        skip.setOnAction(e -> {
            if (walk.skip(step, note.getText())) { // refused on a resolved incident: the typed note stays
                note.clear();
                closed.run();
            }
        });
        // In a narrow walkthrough (1366x768 at a 1.25 scale) the note gives way: the buttons read "D..." and "S..." else.
        done.setMinWidth(Region.USE_PREF_SIZE);
        skip.setMinWidth(Region.USE_PREF_SIZE);
        note.setMinWidth(80);
        HBox close = new HBox(8, note, done, skip);
        close.setAlignment(Pos.CENTER_LEFT);
        return close;
    }

    static void shownWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Label muted(Label label) {
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
