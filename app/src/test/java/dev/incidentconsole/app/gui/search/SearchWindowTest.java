package dev.incidentconsole.app.gui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
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
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: the engineer types a symptom into the top bar and lands on the section. */
@ExtendWith(ApplicationExtension.class)
class SearchWindowTest {
    @TempDir
    static Path dir;
    private static Path folder;

    private ConsoleApp app;

    @BeforeAll
    static void writeRunbooks() throws IOException {
        folder = SearchTestRunbooks.write(dir.resolve("runbooks"));
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(folder, null, new SettingsStore(dir.resolve("config/settings.json")));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void typingASymptomThenDownAndEnterOpensTheSectionWithTheWordsHighlighted(FxRobot robot) throws TimeoutException {
        awaitOutline(robot);
        robot.clickOn(".search-field").write("no space left");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !results(robot).isEmpty());

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".section-view ." + MatchHighlighter.MATCH).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".section-title").queryLabeled().getText()).isEqualTo("Disk Full On The Primary");
        TreeView<?> outline = robot.lookup(".outline-tree").queryAs(TreeView.class);
        assertThat(outline.getSelectionModel().getSelectedItem().getValue().toString())
                .endsWith("database.md#Database Runbook > Disk Full On The Primary");
        List<String> marked = robot.lookup(".section-view ." + MatchHighlighter.MATCH).<Label>queryAll().stream()
                .map(Labeled::getText).map(String::toLowerCase).toList();
        assertThat(String.join(" ", marked)).contains("space left");
        assertThat(robot.lookup(".search-results").tryQuery().map(Node::isVisible).filter(v -> v).isPresent())
                .as("the drop-down closed").isFalse();
    }

    @Test
    void ctrlKFocusesTheFieldAndEscapeClearsIt(FxRobot robot) throws TimeoutException {
        awaitOutline(robot);
        robot.clickOn("Database Runbook");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup(".search-field").queryAs(TextField.class);
        assertThat(field.isFocused()).isTrue();

        robot.write("sentinel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !results(robot).isEmpty());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(field.getText()).isEmpty();
    }

    @Test
    void clickingAnAlertInBrowseOpensItsSection(FxRobot robot) throws TimeoutException {
        awaitOutline(robot);
        robot.clickOn("Browse");
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Labeled l && l.getText().startsWith("Alerts")).<Node>query());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("RedisMemoryHigh").tryQuery().isPresent());

        robot.clickOn("RedisMemoryHigh");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".section-title").queryLabeled().getText()).isEqualTo("Alert: RedisMemoryHigh");
    }

    /** The hits in the drop-down; none while it has not opened yet. */
    private static List<?> results(FxRobot robot) {
        return robot.lookup(".search-results").tryQuery().map(n -> ((ListView<?>) n).getItems()).map(List::copyOf).orElse(List.of());
    }

    /** Shows the Runbooks view (another view may come first on the rail) and waits for its outline. */
    private static void awaitOutline(FxRobot robot) throws TimeoutException {
        WindowSteps.show(robot, "Runbooks");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("Database Runbook").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
