package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: a step's Run button switches the main window to Runs with the command's panel,
 * which runs the command and shows its output.
 */
@ExtendWith(ApplicationExtension.class)
class RunWindowTest {
    private static final Map<String, String> PROPERTIES = Map.of("incident.data.dir", "data",
            "incident.config.dir", "config");

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
        PROPERTIES.forEach((key, dir) -> System.setProperty(key, home.resolve(dir).toString()));
    }

    @AfterAll
    static void restoreProperties() {
        PROPERTIES.keySet().forEach(System::clearProperty);
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
    void runButtonRunsTheStepAndShowsItsOutputAndExitCode(FxRobot robot) throws TimeoutException {
        WindowSteps.show(robot, "Runbooks");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Say hello").tryQuery().isPresent());
        robot.clickOn("Say hello");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.lookup(".run-command-button").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".run-panel .run-button").tryQuery().isPresent());
        assertThat(robot.listWindows().stream().filter(w -> w instanceof Stage)).as("no separate Runs window")
                .hasSize(1);
        assertThat(selectedRailEntry(robot)).isEqualTo("Runs");
        assertThat(robot.lookup(".run-tabs .tab").queryAll()).hasSize(1);
        assertThat(robot.lookup(".run-preview").queryLabeled().getText()).isEqualTo("echo hello-from-step");
        robot.clickOn(robot.lookup(".run-panel .run-button").queryButton());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "exit 0".equals(exitCode(robot)));
        ListView<?> output = robot.lookup(".run-output").queryListView();
        assertThat(output.getItems()).extracting(line -> ((dev.incidentconsole.exec.OutputLine) line).text())
                .containsExactly("hello-from-step");
        assertThat(robot.lookup(".run-output .list-cell").match(n -> "hello-from-step".equals(((Labeled) n).getText()))
                .tryQuery()).isPresent();
        assertThat(robot.lookup(".exit-code").queryLabeled().getStyleClass()).contains("exit-ok");
    }

    @Test
    void runsViewIsOnTheRailAndExplainsItselfBeforeAnyRun(FxRobot robot) {
        WindowSteps.show(robot, "Runs");

        assertThat(selectedRailEntry(robot)).isEqualTo("Runs");
        assertThat(robot.lookup(".runs-empty").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup(".runs-empty").queryLabeled().getText()).contains("Press Run");
        assertThat(robot.lookup(".run-notes").tryQuery()).isPresent();
    }

    @Test
    void sameCommandAgainReusesItsTabAndComesBackToRuns(FxRobot robot) throws TimeoutException {
        WindowSteps.show(robot, "Runbooks");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Say hello").tryQuery().isPresent());
        robot.clickOn("Say hello");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".run-command-button").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Runs".equals(selectedRailEntry(robot)));

        WindowSteps.show(robot, "Runbooks");
        robot.clickOn(robot.lookup(".run-command-button").queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selectedRailEntry(robot)).isEqualTo("Runs");
        assertThat(robot.lookup(".run-tabs .tab").queryAll()).hasSize(1);
        assertThat(robot.lookup(".runs-empty").queryLabeled().isVisible()).isFalse();
    }

    private static String selectedRailEntry(FxRobot robot) {
        return robot.lookup(".nav-button").match(n -> n instanceof ToggleButton t && t.isSelected()).tryQuery()
                .map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static String exitCode(FxRobot robot) {
        return robot.lookup(".exit-code").tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
