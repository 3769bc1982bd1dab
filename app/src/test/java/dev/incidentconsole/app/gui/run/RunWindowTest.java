package dev.incidentconsole.app.gui.run;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static dev.incidentconsole.app.gui.WindowSteps.selectedRailEntry;
import static dev.incidentconsole.app.gui.WindowSteps.text;
import static dev.incidentconsole.app.gui.WindowSteps.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.exec.OutputLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The real window, headless: a step's Run button switches the main window to Runs with the command's panel,
 * which runs the command and shows its output.
 */
@ExtendWith(ApplicationExtension.class)
class RunWindowTest {
    private static final Map<String, String> PROPERTIES = Map.of("incident.data.dir", "data",
            "incident.config.dir", "config");
    private static final Map<String, String> SAVED = new java.util.HashMap<>();

    @TempDir
    static Path home;

    private ConsoleApp app;

    @BeforeAll
    static void writeRunbookAndIsolateFolders() throws Exception {
        Path folder = Files.createDirectories(home.resolve("runbooks"));
        Files.writeString(folder.resolve("smoke.md"), """
                # Smoke Runbook

                ## Say hello

                **Diagnosis:**
                ```bash
                # Greets from the step
                echo hello-from-step
                ```
                """);
        Files.writeString(folder.resolve("cache.md"), """
                # Cache Runbook

                ## Ask the cache

                **Diagnosis:**
                ```bash
                redis-cli -p 6379 -a '<auth>' ping
                ```
                """);
        PROPERTIES.forEach((key, dir) -> SAVED.put(key, System.setProperty(key, home.resolve(dir).toString())));
    }

    /** Puts back what the build set (app/pom.xml gives every test its own config and data folders). */
    @AfterAll
    static void restoreProperties() {
        SAVED.forEach((key, before) -> {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        });
        SAVED.clear();
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(home.resolve("runbooks"), null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void runButtonRunsTheStepAndShowsItsOutputAndExitCode(FxRobot robot) {
        openTheStepAndPressItsRunButton(robot);
        WindowSteps.awaitShown(robot, ".run-panel .run-button");
        checkNow(() -> {
            assertThat(robot.listWindows().stream().filter(w -> w instanceof Stage)).as("no separate Runs window")
                    .hasSize(1);
            assertThat(selectedRailEntry(robot)).isEqualTo("Runs");
            assertThat(robot.lookup(".run-tabs .tab").queryAll()).hasSize(1);
            assertThat(text(robot, ".run-preview")).isEqualTo("echo hello-from-step");
        });
        WindowSteps.click(robot, ".run-panel .run-button");

        awaitFx(() -> assertThat(text(robot, ".exit-code")).isEqualTo("exit 0"));
        // The result, its style and the output change in one FX task: once "exit 0" shows, all of them hold.
        checkNow(() -> {
            assertThat(robot.lookup(".exit-code").query().getStyleClass()).contains("exit-ok");
            assertThat(robot.lookup(".run-output").queryListView().getItems())
                    .extracting(line -> ((OutputLine) line).text()).containsExactly("hello-from-step");
        });
        // The list draws its cells on the next pulse.
        WindowSteps.awaitShown(robot, ".run-output .list-cell", n -> "hello-from-step".equals(textOf(n)));
    }

    @Test
    void runsViewIsOnTheRailAndExplainsItselfBeforeAnyRun(FxRobot robot) {
        WindowSteps.show(robot, "Runs");

        Labeled empty = WindowSteps.awaitShown(robot, ".runs-empty");
        checkNow(() -> {
            assertThat(selectedRailEntry(robot)).isEqualTo("Runs");
            assertThat(empty.getText()).contains("Press Run");
            assertThat(robot.lookup(".run-notes").tryQuery()).isPresent();
        });
    }

    /**
     * The list of all runs takes a share of the view's height, not a fixed 150 px (at 1366x768 it showed three runs
     * under an empty run panel), and a divider above it lets the engineer give it more.
     */
    @Test
    void allRunsListTakesAShareOfTheViewsHeight(FxRobot robot) {
        WindowSteps.show(robot, "Runs");
        javafx.scene.layout.Region list = WindowSteps.awaitShown(robot, "#run-history");
        awaitFx(() -> {
            javafx.scene.layout.Region view = robot.lookup(".runs-view").query();
            assertThat(list.getHeight()).as("the list's height in a view %s px high", view.getHeight())
                    .isGreaterThanOrEqualTo(view.getHeight() * 0.3);
            assertThat(robot.lookup(".runs-split").queryAs(javafx.scene.control.SplitPane.class).getDividers()).hasSize(1);
        });
    }

    @Test
    void sameCommandAgainReusesItsTabAndComesBackToRuns(FxRobot robot) {
        openTheStepAndPressItsRunButton(robot);
        awaitFx(() -> assertThat(selectedRailEntry(robot)).isEqualTo("Runs"));

        WindowSteps.show(robot, "Runbooks");
        WindowSteps.click(robot, ".run-command-button");

        awaitFx(() -> assertThat(selectedRailEntry(robot)).isEqualTo("Runs"));
        WindowSteps.awaitShown(robot, ".run-panel .run-button");
        checkNow(() -> {
            assertThat(robot.lookup(".run-tabs .tab").queryAll()).hasSize(1);
            assertThat(robot.lookup(".runs-empty").queryLabeled().isVisible()).isFalse();
        });
    }

    @Test
    void aPasswordTypedForAStepIsHiddenAsTheCommandHidesIt(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Ask the cache");
        WindowSteps.click(robot, ".run-command-button");

        Node input = WindowSteps.awaitShown(robot, ".run-panel .placeholder-input");
        checkNow(() -> assertThat(input).isInstanceOf(PasswordField.class));
    }

    /** Shows the runbook's step in the Runbooks view and presses the Run button beside its command. */
    private static void openTheStepAndPressItsRunButton(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Say hello");
        WindowSteps.click(robot, ".run-command-button");
    }
}
