package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A firing alert's row in the dashboard's alert pane, and its "Start incident from this alert" menu. */
class AlertCellTest {
    private final DashboardViewModel model = new DashboardViewModel(new DirectTaskExecutor(),
            HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(), new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
    private final AlertRow row = AlertRow.of(new FiringAlert("PostgresTooManyConnections", "critical",
            Map.of("alertname", "PostgresTooManyConnections", "severity", "critical", "namespace", "prod", "pod", "db-0"),
            "x", Instant.parse("2026-12-06T12:00:00Z"), "c647fe262c469bef"), List.of("Alertmanager"), List.of());

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void anAlertListedBeforeTheRunbooksAreReadSaysSoInsteadOfThatNoRunbookAnswersIt() {
        // The row carries whether the runbooks were read, so the list changes when they are and the cell is redrawn
        // (DashboardViewModelTest.theAlertListChangesWhenTheRunbooksAreReadEvenIfNoneAnswersAnAlert).
        AlertRow beforeRead = AlertRow.of(row.alert(), row.sources(), List.of(), false);
        WindowSteps.checkNow(() -> {
            AlertsPane.AlertCell cell = new AlertsPane.AlertCell(model);
            cell.updateItem(beforeRead, false);
            assertThat(texts(cell)).contains("reading the runbooks...").doesNotContain("no runbook answers this alert");

            cell.updateItem(row, false);
            assertThat(texts(cell)).contains("no runbook answers this alert");
        });
    }

    /** The texts of the labels a cell shows. */
    private static List<String> texts(AlertsPane.AlertCell cell) {
        return cell.getGraphic().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList();
    }

    @Test
    void anAlertDrawnBeforeIncidentsCouldStartOffersStartIncidentOnceTheyCan() {
        List<AlertRow> started = new ArrayList<>();
        WindowSteps.checkNow(() -> {
            AlertsPane.AlertCell cell = new AlertsPane.AlertCell(model);
            cell.updateItem(row, false);
            // The window's start-up sets the starter in a later step than the one that draws the first alerts.
            model.actions().alertIncidentStarterProperty().set(started::add);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(cell), 400, 80));
            stage.show();
            try {
                cell.fireEvent(menuRequest());

                ContextMenu menu = cell.getContextMenu();
                assertThat(menu).isNotNull();
                assertThat(menu.isShowing()).isTrue();
                MenuItem start = menu.getItems().get(0);
                assertThat(start.getText()).isEqualTo("Start incident from this alert");
                assertThat(start.isDisable()).as("the starter is set by now").isFalse();
                start.fire();
                assertThat(started).containsExactly(row);
                menu.hide();

                cell.updateItem(row, false);
                assertThat(cell.getContextMenu()).as("a redraw of the same alert keeps the menu").isSameAs(menu);
                cell.updateItem(null, true);
                cell.fireEvent(menuRequest());
                assertThat(cell.getContextMenu()).as("an empty row offers nothing").isNull();
            } finally {
                stage.close();
            }
        });
    }

    @Test
    void theIncidentStartsFromTheAlertTheMenuWasOpenedOnEvenWhenTheRowMovedMeanwhile() {
        List<AlertRow> started = new ArrayList<>();
        AlertRow other = AlertRow.of(new FiringAlert("DiskAlmostFull", "warning", Map.of("alertname", "DiskAlmostFull"),
                "y", Instant.parse("2026-12-06T12:01:00Z"), "0123456789abcdef"), List.of("Alertmanager"), List.of());
        WindowSteps.checkNow(() -> {
            model.actions().alertIncidentStarterProperty().set(started::add);
            AlertsPane.AlertCell cell = new AlertsPane.AlertCell(model);
            cell.updateItem(row, false);
            cell.fireEvent(menuRequest());
            // A new alert sorts above while the menu is open: the list gives this cell another row.
            cell.updateItem(other, false);
            cell.getContextMenu().getItems().get(0).fire();
            cell.getContextMenu().hide();
        });
        assertThat(started).containsExactly(row);
    }

    @Test
    void withNoIncidentsToStartTheItemIsShownDisabled() {
        WindowSteps.checkNow(() -> {
            AlertsPane.AlertCell cell = new AlertsPane.AlertCell(model);
            cell.updateItem(row, false);
            cell.fireEvent(menuRequest());
            assertThat(cell.getContextMenu().getItems().get(0).isDisable()).isTrue();
            cell.getContextMenu().hide();
        });
    }

    private static ContextMenuEvent menuRequest() {
        return new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, 5, 5, false, null);
    }
}
