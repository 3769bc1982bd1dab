package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.masking.Credentials;
import dev.incidentconsole.health.FiringAlert;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Alerts firing in the environment's Alertmanagers, each with the runbook section that names it. */
final class AlertsPane extends VBox {

    AlertsPane(DashboardViewModel model) {
        getStyleClass().add("alerts-pane");
        Label title = new Label();
        title.getStyleClass().add("pane-caption");
        title.textProperty().bind(Bindings.size(model.alerts().list()).asString("FIRING ALERTS (%d)"));
        ListView<AlertRow> list = new ListView<>(model.alerts().list());
        list.getStyleClass().add("alert-list");
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.alerts().knownProperty()).then("No alerts firing.")
                .otherwise("Alertmanager is not answering: firing alerts unknown."));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new AlertCell(model));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        visibleProperty().bind(model.alerts().configuredProperty());
        managedProperty().bind(visibleProperty());
    }

    private static final class AlertCell extends ListCell<AlertRow> {
        private final DashboardViewModel model;

        AlertCell(DashboardViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(AlertRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            FiringAlert a = row.alert();
            Label severity = new Label(a.severity().isEmpty() ? "alert" : a.severity());
            severity.getStyleClass().addAll("severity-chip", "severity-" + a.severity().toLowerCase(java.util.Locale.ROOT));
            Label name = new Label(a.name());
            name.getStyleClass().add("alert-name");
            Label summary = new Label(Credentials.mask(a.summary()));
            summary.getStyleClass().add("muted");
            summary.setMinWidth(0);
            HBox.setHgrow(summary, Priority.ALWAYS);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.SOMETIMES);
            HBox box = new HBox(8, Icons.of(Feather.BELL, "icon-danger"), severity, name, summary, spacer);
            if (row.link() != null) {
                Hyperlink open = new Hyperlink(row.link().title(), Icons.of(Feather.BOOK_OPEN));
                open.setTooltip(new Tooltip("Open " + row.link().reference()));
                open.setOnAction(e -> model.open(row.link()));
                box.getChildren().add(open);
            } else {
                box.getChildren().add(new Label("no runbook names this alert"));
            }
            box.setAlignment(Pos.CENTER_LEFT);
            setTooltip(new Tooltip(a.labels().toString()));
            MenuItem start = new MenuItem("Start incident from this alert", Icons.of(Feather.ALERT_OCTAGON));
            start.setOnAction(e -> model.startIncident(row));
            start.setDisable(model.alertIncidentStarterProperty().get() == null);
            setContextMenu(new ContextMenu(start));
            setGraphic(box);
        }
    }
}
