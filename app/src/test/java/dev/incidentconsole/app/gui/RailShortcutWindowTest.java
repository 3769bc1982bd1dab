package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
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
 * Keyboard first: Ctrl+1 to Ctrl+5 open the rail's views from anywhere, even from the search field, and the
 * keyboard lands on the rail entry shown (the try-out found no key that switched views: only Tab through every
 * control, or the mouse).
 */
@ExtendWith(ApplicationExtension.class)
class RailShortcutWindowTest {
    @TempDir
    static Path folder;

    private ConsoleApp app;

    @BeforeAll
    static void writeRunbooks() throws IOException {
        TestRunbooks.write(folder);
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(folder, null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
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
