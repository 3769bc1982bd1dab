package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.TcpSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A service cell following its row through checks: what it shows, and that a check leaving the status as it was
 * touches no style class and makes no node, since either makes JavaFX match the cell's CSS again.
 */
class ServiceCellTest {
    private final DashboardViewModel model = new DashboardViewModel(new DirectTaskExecutor(),
            HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(), new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
    private final ServiceSpec spec = ServiceSpec.of("api", "127.0.0.1", 8080, new TcpSpec("127.0.0.1", 8080));

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aCheckThatKeepsTheStatusUpdatesTheTextsButNoStyleClassOrNodeAndAChangeRestylesTheCell() {
        WindowSteps.checkNow(() -> {
            ServiceRow row = new ServiceRow(snapshot(Status.UP, 12, List.of()), 0);
            ServiceCell cell = new ServiceCell(model);
            cell.updateItem(row, false);
            assertThat(cell.getStyleClass()).contains("status-up");
            AtomicInteger styleChanges = new AtomicInteger();
            cell.getStyleClass().addListener((ListChangeListener<String>) c -> styleChanges.incrementAndGet());
            Node icon = icon(cell);

            row.update(snapshot(Status.UP, 480, List.of()));

            assertThat(label(cell, ".service-latency")).isEqualTo("480 ms");
            assertThat(styleChanges).hasValue(0);
            assertThat(icon(cell)).isSameAs(icon);

            row.update(snapshot(Status.DOWN, 0, List.of()));

            assertThat(cell.getStyleClass()).contains("status-down").doesNotContain("status-up");
            assertThat(label(cell, ".status-word")).isEqualTo("DOWN");
            assertThat(icon(cell)).isNotSameAs(icon);
            assertThat(cell.getGraphic().lookupAll(".dependency-chip")).isEmpty();
            assertThat(cell.getTooltip()).as("made at the first hover, not with the cell").isNull();
            cell.fireEvent(mouse(MouseEvent.MOUSE_ENTERED));
            Tooltip tip = cell.getTooltip();
            tip.getOnShowing().handle(new WindowEvent(tip, WindowEvent.WINDOW_SHOWING));
            assertThat(tip.getText()).as("written when shown").startsWith("api: DOWN\nconnection refused\n");
        });
    }

    @Test
    void cellsOfOneListShareOneTooltipWrittenForTheRowTheMouseEnteredLast() {
        WindowSteps.checkNow(() -> {
            ServiceCell.Tips tips = new ServiceCell.Tips();
            ServiceCell first = new ServiceCell(model, tips, CellFill.filled());
            ServiceCell second = new ServiceCell(model, tips, CellFill.filled());
            first.updateItem(new ServiceRow(snapshot(Status.UP, 12, List.of()), 0), false);
            second.updateItem(new ServiceRow(new ServiceStatus(ServiceSpec.of("db", "127.0.0.1", 5432,
                    new TcpSpec("127.0.0.1", 5432)), Status.DOWN, "refused", Instant.now(), ProbeResult.of(Status.DOWN,
                    "refused", Duration.ZERO, Instant.now()), 1, List.of(), HistoryStats.of(List.of())), 1), false);
            assertThat(first.getContextMenu()).as("made when asked for").isNull();

            first.fireEvent(mouse(MouseEvent.MOUSE_ENTERED));
            second.fireEvent(mouse(MouseEvent.MOUSE_ENTERED));

            Tooltip tip = first.getTooltip();
            assertThat(second.getTooltip()).isSameAs(tip);
            tip.getOnShowing().handle(new WindowEvent(tip, WindowEvent.WINDOW_SHOWING));
            assertThat(tip.getText()).startsWith("db: DOWN\nrefused\n");
            first.fireEvent(mouse(MouseEvent.MOUSE_ENTERED));
            tip.getOnShowing().handle(new WindowEvent(tip, WindowEvent.WINDOW_SHOWING));
            assertThat(tip.getText()).startsWith("api: UP\nconnected\n");
        });
    }

    @Test
    void aFailingRowOffersStartIncidentWhenItsMenuIsAskedForAndAHealthyOneOffersNothing() {
        List<ServiceRow> started = new ArrayList<>();
        model.actions().incidentStarterProperty().set(started::add);
        WindowSteps.checkNow(() -> {
            ServiceRow row = new ServiceRow(snapshot(Status.UP, 12, List.of()), 0);
            ServiceCell cell = new ServiceCell(model);
            cell.updateItem(row, false);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(cell), 400, 80));
            stage.show();
            try {
                cell.fireEvent(menuRequest());
                assertThat(cell.getContextMenu()).as("nothing to start for a healthy service").isNull();

                row.update(snapshot(Status.DOWN, 0, List.of()));
                assertThat(cell.getContextMenu()).as("made when asked for, not when the row turned red").isNull();
                cell.fireEvent(menuRequest());

                ContextMenu menu = cell.getContextMenu();
                assertThat(menu.isShowing()).isTrue();
                assertThat(menu.getItems()).extracting(MenuItem::getText).containsExactly("Start incident");
                menu.getItems().get(0).fire();
                assertThat(started).containsExactly(row);
                menu.hide();

                // The rows re-sort while a menu is open (problems first): the cell may show another service by the
                // click, and the incident is still the one the menu was opened on.
                cell.fireEvent(menuRequest());
                ServiceRow moved = new ServiceRow(snapshot(Status.DOWN, 0, List.of()), 1);
                cell.updateItem(moved, false);
                cell.getContextMenu().getItems().get(0).fire();
                assertThat(started).containsExactly(row, row);
                cell.getContextMenu().hide();
            } finally {
                stage.close();
            }
        });
    }

    private static ContextMenuEvent menuRequest() {
        return new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, 5, 5, false, null);
    }

    @Test
    void dependencyChipsAreMadeAgainOnlyWhenOneComesGoesOrChangesStatus() {
        WindowSteps.checkNow(() -> {
            Dependency db = new Dependency("db", Status.UP, "ok", 4, "");
            ServiceRow row = new ServiceRow(snapshot(Status.UP, 12, List.of(db)), 0);
            ServiceCell cell = new ServiceCell(model);
            cell.updateItem(row, false);
            Label chip = (Label) cell.getGraphic().lookup(".dependency-chip");

            row.update(snapshot(Status.UP, 13, List.of(new Dependency("db", Status.UP, "ok", 9, ""))));

            assertThat(cell.getGraphic().lookup(".dependency-chip")).isSameAs(chip);
            assertThat(chip.getTooltip().getText()).isEqualTo("db: ok, 9 ms");

            row.update(snapshot(Status.DEGRADED, 14, List.of(new Dependency("db", Status.DOWN, "refused", -1, ""))));

            Label now = (Label) cell.getGraphic().lookup(".dependency-chip");
            assertThat(now).isNotSameAs(chip);
            assertThat(now.getStyleClass()).contains("status-down");
        });
    }

    private ServiceStatus snapshot(Status status, int millis, List<Dependency> dependencies) {
        ProbeResult r = ProbeResult.of(status, status == Status.DOWN ? "connection refused" : "connected",
                Duration.ofMillis(millis), Instant.now()).withDependencies(dependencies);
        return new ServiceStatus(spec, status, r.reason(), Instant.now(), r, 0, List.of(r), HistoryStats.of(List.of(r)));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type) {
        return new MouseEvent(type, 0, 0, 0, 0, MouseButton.NONE, 0, false, false, false, false, false, false, false,
                false, false, false, null);
    }

    private static Node icon(ServiceCell cell) {
        // The word's graphic: a label shows it through its skin, which a cell outside a scene has not yet.
        Node icon = ((Label) cell.getGraphic().lookup(".status-word")).getGraphic();
        assertThat(icon.getStyleClass()).contains("status-icon");
        return icon;
    }

    private static String label(ServiceCell cell, String selector) {
        return ((Label) cell.getGraphic().lookup(selector)).getText();
    }
}
