package dev.incidentconsole.app.gui.run;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.Focus;
import dev.incidentconsole.app.gui.util.MaskedTextFlow;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunResult;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;

/**
 * The run panel of one command: the command as it will run, the target picker (production in red), the
 * placeholder fields, Run / Cancel / Open in terminal, then the output as it streams (stderr in red, a
 * virtualized list of the last lines) with the exit code, duration and output file.
 */
public final class RunPanel extends VBox {
    static final double TOKEN_MAX_WIDTH = 260;
    static final double INPUT_MIN_WIDTH = 220;

    private final CommandRunViewModel model;
    private final CheckBox follow = new CheckBox("Follow output");
    private final List<TextField> requiredInputs = new java.util.ArrayList<>();
    private Button run;

    public RunPanel(CommandRunViewModel model) {
        this.model = model;
        getStyleClass().add("run-panel");
        getChildren().addAll(commandBox(), targetRow());
        if (!model.placeholders().isEmpty()) {
            getChildren().add(placeholderGrid());
        }
        ListView<OutputLine> output = outputList();
        VBox.setVgrow(output, Priority.ALWAYS);
        getChildren().addAll(actions(), output, footer());
    }

    /**
     * Gives the keyboard to what the engineer does first here: the first empty required value (an optional one
     * may stay empty), else Run (Enter runs it; a destructive command asks first). Once the panel is in the
     * window, if it is not yet.
     */
    void takeFocus() {
        Node first = Focus.firstEmpty(requiredInputs).<Node>map(i -> i).orElse(run);
        Focus.whenShown(this, first::requestFocus);
    }

    private Node commandBox() {
        Label prompt = new Label("$");
        prompt.getStyleClass().add("run-prompt");
        TextFlow text = new TextFlow();
        text.getStyleClass().add("run-preview");
        text.setId("run-preview");
        MaskedTextFlow.fill(text, model.shownCommandProperty().get(), "run-preview-text", model::revealInCommand);
        model.shownCommandProperty().addListener((obs, old, now) ->
                MaskedTextFlow.fill(text, now, "run-preview-text", model::revealInCommand));
        HBox line = new HBox(8, prompt, text);
        line.getStyleClass().add("run-command");
        VBox box = new VBox(6);
        if (!model.command().description().isBlank()) {
            Label description = new Label(model.command().description());
            description.setWrapText(true);
            description.getStyleClass().add("run-description");
            box.getChildren().add(description);
        }
        box.getChildren().add(line);
        Label danger = new Label("", Icons.of(Feather.ALERT_OCTAGON));
        danger.getStyleClass().add("run-danger");
        danger.setWrapText(true);
        danger.textProperty().bind(model.preparedProperty().map(p -> p.dangerous() ? "Destructive: "
                + p.danger().reason() + " You will be asked to confirm." : "").orElse(""));
        bindShown(danger, danger.textProperty().isNotEmpty());
        Label terminal = new Label("", Icons.of(Feather.TERMINAL));
        terminal.getStyleClass().add("run-interactive");
        terminal.setWrapText(true);
        terminal.textProperty().bind(model.preparedProperty().map(PreparedCommand::interactivity)
                .map(i -> i.needsTerminal() ? "Interactive: " + i.reason() + "; Run offers a terminal window."
                        : i.endless() ? "Runs until stopped (" + i.reason() + "): use Cancel." : "").orElse(""));
        bindShown(terminal, terminal.textProperty().isNotEmpty());
        Label secrets = new Label("", Icons.of(Feather.KEY));
        secrets.setId("run-from-secrets");
        secrets.getStyleClass().addAll(Styles.TEXT_MUTED, "run-from-secrets");
        secrets.setWrapText(true);
        secrets.textProperty().bind(model.fromSecretsProperty());
        bindShown(secrets, secrets.textProperty().isNotEmpty());
        box.getChildren().addAll(danger, terminal, secrets);
        return box;
    }

    private Node targetRow() {
        ComboBox<TargetInfo> picker = new ComboBox<>(model.targets());
        picker.getStyleClass().add("target-picker");
        picker.setCellFactory(list -> new RunCells.TargetCell(true));
        picker.setButtonCell(new RunCells.TargetCell(false));
        picker.setValue(model.targetProperty().get());
        model.targetProperty().addListener((obs, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(model.targetProperty().get()) && !model.chooseTarget(now)) {
                picker.setValue(model.targetProperty().get()); // declined: back to the target in use
            }
        });
        picker.disableProperty().bind(model.runningProperty());
        Label production = new Label("PRODUCTION", Icons.of(Feather.ALERT_TRIANGLE));
        production.getStyleClass().add("production-badge");
        bindShown(production, Bindings.createBooleanBinding(() -> model.targetProperty().get() != null
                && model.targetProperty().get().production(), model.targetProperty()));
        Label where = new Label();
        where.getStyleClass().addAll(Styles.TEXT_MUTED, "target-where");
        where.textProperty().bind(model.targetProperty().map(t -> t.where() + " \u00b7 " + t.source()).orElse(""));
        Label caption = new Label("Target");
        caption.getStyleClass().add("run-caption");
        HBox row = new HBox(10, caption, picker, production, where);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node placeholderGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("placeholder-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (PlaceholderField field : model.placeholders()) {
            Label token = new Label(field.token());
            token.getStyleClass().add("placeholder-chip");
            // A long placeholder name is cut (whole in its tooltip); the field keeps room to type a value.
            token.setMaxWidth(TOKEN_MAX_WIDTH);
            token.setTooltip(new Tooltip(field.token()));
            TextField input = PlaceholderInput.of(field);
            input.setMinWidth(INPUT_MIN_WIDTH);
            input.setPromptText(field.required() ? "required" : "optional: empty leaves " + field.token() + " to the shell");
            input.setPrefColumnCount(28);
            input.disableProperty().bind(model.runningProperty());
            input.setOnAction(e -> model.run());
            if (field.required()) {
                requiredInputs.add(input);
            }
            GridPane.setHgrow(input, Priority.ALWAYS);
            grid.addRow(row++, token, input);
        }
        return grid;
    }

    private Node actions() {
        run = new Button("Run", Icons.of(Feather.PLAY));
        run.setId("run-button");
        run.getStyleClass().addAll(Styles.ACCENT, "run-button");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.canRunProperty().not());
        Tooltip missing = new Tooltip();
        missing.textProperty().bind(model.missingProperty().map(m -> m.isEmpty() ? "Run on the chosen target"
                : "Fill in " + m + " first"));
        run.setTooltip(missing);
        model.preparedProperty().addListener((obs, old, p) -> run.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("dangerous"), p != null && p.dangerous()));
        Button cancel = new Button("Cancel", Icons.of(Feather.SQUARE));
        cancel.setId("cancel-button");
        cancel.getStyleClass().add("cancel-button");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        Button terminal = new Button("Open in terminal", Icons.of(Feather.EXTERNAL_LINK));
        terminal.setId("terminal-button");
        terminal.getStyleClass().addAll(Styles.FLAT, "terminal-button");
        terminal.setTooltip(new Tooltip("Run it in a terminal window on the chosen target (for interactive commands)"));
        terminal.setOnAction(e -> model.openInTerminal());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        bindShown(spinner, model.runningProperty());
        Label status = new Label();
        status.getStyleClass().add("run-status");
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, model.runningProperty(),
                model.resultProperty(), model.messageProperty(), model.missingProperty()));
        Label exit = new Label();
        exit.getStyleClass().add("exit-code");
        exit.textProperty().bind(model.resultProperty().map(RunPanel::exitText).orElse(""));
        model.resultProperty().addListener((obs, old, r) -> exit.getStyleClass().setAll("exit-code",
                r == null ? "" : r.succeeded() ? "exit-ok" : "exit-failed"));
        bindShown(exit, exit.textProperty().isNotEmpty());
        // A long refusal (a kubectl context rule, a value that cannot be placed) is cut with "..." and shown whole in
        // its tooltip: it gives way, the buttons keep their size (they were squeezed to "R...").
        for (Button b : List.of(run, cancel, terminal)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setId("run-status");
        status.setMinWidth(0);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        whole.textProperty().bind(status.textProperty());
        status.tooltipProperty().bind(status.textProperty().map(t -> t.isEmpty() ? null : whole));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, cancel, terminal, spacer, spinner, status, exit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("run-actions");
        return bar;
    }

    private String statusText() {
        RunResult r = model.resultProperty().get();
        if (model.runningProperty().get()) {
            return model.messageProperty().get().isEmpty() ? "Running on " + model.targetProperty().get().name()
                    + "..." : model.messageProperty().get();
        }
        if (r == null) {
            // Said here too: a disabled Run button shows no tooltip.
            String missing = model.missingProperty().get();
            return model.messageProperty().get().isEmpty() && !missing.isEmpty() ? "Fill in " + missing + " first"
                    : model.messageProperty().get();
        }
        String lines = r.lineCount() == 1 ? "1 line" : r.lineCount() + " lines";
        String took = String.format("%.2f s", r.duration().toMillis() / 1000.0);
        return (r.message().isEmpty() ? "" : r.message() + "  ") + took + " \u00b7 " + lines + " \u00b7 " + r.target();
    }

    private static String exitText(RunResult r) {
        return switch (r.status()) {
            case SUCCEEDED, FAILED -> "exit " + r.exitCode();
            case TIMED_OUT -> "timed out";
            case CANCELLED -> "cancelled";
            case ERROR -> r.exitCode() == null ? "no exit code" : "exit " + r.exitCode();
        };
    }

    private ListView<OutputLine> outputList() {
        ListView<OutputLine> list = new ListView<>(model.output());
        list.getStyleClass().add("run-output");
        list.setCellFactory(v -> new RunCells.OutputCell(model));
        Label empty = new Label("Output appears here, line by line.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.setMinHeight(120);
        list.setFixedCellSize(20); // one text line per row: dense like a terminal, and cheaper to lay out
        model.output().addListener((javafx.collections.ListChangeListener<OutputLine>) c -> {
            if (follow.isSelected() && !model.output().isEmpty()) {
                list.scrollTo(model.output().size() - 1);
            }
        });
        return list;
    }

    private Node footer() {
        Label file = new Label();
        file.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "output-file");
        file.textProperty().bind(model.outputFileProperty().map(p -> "Full output: " + p).orElse(""));
        follow.setSelected(true);
        follow.getStyleClass().add(Styles.TEXT_SMALL);
        follow.setTooltip(new Tooltip("Keep the newest line in view; untick to read earlier output while it runs"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, file, spacer, follow);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private static void bindShown(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
