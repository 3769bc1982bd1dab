package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
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
 * minimum: 1366x768 at a 1.5 scale gives 910x512) no view needs the frame wider than the window, and the dashboard's
 * toolbar wraps its filters rather than squeeze its controls (asserted on least widths: TestFX hands every test the
 * same stage, and Monocle's painter fails for the tests after one that resized it). The try-out found the theme switch and "Check all" drawn past the window's right edge and
 * the environment picker squeezed to an empty box. Ctrl+1 to Ctrl+5 open the rail's views from anywhere, even from
 * the search field, and the keyboard lands on the rail entry shown (the try-out found no key that switched views).
 */
@ExtendWith(ApplicationExtension.class)
class LaptopWindowTest {
    private static final double WIDTH = 900;
    /** The rail's width (app.css), what the views share the rest of the window with. */
    private static final double RAIL = 84;

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
    void noViewMakesTheFrameWiderThanTheSmallestWindow(FxRobot robot) {
        for (String view : List.of("Dashboard", "Runbooks", "Browse", "Incidents", "Runs")) {
            WindowSteps.show(robot, view);
            awaitFx(() -> {
                Region root = (Region) stage.getScene().getRoot();
                assertThat(root.minWidth(-1)).as("the frame's least width with %s shown", view).isLessThanOrEqualTo(WIDTH);
            });
        }
    }

    @Test
    void theDashboardToolbarFitsTheSmallestWindowWithoutSqueezingItsControls(FxRobot robot) {
        WindowSteps.show(robot, "Dashboard");
        awaitFx(() -> {
            Region toolbar = robot.lookup(".dashboard-toolbar").query();
            assertThat(toolbar.minWidth(-1)).as("toolbar's least width").isLessThanOrEqualTo(WIDTH - RAIL);
            for (String query : List.of(".environment-picker", ".check-all", ".status-filter")) {
                Region control = robot.lookup(query).query();
                assertThat(control.minWidth(-1)).as("%s never narrower than it needs", query)
                        .isGreaterThanOrEqualTo(control.prefWidth(-1) - 0.5);
            }
        });
    }

    /**
     * Laid out at its least width (what the top bar leaves it in the smallest window), the search field still shows
     * its whole prompt before the shortcut hint; the try-out found "...error message, comp" at 1366x768 and 1.5.
     */
    @Test
    void theSearchFieldAtItsLeastWidthShowsItsWholePrompt(FxRobot robot) {
        // The theme hides the prompt of a focused field, and the window may open with the keyboard in it.
        robot.interact(() -> robot.lookup(".nav-button").query().requestFocus());
        robot.interact(() -> {
            Region box = robot.lookup(".search-box").query();
            box.resize(box.minWidth(-1), box.getHeight());
            box.layout();
            ((Region) robot.lookup(".search-field").query()).layout();
            Node prompt = robot.lookup(".search-field").query().lookupAll(".text").stream()
                    .filter(n -> n instanceof javafx.scene.text.Text t && t.getText().startsWith("Search runbooks"))
                    .findFirst().orElseThrow(() -> new AssertionError("no prompt shown"));
            Node hint = robot.lookup(".shortcut-hint").query();
            assertThat(prompt.localToScene(prompt.getLayoutBounds()).getMaxX()).as("the prompt's end")
                    .isLessThanOrEqualTo(hint.localToScene(hint.getLayoutBounds()).getMinX());
            box.requestLayout();
        });
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

    @Test
    void aStepsRunOpensRunsWithTheKeyboardOnRunNotInTheSearchResults(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        robot.write("disk");
        awaitFx(() -> assertThat(searchResultsShown(robot)).as("search results shown").isTrue());
        robot.type(KeyCode.ENTER); // opens the first hit; the field keeps the keyboard and its query
        awaitFx(() -> {
            assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Disk full on the database host");
            assertThat(searchResultsShown(robot)).as("search results shown").isFalse();
        });

        WindowSteps.click(robot, ".run-command-button");

        awaitFx(() -> {
            assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Runs");
            Node owner = robot.lookup(".nav-button").query().getScene().getFocusOwner();
            assertThat(owner).as("focus owner").isNotNull();
            assertThat(owner.getId()).as("focus owner %s", owner).isEqualTo("run-button");
            assertThat(searchResultsShown(robot)).as("search results shown over the run panel").isFalse();
        });
    }

    private static boolean searchResultsShown(FxRobot robot) {
        return robot.lookup(".search-dropdown").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false);
    }

    private static String focusedText(FxRobot robot) {
        Node owner = robot.lookup(".nav-button").query().getScene().getFocusOwner();
        return owner instanceof Labeled l ? l.getText() : String.valueOf(owner);
    }
}
