package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.CssWarnings;
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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A service with many dependencies in the dashboard's list, whose rows keep their fixed height: in a narrow window its
 * chips stay on one line inside the row, the ones that do not fit counted in a "+N" chip whose tooltip names them;
 * in a wide one every chip made is shown. Real list, real cells, the app's theme and stylesheet.
 */
@ExtendWith(ApplicationExtension.class)
class DependencyChipsWindowTest {
    private static final List<Dependency> NINE = IntStream.rangeClosed(1, 9)
            .mapToObj(i -> new Dependency("replica-" + i, i == 3 ? Status.DOWN : Status.UP,
                    i == 3 ? "down" : "ok", 3, ""))
            .toList();

    private final DashboardViewModel model = new DashboardViewModel(new DirectTaskExecutor(),
            HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(),
            new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
    private Stage stage;
    private ListView<ServiceRow> list;
    private CssWarnings css;
    private TextField filter;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage primary) {
        css = CssWarnings.collect();
        ServiceSpec spec = ServiceSpec.of("orders-api", "127.0.0.1", 8080, new TcpSpec("127.0.0.1", 8080));
        ProbeResult r = ProbeResult.of(Status.DEGRADED, "replica 3 is down", Duration.ofMillis(40), Instant.now())
                .withDependencies(NINE);
        ServiceRow row = new ServiceRow(new ServiceStatus(spec, Status.DEGRADED, r.reason(), Instant.now(), r, 0,
                List.of(r), HistoryStats.of(List.of(r))), 0);
        filter = new TextField(); // a control before the list, as the dashboard's filter: Tab goes from it to the list
        stage = ServiceListStage.show(filter, v -> new ServiceCell(model), 760, 200, row);
        list = (ListView<ServiceRow>) stage.getScene().lookup(".service-list");
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        model.close();
        css.close();
    }

    @Test
    void inANarrowWindowTheChipsStayOnOneLineInsideTheRowAndAPlusChipNamesTheRest(FxRobot robot) throws IOException {
        WindowSteps.awaitFx(() -> {
            ServiceCell cell = cell(robot);
            Bounds row = cell.localToScene(cell.getLayoutBounds());
            List<Node> shown = cell.lookupAll(".dependency-chip").stream().filter(DependencyChipsWindowTest::visible).toList();
            assertThat(shown).as("some chips fit").isNotEmpty().hasSizeLessThan(DependencyChips.MAX_CHIPS);
            Label more = (Label) cell.lookupAll(".dependency-more").stream().filter(DependencyChipsWindowTest::visible)
                    .findFirst().orElseThrow(() -> new AssertionError("no +N chip shown"));
            int hidden = NINE.size() - shown.size();
            assertThat(more.getText()).isEqualTo("+" + hidden);
            assertThat(more.getTooltip().getText().lines().map(l -> l.substring(0, l.indexOf(':'))))
                    .containsExactlyElementsOf(NINE.subList(shown.size(), NINE.size()).stream().map(Dependency::name).toList());
            double top = Double.MAX_VALUE;
            for (Node chip : concat(shown, more)) {
                Bounds b = chip.localToScene(chip.getLayoutBounds());
                assertThat(b.getMinY()).as("%s inside the row", chip).isGreaterThanOrEqualTo(row.getMinY());
                assertThat(b.getMaxY()).as("%s inside the row", chip).isLessThanOrEqualTo(row.getMaxY());
                assertThat(b.getMaxX()).as("%s inside the row", chip).isLessThanOrEqualTo(row.getMaxX());
                top = Math.min(top, b.getMinY());
                assertThat(b.getMinY()).as("one line").isEqualTo(top, org.assertj.core.data.Offset.offset(1.0));
            }
            assertThat(row.getHeight()).isEqualTo(ServiceCell.HEIGHT, org.assertj.core.data.Offset.offset(0.5));
        });
        screenshot("dependency-chips-narrow.png");
    }

    @Test
    void theRowIsStyledWithEveryColourTheStylesheetsLookUp(FxRobot robot) {
        WindowSteps.awaitFx(() -> assertThat(cell(robot).lookup(".status-word")).isNotNull());
        robot.interact(() -> stage.getScene().getRoot().applyCss());

        assertThat(css.messages()).as("CSS warnings while the row was styled").isEmpty();
    }

    @Test
    void aRowReachedWithTabIsRingedAndItsContentDoesNotMove(FxRobot robot) throws IOException {
        WindowSteps.awaitFx(() -> assertThat(cell(robot).lookup(".service-name")).isNotNull());
        robot.interact(() -> {
            list.getFocusModel().focus(0);
            filter.requestFocus();
        });
        Bounds name = WindowSteps.fx(() -> sceneBounds(cell(robot).lookup(".service-name")));
        Bounds stripe = WindowSteps.fx(() -> sceneBounds(cell(robot).lookup(".status-stripe")));
        Bounds chip = WindowSteps.fx(() -> sceneBounds(cell(robot).lookup(".dependency-chip")));
        assertThat(WindowSteps.fx(() -> ring(cell(robot)))).as("no ring before Tab").isNull();

        robot.push(KeyCode.TAB);

        WindowSteps.awaitFx(() -> {
            assertThat(list.isFocusVisible()).isTrue();
            ServiceCell cell = cell(robot);
            assertThat(ring(cell)).as("the focused row's ring").isNotNull();
            assertThat(sceneBounds(cell.lookup(".service-name"))).as("the name").isEqualTo(name);
            assertThat(sceneBounds(cell.lookup(".status-stripe"))).as("the status stripe").isEqualTo(stripe);
            assertThat(sceneBounds(cell.lookup(".dependency-chip"))).as("the first chip").isEqualTo(chip);
        });
        screenshot("focus-ring-service-row.png");
    }

    /** The opaque colour of a row's ring, all four sides 2 px; null when it has none. Call on the FX thread. */
    private static Color ring(ServiceCell cell) {
        cell.applyCss();
        if (cell.getBorder() == null || cell.getBorder().getStrokes().isEmpty()) {
            return null;
        }
        var stroke = cell.getBorder().getStrokes().get(0);
        return stroke.getTopStroke() instanceof Color c && c.getOpacity() == 1.0 && stroke.getWidths().getTop() == 2
                && stroke.getWidths().getLeft() == 2 && stroke.getWidths().getBottom() == 2 ? c : null;
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void inAWideWindowEveryChipMadeShowsAndThePlusChipCountsOnlyThoseBeyondThem(FxRobot robot) throws IOException {
        // The screen's width at most: a window beyond it crashes Monocle's headless screen.
        robot.interact(() -> {
            stage.setX(0);
            stage.setWidth(Math.min(1200, Screen.getPrimary().getVisualBounds().getWidth()));
        });
        WindowSteps.awaitFx(() -> {
            ServiceCell cell = cell(robot);
            assertThat(cell.lookupAll(".dependency-chip").stream().filter(DependencyChipsWindowTest::visible))
                    .hasSize(DependencyChips.MAX_CHIPS);
            assertThat(cell.lookupAll(".dependency-more").stream().filter(DependencyChipsWindowTest::visible)
                    .map(n -> ((Label) n).getText())).containsExactly("+" + (NINE.size() - DependencyChips.MAX_CHIPS));
        });
        screenshot("dependency-chips-wide.png");
    }

    private static ServiceCell cell(FxRobot robot) {
        return robot.lookup(".service-cell").queryAllAs(ServiceCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow(() -> new AssertionError("no row shown"));
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<Node> concat(List<Node> nodes, Node last) {
        List<Node> all = new java.util.ArrayList<>(nodes);
        all.add(last);
        return all;
    }

    /** The window as a picture, when a folder for screenshots is named ({@code -Dincident.screenshots}). */
    private void screenshot(String name) throws IOException {
        String folder = System.getProperty("incident.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        BufferedImage image = WindowSteps.fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Path out = Path.of(folder).resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(image, "png", out.toFile());
    }
}
