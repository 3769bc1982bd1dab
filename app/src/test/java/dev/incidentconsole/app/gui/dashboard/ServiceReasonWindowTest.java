package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
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
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A service row's reason takes the row's width between the name and the tail (sparkline, numbers, button): a long one
 * is cut ("...") only where it meets the tail, gets more of itself as the window widens, and is whole in the row's
 * tooltip; a short one is shown whole, starting where the long one does. Real list, real cells, the app's theme and stylesheet.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceReasonWindowTest {
    private static final String LONG = "connection refused (3 failures in a row): nothing listens on 127.0.0.1:8080,"
            + " is the service running and bound to the address the environment file gives for it?";

    private final DashboardViewModel model = new DashboardViewModel(new DirectTaskExecutor(),
            HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(),
            new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = ServiceListStage.show(v -> new ServiceCell(model), 900, 200,
                row("orders-api", Status.DOWN, LONG), row("web", Status.UP, "HTTP 200"));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        model.close();
    }

    @Test
    void aLongReasonReachesTheTailIsCutOnlyThereAndGrowsWithTheWindow(FxRobot robot) {
        awaitFx(() -> assertThat(shown(reason(robot, "orders-api"))).as("cut")
                .endsWith(reason(robot, "orders-api").getEllipsisString()));
        Bounds narrow = fx(() -> bounds(reason(robot, "orders-api")));
        String narrowCut = fx(() -> shown(reason(robot, "orders-api")));
        double tail = fx(() -> bounds(cell(robot, "orders-api").lookup(".service-tail")).getMinX());
        assertThat(narrow.getMaxX()).as("the reason ends where the tail begins, less the row's gap")
                .isEqualTo(tail - 10, offset(1.0));
        assertThat(fx(() -> shown(reason(robot, "web")))).as("a short reason, whole").isEqualTo("HTTP 200");
        assertThat(fx(() -> bounds(reason(robot, "web")).getMinX())).as("the reasons' column is straight")
                .isEqualTo(narrow.getMinX());

        // The screen's width at most: a window beyond it crashes Monocle's headless screen.
        double wide = fx(() -> Math.min(1250, Screen.getPrimary().getVisualBounds().getWidth()));
        robot.interact(() -> {
            stage.setX(0);
            stage.setWidth(wide);
        });

        awaitFx(() -> {
            Bounds now = bounds(reason(robot, "orders-api"));
            assertThat(now.getMinX()).as("the reason starts where it did").isEqualTo(narrow.getMinX());
            assertThat(bounds(reason(robot, "web")).getMinX()).as("as the short one").isEqualTo(narrow.getMinX());
            assertThat(now.getWidth()).as("the reason gets the window's extra width")
                    .isGreaterThan(narrow.getWidth() + (wide - 900) - 20);
        });
        String cut = fx(() -> shown(reason(robot, "orders-api")));
        String ellipsis = fx(() -> reason(robot, "orders-api").getEllipsisString());
        assertThat(cut).as("more of the reason shows").hasSizeGreaterThan(narrowCut.length() + 30);
        assertThat(LONG).startsWith(cut.endsWith(ellipsis) ? cut.substring(0, cut.length() - ellipsis.length()) : cut);

        robot.moveTo(cell(robot, "orders-api"));
        awaitFx(() -> assertThat(cell(robot, "orders-api").getTooltip()).as("the row's tooltip").isNotNull());
        assertThat(fx(() -> cell(robot, "orders-api").tooltipText())).as("the whole reason").contains(LONG);
    }

    /**
     * The list a 13" laptop gives the dashboard (1366x768 at a 1.5 scale: 910 px, less the rail and the detail pane):
     * the row leaves its sparkline out so the reason gets a readable width, a short reason shows whole, a long one
     * takes two lines before it is cut, and the tail (numbers, check button) stays inside the row. The try-out found
     * every reason there cut to a bare "…" and the check button drawn past the row's end.
     */
    @Test
    void onALaptopsNarrowListTheReasonKeepsItsRoomAndWrapsOntoASecondLine(FxRobot robot) {
        String refused = "connection refused";
        Stage narrow = fx(() -> ServiceListStage.show(v -> new ServiceCell(model), 520, 200,
                row("ledger", Status.DOWN, LONG), row("backend", Status.DOWN, refused)));
        try {
            awaitFx(() -> assertThat(shown(reason(robot, "backend"))).as("a short reason, whole").isEqualTo(refused));
            Label cut = fx(() -> reason(robot, "ledger"));
            awaitFx(() -> {
                Text text = (Text) cut.lookup(".text");
                assertThat(text.getLayoutBounds().getHeight()).as("the long reason's two lines")
                        .isGreaterThan(1.8 * cut.getFont().getSize());
                assertThat(shown(cut)).as("cut only after two lines").hasSizeGreaterThan(30).endsWith(cut.getEllipsisString());
                ServiceCell row = cell(robot, "ledger");
                Node check = row.lookup(".check-now");
                assertThat(check).as("the check button").isNotNull();
                assertThat(bounds(check).getMaxX()).as("the check button inside the row")
                        .isLessThanOrEqualTo(bounds(row).getMaxX());
                assertThat(row.lookup(".sparkline").isVisible()).as("no sparkline in a narrow row").isFalse();
            });
        } finally {
            robot.interact(narrow::close);
        }
    }

    private static ServiceCell cell(FxRobot robot, String service) {
        return robot.lookup(".service-cell").queryAllAs(ServiceCell.class).stream()
                .filter(c -> c.getItem() != null && c.getItem().name().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " not shown"));
    }

    private static Label reason(FxRobot robot, String service) {
        return (Label) cell(robot, service).lookup(".service-reason");
    }

    /** What the label draws: its text, or the part of it that fits and "…". */
    private static String shown(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static ServiceRow row(String name, Status status, String reason) {
        ServiceSpec spec = ServiceSpec.of(name, "127.0.0.1", 8080, new TcpSpec("127.0.0.1", 8080));
        ProbeResult r = ProbeResult.of(status, reason, Duration.ofMillis(12), Instant.now());
        return new ServiceRow(new ServiceStatus(spec, status, reason, Instant.now(), r, 0, List.of(r),
                HistoryStats.of(List.of(r))), 0);
    }
}
