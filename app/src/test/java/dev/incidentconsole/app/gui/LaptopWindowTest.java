package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The window as an engineer on a 13" laptop uses it, keyboard first. At its smallest size (900x560, the stage's
 * minimum: 1366x768 at a 1.5 scale gives 910x512): every control of the top bar and the dashboard's toolbar is inside the window and keeps the width it
 * needs to show its text. The try-out found the theme switch and "Check all" drawn past the window's right edge and
 * the environment picker squeezed to an empty box. Ctrl+1 to Ctrl+5 open the rail's views from anywhere, even from
 * the search field, and the keyboard lands on the rail entry shown (the try-out found no key that switched views).
 */
@ExtendWith(ApplicationExtension.class)
class LaptopWindowTest {
    private static final double WIDTH = 900;
    private static final double HEIGHT = 560;

    @TempDir
    static Path folder;

    private ConsoleApp app;
    private Stage stage;

    @BeforeAll
    static void writeRunbooks() throws IOException {
        TestRunbooks.write(folder);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ConsoleApp(folder, null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theThemeSwitchAndTheSearchFieldStayInsideTheSmallestWindow(FxRobot robot) {
        shrink();
        awaitFx(() -> {
            assertInside(robot.lookup(".theme-toggle").query());
            Node search = robot.lookup(".search-slot").query();
            assertInside(search);
            assertThat(search.getLayoutBounds().getWidth()).as("search field width").isGreaterThanOrEqualTo(200);
        });
    }

    @Test
    void noViewMakesTheFrameWiderThanTheSmallestWindow(FxRobot robot) {
        shrink();
        for (String view : List.of("Dashboard", "Runbooks", "Browse", "Incidents", "Runs")) {
            WindowSteps.show(robot, view);
            awaitFx(() -> {
                Region root = (Region) stage.getScene().getRoot();
                assertThat(root.minWidth(-1)).as("the frame's least width with %s shown", view).isLessThanOrEqualTo(WIDTH);
                assertInside(robot.lookup(".theme-toggle").query());
            });
        }
    }

    @Test
    void everyDashboardToolbarControlIsReachableInTheSmallestWindow(FxRobot robot) {
        WindowSteps.show(robot, "Dashboard");
        shrink();
        awaitFx(() -> {
            List<Node> controls = List.of(robot.lookup(".environment-picker").query(), robot.lookup(".check-all").query(),
                    robot.lookup(".tag-filter").query(), robot.lookup(".service-search").query());
            controls.forEach(LaptopWindowTest::assertInside);
            for (Node toggle : robot.lookup(".status-filter .toggle-button").queryAll()) {
                assertInside(toggle);
            }
            Control picker = robot.lookup(".environment-picker").query();
            assertThat(picker.getWidth()).as("environment picker keeps its width")
                    .isGreaterThanOrEqualTo(picker.prefWidth(-1) - 0.5);
        });
    }

    private void shrink() {
        fx(() -> {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return null;
        });
        awaitFx(() -> assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(WIDTH));
    }

    /** The node is drawn whole inside the window (not cut at its edge or beyond it). */
    private static void assertInside(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double w = node.getScene().getWidth();
        double h = node.getScene().getHeight();
        assertThat(node.isVisible()).as("%s visible", node).isTrue();
        assertThat(b.getMinX()).as("%s left edge", node.getStyleClass()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as("%s right edge in a window %s wide", node.getStyleClass(), w).isLessThanOrEqualTo(w + 0.5);
        assertThat(b.getMaxY()).as("%s bottom edge in a window %s high", node.getStyleClass(), h).isLessThanOrEqualTo(h + 0.5);
        assertThat(b.getWidth()).as("%s width", node.getStyleClass()).isGreaterThan(0);
    }

    @Test
    void ctrlAndADigitOpensThatRailEntryAndFocusesIt(FxRobot robot) {
        WindowSteps.show(robot, "Dashboard");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        awaitFx(() -> assertThat(robot.lookup(".search-field").query().isFocused()).as("search field focused").isTrue());

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        awaitFx(() -> {
            assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Runbooks");
            assertThat(focusedText(robot)).isEqualTo("Runbooks");
            assertThat(robot.lookup(".outline-tree").tryQuery()).as("the Runbooks view is shown").isPresent();
        });

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        awaitFx(() -> {
            assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Incidents");
            assertThat(focusedText(robot)).isEqualTo("Incidents");
        });

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        awaitFx(() -> assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Dashboard"));
    }

    @Test
    void aDigitWithoutCtrlIsTypedIntoTheSearchField(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        awaitFx(() -> assertThat(robot.lookup(".search-field").query().isFocused()).isTrue());

        robot.type(KeyCode.DIGIT2);

        awaitFx(() -> assertThat(WindowSteps.text(robot, ".search-field")).isEqualTo("2"));
    }

    private static String focusedText(FxRobot robot) {
        Node owner = robot.lookup(".nav-button").query().getScene().getFocusOwner();
        return owner instanceof Labeled l ? l.getText() : String.valueOf(owner);
    }
}
