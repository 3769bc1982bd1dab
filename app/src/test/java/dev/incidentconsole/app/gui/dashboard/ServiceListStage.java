package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.PrimerLight;
import dev.incidentconsole.app.gui.ConsoleApp;
import java.util.Objects;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Callback;

/** A dashboard service list alone in a window, styled as the app styles it (Primer light, app.css, dashboard.css). */
final class ServiceListStage {
    private ServiceListStage() {
    }

    /**
     * Shows {@code rows} in a list of {@code cells} with the dashboard's fixed row height, on a stage of its own: the
     * primary one is shared by every window test in the JVM, and a size set here would stay with the tests after it.
     * FX thread; close the stage after the test.
     */
    static Stage show(Callback<ListView<ServiceRow>, javafx.scene.control.ListCell<ServiceRow>> cells, double width,
            double height, ServiceRow... rows) {
        return show(null, cells, width, height, rows);
    }

    /**
     * As {@link #show(Callback, double, double, ServiceRow...)}, with {@code before} (when not null) above the list, as
     * the dashboard's filter field is: Tab goes from it to the list. The list is the scene's {@code .service-list}.
     */
    static Stage show(Node before, Callback<ListView<ServiceRow>, javafx.scene.control.ListCell<ServiceRow>> cells,
            double width, double height, ServiceRow... rows) {
        Stage stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        ListView<ServiceRow> list = new ListView<>(FXCollections.observableArrayList(rows));
        list.getStyleClass().add("service-list");
        list.setCellFactory(cells);
        list.setFixedCellSize(ServiceCell.HEIGHT); // as the dashboard's list
        // inside the dashboard's view, as in the window: the status colours (-ic-up...) are looked up there, and
        // dashboard.css on the view outranks app.css on the scene
        VBox.setVgrow(list, Priority.ALWAYS);
        StackPane dashboard = new StackPane(before == null ? list : new VBox(before, list));
        dashboard.getStyleClass().add("dashboard-view");
        dashboard.getStylesheets().add(
                Objects.requireNonNull(DashboardView.class.getResource("dashboard.css")).toExternalForm());
        Scene scene = new Scene(dashboard, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
