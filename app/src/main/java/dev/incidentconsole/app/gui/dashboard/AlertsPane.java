package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.runbook.SecretMasker;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import dev.incidentconsole.app.services.LinkedSection;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Alerts firing in the environment's Alertmanagers, each with the runbook sections that answer it, best first. */
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

    private static String linksText(AlertRow row) {
        StringBuilder sb = new StringBuilder();
        for (LinkedSection l : row.links()) {
            sb.append(sb.length() == 0 ? "" : "\n").append(l.webOnly() ? l.url() : l.reference()).append(" - ").append(l.why());
        }
        return sb.toString();
    }

    static final class AlertCell extends ListCell<AlertRow> {
        private final DashboardViewModel model;
        private ContextMenu menu;
        private MenuItem start;
        /** The alert the menu was opened on: the list re-sorts while it is open, and the cell may show another. */
        private AlertRow menuFor;

        AlertCell(DashboardViewModel model) {
            this.model = model;
            // Made when asked for, as ServiceCell's (a filter runs before Control shows the cell's menu): whether an
            // incident can start is read then, not when the row was drawn, since a later start-up step sets the
            // starter, and an alert drawn before it kept a dead item until the alert changed.
            addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                menuFor = getItem();
                setContextMenu(menuFor == null ? null : menu());
            });
        }

        private ContextMenu menu() {
            if (menu == null) {
                start = new MenuItem("Start incident from this alert", Icons.of(Feather.ALERT_OCTAGON));
                start.setOnAction(e -> model.actions().startIncident(menuFor));
                menu = new ContextMenu(start);
            }
            start.setDisable(model.actions().alertIncidentStarterProperty().get() == null);
            return menu;
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
            Label summary = new Label(SecretMasker.standard().mask(a.summary()));
            summary.getStyleClass().add("muted");
            summary.setMinWidth(0);
            name.setTooltip(new Tooltip("Reported by " + row.source()));
            HBox head = new HBox(8, Icons.of(Feather.BELL, "icon-danger"), severity, name, summary);
            head.setAlignment(Pos.CENTER_LEFT);
            // the answer on its own line, so a long reason never pushes the section link out of sight
            HBox answer = new HBox(6);
            answer.setAlignment(Pos.CENTER_LEFT);
            answer.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
            if (row.link() != null) {
                LinkedSection best = row.link();
                Hyperlink open = new Hyperlink(best.webOnly() ? best.url() : best.label(),
                        Icons.of(best.webOnly() ? Feather.EXTERNAL_LINK : Feather.BOOK_OPEN));
                open.setTooltip(new Tooltip(linksText(row)));
                open.setOnAction(e -> model.actions().open(best));
                open.setMinWidth(Region.USE_PREF_SIZE);
                Label why = new Label(best.why());
                why.getStyleClass().addAll("muted", "alert-why");
                why.setMinWidth(0);
                answer.getChildren().addAll(open, why);
                if (row.links().size() > 1) {
                    MenuButton more = new MenuButton("+" + (row.links().size() - 1) + " more");
                    more.getStyleClass().add("flat");
                    more.setMinWidth(Region.USE_PREF_SIZE);
                    for (LinkedSection l : row.links().subList(1, row.links().size())) {
                        MenuItem item = new MenuItem(l.label() + "  (" + l.why() + ")");
                        item.setOnAction(e -> model.actions().open(l));
                        more.getItems().add(item);
                    }
                    answer.getChildren().add(more);
                }
            } else {
                // Alerts often arrive before the runbooks are read at start: "none" then would be wrong.
                Label none = new Label(row.runbooksRead() ? "no runbook answers this alert"
                        : "reading the runbooks...");
                none.getStyleClass().add("muted");
                answer.getChildren().add(none);
            }
            VBox box = new VBox(2, head, answer);
            box.setMinWidth(0);
            box.setPrefWidth(1);
            setTooltip(new Tooltip(a.labels().toString()));
            setGraphic(box);
        }
    }
}
