package dev.incidentconsole.app.gui.search;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.MatchHighlighter;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
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
    void typingASymptomThenDownAndEnterOpensTheSectionWithTheWordsHighlighted(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        typeQuery(robot, "no space left");

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WindowSteps.awaitShown(robot, ".section-view ." + MatchHighlighter.MATCH);

        checkNow(() -> {
            assertThat(robot.lookup(".section-title").queryLabeled().getText()).isEqualTo("Disk Full On The Primary");
            TreeView<?> outline = robot.lookup(".outline-tree").queryAs(TreeView.class);
            assertThat(outline.getSelectionModel().getSelectedItem().getValue().toString())
                    .endsWith("database.md#Database Runbook > Disk Full On The Primary");
            List<String> marked = robot.lookup(".section-view ." + MatchHighlighter.MATCH).<Label>queryAll().stream()
                    .map(Labeled::getText).map(String::toLowerCase).toList();
            assertThat(String.join(" ", marked)).contains("space left");
            assertThat(robot.lookup(".search-results").tryQuery().map(Node::isVisible).filter(v -> v).isPresent())
                    .as("the drop-down closed").isFalse();
        });
    }

    @Test
    void ctrlKFocusesTheFieldAndEscapeClearsIt(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Database Runbook"); // the focus is away from the field
        assertThat(fx(() -> field(robot).isFocused())).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        awaitFx(() -> assertThat(field(robot).isFocused()).as("search field focused").isTrue());

        robot.write("sentinel");
        awaitResultsFor(robot, "sentinel");
        robot.type(KeyCode.ESCAPE);

        awaitFx(() -> assertThat(field(robot).getText()).isEmpty());
    }

    @Test
    void theDropDownClosesWhenTheFocusLeavesTheField(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        typeQuery(robot, "no space left");

        robot.type(KeyCode.TAB); // or a view that takes the keyboard, such as a walkthrough just opened

        awaitFx(() -> {
            assertThat(field(robot).isFocused()).isFalse();
            assertThat(robot.lookup(".search-results").tryQuery().map(Node::isVisible).filter(v -> v).isPresent())
                    .as("the drop-down over the view that has the keyboard").isFalse();
        });
    }

    @Test
    void clickingAnAlertInBrowseOpensItsSection(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.awaitShown(robot, ".outline-tree .label", n -> "Database Runbook".equals(WindowSteps.textOf(n)));
        WindowSteps.show(robot, "Browse");
        WindowSteps.click(robot, ".tab", n -> n.lookup(".tab-label") instanceof Labeled l && l.getText().startsWith("Alerts"));

        WindowSteps.click(robot, "RedisMemoryHigh");

        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Alert: RedisMemoryHigh"));
    }

    /** Clicks into the search field, types {@code query} and waits for its hits in the drop-down. */
    private static void typeQuery(FxRobot robot, String query) {
        WindowSteps.click(robot, ".search-field");
        awaitFx(() -> assertThat(field(robot).isFocused()).as("search field focused").isTrue());
        robot.write(query);
        awaitResultsFor(robot, query);
    }

    /**
     * Waits until the field holds {@code query}, its search has ended (not one for the letters typed so far) and
     * the drop-down shows hits.
     */
    private static void awaitResultsFor(FxRobot robot, String query) {
        awaitFx(() -> {
            assertThat(field(robot).getText()).isEqualTo(query);
            assertThat(robot.lookup(".search-footer .progress-indicator").match(Node::isVisible).tryQuery())
                    .as("searching").isEmpty();
            assertThat(robot.lookup(".search-results").tryQuery().map(n -> ((ListView<?>) n).getItems().size()))
                    .as("hits in the drop-down").get().isNotEqualTo(0);
        });
        WindowSteps.awaitShown(robot, ".search-results .list-cell", n -> !((ListCell<?>) n).isEmpty());
    }

    /** The search field of the top bar. Call on the FX thread. */
    private static TextField field(FxRobot robot) {
        return robot.lookup(".search-field").queryAs(TextField.class);
    }
}
