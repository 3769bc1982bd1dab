package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A list's first service cells, drawn before their tails: status, name, address and reason at once; the dependency
 * chips, sparkline, latency, check time and button once the list is filled, in the same cells, in a place as wide as
 * they are from the start, so nothing the engineer already reads moves. Real list, the app's theme and stylesheet.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceCellFillWindowTest {
    private final DashboardViewModel model = new DashboardViewModel(new DirectTaskExecutor(),
            HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(),
            new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
    private final CellFill fill = new CellFill();
    private Stage stage;
    private ServiceRow down;

    @Start
    void start(Stage primary) {
        down = row("orders-api", Status.DOWN, "connection refused", List.of());
        ServiceRow up = row("web", Status.UP, "connected", List.of(new Dependency("db", Status.UP, "ok", 3, "")));
        ServiceCell.Tips tips = new ServiceCell.Tips();
        stage = ServiceListStage.show(v -> new ServiceCell(model, tips, fill), 900, 200, down, up);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        model.close();
    }

    @Test
    void theFirstCellsShowStatusNameAndReasonThenTheirTailsInAPlaceReservedForThem(FxRobot robot) {
        awaitFx(() -> assertThat(texts(robot, ".service-name")).containsExactly("orders-api", "web"));
        assertThat(fx(() -> texts(robot, ".status-word"))).containsExactly("DOWN", "UP");
        assertThat(fx(() -> texts(robot, ".service-reason"))).containsExactly("connection refused", "connected");
        assertThat(fx(() -> robot.lookup(".sparkline").queryAll())).as("no sparkline before the fill").isEmpty();
        assertThat(fx(() -> robot.lookup(".check-now").queryAll())).as("no button before the fill").isEmpty();
        assertThat(fx(() -> robot.lookup(".dependency-chips").queryAll())).as("no chips before the fill").isEmpty();
        Map<String, Bounds> reasonsBefore = fx(() -> reasons(robot));
        assertThat(reasonsBefore).containsOnlyKeys("orders-api", "web");
        Bounds tailBefore = fx(() -> bounds(robot.lookup(".service-tail").query()));

        robot.interact(fill::fill);

        awaitFx(() -> assertThat(texts(robot, ".service-latency")).containsExactly("–", "12 ms"));
        assertThat(fx(() -> robot.lookup(".sparkline").queryAll())).hasSize(2);
        assertThat(fx(() -> robot.lookup(".dependency-chip").queryAll())).as("web's dependency").hasSize(1);
        awaitFx(() -> {
            Node tail = robot.lookup(".service-tail").query();
            assertThat(bounds(tail)).as("the tail's place did not move or change width").isEqualTo(tailBefore);
            assertThat(reasons(robot)).as("the reasons, in a row with dependencies and one without, did not move")
                    .isEqualTo(reasonsBefore);
            Button check = robot.lookup(".check-now").queryAs(Button.class);
            assertThat(bounds(check).getMaxX()).as("the button fits in the reserved place")
                    .isLessThanOrEqualTo(bounds(tail).getMaxX() + 0.5);
            assertThat(bounds(robot.lookup(".sparkline").query()).getMinX()).as("the sparkline too")
                    .isGreaterThanOrEqualTo(bounds(tail).getMinX() - 0.5);
        });

        // Filled cells follow their rows as before: a check makes the button work and the numbers change.
        robot.interact(() -> down.update(status("orders-api", Status.UP, "connected", List.of(), 30)));
        awaitFx(() -> assertThat(texts(robot, ".service-latency")).contains("30 ms"));
    }

    private static List<String> texts(FxRobot robot, String selector) {
        return robot.lookup(selector).queryAll().stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** Each shown row's reason, where it is in the window, by the row's service. */
    private static Map<String, Bounds> reasons(FxRobot robot) {
        Map<String, Bounds> reasons = new java.util.TreeMap<>();
        for (ServiceCell cell : robot.lookup(".service-cell").queryAllAs(ServiceCell.class)) {
            if (cell.getItem() != null) {
                reasons.put(cell.getItem().name(), bounds(cell.lookup(".service-reason")));
            }
        }
        return reasons;
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static ServiceRow row(String name, Status status, String reason, List<Dependency> dependencies) {
        return new ServiceRow(status(name, status, reason, dependencies, 12), 0);
    }

    private static ServiceStatus status(String name, Status status, String reason, List<Dependency> dependencies,
            int millis) {
        ServiceSpec spec = ServiceSpec.of(name, "127.0.0.1", 8080, new TcpSpec("127.0.0.1", 8080));
        ProbeResult r = ProbeResult.of(status, reason, Duration.ofMillis(millis), Instant.now())
                .withDependencies(dependencies);
        return new ServiceStatus(spec, status, reason, Instant.now(), r, 0, List.of(r), HistoryStats.of(List.of(r)));
    }
}
