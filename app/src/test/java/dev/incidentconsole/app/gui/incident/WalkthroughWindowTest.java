package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.MainViewModel;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.runbooks.RunbookLoader;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.runbooks.RunbooksView;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Headless window: start an incident from a section, run a step, note, resolve, export Markdown. */
@ExtendWith(ApplicationExtension.class)
class WalkthroughWindowTest {
    @TempDir
    static Path dir;

    private final WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();
    private FxTaskExecutor executor;
    private IncidentFeature feature;

    @Start
    void start(Stage stage) throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        WalkRunbook.write(runbooks);
        executor = new FxTaskExecutor(2);
        CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults().withOutputDir(dir.resolve("runs")));
        feature = new IncidentFeature(executor, Platform::runLater, dialogs, runbooks,
                () -> IncidentStores.embedded(dir.resolve("data/incidents.db"), StoreOptions.defaults()), runner);
        MainViewModel main = new MainViewModel();
        MainView view = new MainView(main);
        RunbookTreeViewModel tree = new RunbookTreeViewModel(executor, new RunbookLoader(new RunbookParser()));
        view.register(new Destination("runbooks", "Runbooks", Feather.BOOK_OPEN), () -> {
            RunbooksView v = new RunbooksView(tree, dialogs, text -> { });
            v.startIncidentProperty().set(feature.startIncident());
            return v;
        });
        feature.install(view, main.navigation());
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        tree.selectWhenLoaded("web.md#Backend failing");
        tree.load(runbooks);
        feature.start();
    }

    @Stop
    void stop() {
        feature.close();
        executor.close();
    }

    @Test
    void walkingASectionEndToEndExportsCommandOutputAndNote(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#start-incident").tryQuery().isPresent());
        robot.clickOn("#start-incident");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#run-0").tryQuery().isPresent());
        assertThat(dialogs.asked).contains("Backend failing");

        robot.clickOn("#run-0");
        await().atMost(Duration.ofSeconds(30)).until(() -> text(robot, "#status-0").startsWith("exit 0"));
        assertThat(robot.lookup("#output-0").queryTextInputControl().getText()).isEqualTo("diag-output");

        robot.clickOn("#timeline-note").write("backend OOM-killed; raised the memory limit");
        robot.clickOn("#add-note");
        ComboBox<Status> status = robot.lookup("#status-combo").queryComboBox();
        robot.interact(() -> status.setValue(Status.RESOLVED));
        await().atMost(Duration.ofSeconds(20)).until(() -> feature.model().timeline().incidentProperty().get().status() == Status.RESOLVED
                && feature.model().timeline().pendingProperty().get() == 0);

        Path exported = dir.resolve("export/incident.md");
        Files.createDirectories(exported.getParent());
        dialogs.saveTo = exported;
        robot.clickOn("#export-md");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(exported));
        WaitForAsyncUtils.waitForFxEvents();

        String markdown = Files.readString(exported);
        assertThat(markdown).contains("echo diag-output", "diag-output\n", "backend OOM-killed; raised the memory limit",
                "resolved", "Backend failing");
        assertThat(feature.model().timeline().entries()).extracting(e -> e.kind())
                .containsExactly("created", "step_started", "step_finished", "note", "status_changed");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
