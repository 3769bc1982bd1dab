package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.MainViewModel;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.dashboard.DashboardFeature;
import dev.incidentconsole.app.gui.dashboard.DashboardView;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
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
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
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

/**
 * Headless window: start an incident from a section, run a step, note, resolve, export Markdown; and start one
 * from a DOWN dashboard service.
 */
@ExtendWith(ApplicationExtension.class)
class WalkthroughWindowTest {
    @TempDir
    static Path dir;

    private final WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();
    private FxTaskExecutor executor;
    private CommandRunner runner;
    private DashboardViewModel dashboard;
    private IncidentFeature feature;

    @Start
    void start(Stage stage) throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        WalkRunbook.write(runbooks);
        executor = new FxTaskExecutor(2);
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults().withOutputDir(dir.resolve("runs")));
        RunServices run = new RunServices(runner, executor, Platform::runLater, dialogs, TerminalLauncher.system(), new KnownValues());
        feature = new IncidentFeature(executor, Platform::runLater, dialogs, runbooks,
                () -> IncidentStores.embedded(dir.resolve("data/incidents.db"), StoreOptions.defaults()), run,
                new SimpleObjectProperty<>(TargetCatalog.localOnly()));
        MainViewModel main = new MainViewModel();
        MainView view = new MainView(main);
        // A dashboard whose checkout service is refused: it is DOWN, and its environment links the runbook section.
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1h, retries: 1, timeout: 2s}
                services:
                  - {name: checkout, port: %d, runbooks: ["web.md#Backend failing"]}
                """.formatted(Loopback.closedPort()));
        dashboard = new DashboardViewModel(executor, HealthScheduler.builder().build(), new EnvironmentLoader());
        dashboard.setRunbooks(List.of(new RunbookParser().parse(runbooks.resolve("web.md"))));
        dashboard.openEnvironmentFile(env, null);
        view.register(DashboardFeature.PLACE, () -> new DashboardView(dashboard));
        feature.watchDashboard(dashboard);
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
        dashboard.close();
        runner.close();
        executor.close();
    }

    @Test
    void walkingASectionEndToEndExportsCommandOutputAndNote(FxRobot robot) throws Exception {
        WindowSteps.show(robot, "Runbooks");
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

    @Test
    void aDownServiceStartsAnIncidentAboutItAndItsVerificationWaitsForUp(FxRobot robot) throws Exception {
        robot.interact(() -> dashboard.checkAll());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            robot.interact(dashboard::drain);
            return dashboard.row("checkout").map(r -> r.state() == dev.incidentconsole.health.Status.DOWN).orElse(false);
        });
        robot.interact(() -> dashboard.selectedProperty().set(dashboard.row("checkout").orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#service-start-incident").tryQuery().isPresent());

        robot.clickOn("#service-start-incident");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#wait-2").tryQuery().isPresent());

        assertThat(dialogs.suggested).first().asString().startsWith("Backend failing");
        assertThat(feature.model().timeline().incidentProperty().get().services()).containsExactly("checkout");
        assertThat(text(robot, "#wait-2")).isEqualTo("Wait until checkout is UP");
        // Fired rather than clicked: the card may lie below the fold of a small headless screen.
        robot.interact(() -> robot.lookup("#wait-2").queryButton().fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#wait-2-message").contains("DOWN"));
        robot.interact(() -> robot.lookup("#wait-2-cancel").queryButton().fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#wait-2-message").startsWith("Stopped waiting"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
