package dev.incidentconsole.app.gui.run;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The Runs view's list of every run of the window ({@link RunHistory}), newest first, each with where it came from. */
final class RunHistoryList extends VBox {
    RunHistoryList(RunHistory history) {
        super(4);
        getStyleClass().add("run-history");
        setPadding(new javafx.geometry.Insets(6, 10, 0, 10)); // the caption off the view's edge, as the panels' content
        Label caption = new Label("ALL RUNS");
        caption.getStyleClass().add("pane-caption");
        ListView<RunHistory.Run> list = new ListView<>(history.runs());
        list.setId("run-history");
        list.setPrefHeight(150);
        list.setMinHeight(60); // the caption and a run or two, however far the divider is dragged
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        list.setPlaceholder(new Label("Runs started here and in walkthroughs are listed here."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: a long command is cut, never a side scroll bar
            }

            @Override
            protected void updateItem(RunHistory.Run run, boolean empty) {
                super.updateItem(run, empty);
                setGraphic(null);
                setTooltip(null);
                if (empty || run == null) {
                    setText(null);
                    return;
                }
                Label command = new Label(run.command());
                command.getStyleClass().add("run-history-command");
                Label facts = new Label();
                facts.textProperty().bind(run.outcomeProperty().map(o -> run.summary() + " \u00b7 " + run.origin()));
                facts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setText(null);
                setGraphic(new VBox(2, command, facts));
                setTooltip(new Tooltip(run.command() + "\n" + run.origin()));
            }
        });
        getChildren().addAll(caption, list);
    }
}
