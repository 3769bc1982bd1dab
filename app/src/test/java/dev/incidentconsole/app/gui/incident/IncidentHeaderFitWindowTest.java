package dev.incidentconsole.app.gui.incident;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Runbook;
import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.property.SimpleObjectProperty;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The incident view as the window lays it out at 1600, 1280, 1093 and 910 px, with a long title, with and without a
 * walkthrough beside the timeline: the header's controls (severity, status, the three Export buttons) and the
 * timeline's "All entries" filter and its "Add note" lie inside it, clear of its right edge (at 1093 px the try-out saw
 * "Add note" lose its right border at the window's edge), and the labels "Severity", "Status" and
 * "Export" and a step's Done and Skip are shown whole (at 1093 px they were cut to "...").
 */
@ExtendWith(ApplicationExtension.class)
class IncidentHeaderFitWindowTest {
    private static final List<String> CONTROLS = List.of("#severity-combo", "#status-combo", "#export-md",
            "#export-json", "#export-html", "#timeline-filter", "#add-note");

    @TempDir
    Path dir;

    private FxTaskExecutor executor;
    private CommandRunner runner;
    private IncidentStore store;
    private IncidentViewModel model;
    private Stage stage;
    private IncidentsView view;

    @Start
    void start(Stage shown) throws Exception {
        stage = shown;
        executor = new FxTaskExecutor(2);
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        model = new IncidentViewModel(executor, Platform::runLater, () -> store, "alice");
        view = new IncidentsView(model, new WalkRunbook.ScriptedDialogs(), dir);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        model.start(IncidentDraft.of("PostgresTooManyConnections: connections to db-0 in prod above 90% of max_connections"
                + " for 10 minutes", Severity.P1), i -> { });
    }

    @Stop
    void stop() {
        model.close();
        runner.close();
        executor.close();
        store.close();
    }

    /** The window's rail (the navigation on its left) takes this much of its width from the view. */
    private static final int RAIL = 90;
    private static final int MARGIN = 4;

    @ParameterizedTest
    // 1093 and 910: a 13" laptop's 1366x768 at a 1.25 and a 1.5 scale
    @CsvSource({"1600, false", "1280, false", "1600, true", "1280, true", "1093, false", "1093, true", "910, false", "910, true"})
    void theHeadersControlsLieInsideTheView(int windowWidth, boolean walking, FxRobot robot) throws Exception {
        awaitFx(() -> assertThat(model.timeline().incidentProperty().get()).isNotNull());
        if (walking) {
            Runbook runbook = WalkRunbook.write(dir);
            RunServices run = new RunServices(runner, executor, Platform::runLater, new WalkRunbook.ScriptedDialogs(),
                    TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
            WalkServices services = new WalkServices(run, new SimpleObjectProperty<>(TargetCatalog.localOnly()),
                    ServiceWatch.NONE, (delay, task) -> () -> { }, Clock.systemDefaultZone());
            robot.interact(() -> view.openWalkthrough(new WalkthroughViewModel(model.selectedProperty().get().id(),
                    runbook, WalkRunbook.section(runbook, "Backend failing"), model.timeline(), services, null)));
        }
        // Laid out in a scene of its own rather than a window: the headless screen is narrower than the widest window.
        Scene scene = fx(() -> {
            // The window's look: the theme and the app's stylesheet decide how wide the controls are.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene s = new Scene(view, windowWidth - RAIL, 900);
            s.getStylesheets().add(java.util.Objects.requireNonNull(
                    dev.incidentconsole.app.gui.ConsoleApp.class.getResource("app.css")).toExternalForm());
            return s;
        });
        awaitFx(() -> {
            view.applyCss();
            view.layout();
            for (String id : CONTROLS) {
                Node n = view.lookup(id);
                Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(n.isVisible()).as(id).isTrue();
                assertThat(b.getMinX()).as(id + " left edge at " + windowWidth).isGreaterThanOrEqualTo(0);
                // Inside by a margin: a control flush with the window's edge loses its right border, and looks cut.
                assertThat(b.getMaxX()).as(id + " right edge at " + windowWidth).isLessThanOrEqualTo(scene.getWidth() - MARGIN);
            }
            for (Node n : view.lookupAll(".incident-header-label")) {
                javafx.scene.control.Label label = (javafx.scene.control.Label) n;
                assertThat(label.getWidth()).as("\"%s\" shown whole at %s", label.getText(), windowWidth)
                        .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
            }
            assertThat(view.lookupAll(".incident-header-label")).hasSize(3);
            if (walking) {
                for (String id : List.of("#done-0", "#skip-0")) {
                    javafx.scene.control.Button b = (javafx.scene.control.Button) view.lookup(id);
                    assertThat(b.getWidth()).as("%s \"%s\" shown whole at %s", id, b.getText(), windowWidth)
                            .isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
                }
            }
        });
    }

    /**
     * The incident list at a 13" laptop's 1366x768 and 1.25 (1093 px) and 1.5 (910 px): its header's "INCIDENTS" and
     * "Resolved too" are whole, and a long title stays inside the list (wrapped) rather than running off under a side scroll bar
     * (the try-out found rows cut at the list's edge and the header cut to "INCID..." and "Resolved...").
     */
    @ParameterizedTest
    @CsvSource({"1093", "910"})
    void theIncidentListShowsItsHeaderAndTitlesWhole(int windowWidth, FxRobot robot) {
        awaitFx(() -> assertThat(model.incidents()).isNotEmpty());
        fx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene s = new Scene(view, windowWidth - RAIL, 700);
            s.getStylesheets().add(java.util.Objects.requireNonNull(
                    dev.incidentconsole.app.gui.ConsoleApp.class.getResource("app.css")).toExternalForm());
            return s;
        });
        awaitFx(() -> {
            view.applyCss();
            view.layout();
            Node list = view.lookup("#incident-list");
            double listRight = list.localToScene(list.getLayoutBounds()).getMaxX();
            javafx.scene.control.Label title = view.lookupAll(".list-cell .label").stream()
                    .map(javafx.scene.control.Label.class::cast).filter(l -> l.getText().startsWith("PostgresTooMany") && l.lookup(".text") != null)
                    .findFirst().orElseThrow(() -> new AssertionError("no title shown"));
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) title.lookup(".text");
            // a word longer than the list (an alert's name) is cut there: the wrap has no place to break it
            assertThat(drawn.getText()).as("the title at %s", windowWidth).startsWith("PostgresTooManyConnect");
            assertThat(title.localToScene(title.getLayoutBounds()).getMaxX()).as("the title inside the list at %s", windowWidth)
                    .isLessThanOrEqualTo(listRight);
            // the row is as tall as the wrapped title: its last words are drawn, not cut with "..." after one line
            assertThat(drawn.getText()).as("the title's end at %s", windowWidth).endsWith("for 10 minutes");
            assertThat(title.getHeight()).isGreaterThanOrEqualTo(title.prefHeight(title.getWidth()) - 0.5);
            Node reload = view.lookup(".outline-header .button");
            Node side = view.lookup(".outline-pane");
            assertThat(reload.localToScene(reload.getLayoutBounds()).getMaxX()).as("the refresh button clear of the pane's edge at %s",
                    windowWidth).isLessThanOrEqualTo(side.localToScene(side.getLayoutBounds()).getMaxX() - 6);
            for (String text : List.of("INCIDENTS", "Resolved too")) {
                javafx.scene.control.Labeled l = java.util.stream.Stream.concat(view.lookupAll(".label").stream(), view.lookupAll(".check-box").stream()).filter(n -> n instanceof javafx.scene.control.Labeled)
                        .map(javafx.scene.control.Labeled.class::cast).filter(x -> text.equals(x.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError(text + " not shown"));
                assertThat(l.getWidth()).as("\"%s\" whole at %s", text, windowWidth).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
        });
    }

    /**
     * A long status beside a step's Run button (here a Done note; a declined destructive run says as much) wraps; the
     * button keeps its whole label at 1600x1000 instead of shrinking to "▷ …".
     */
    @org.junit.jupiter.api.Test
    void aStepsRunButtonKeepsItsLabelBesideALongStatus(FxRobot robot) throws Exception {
        awaitFx(() -> assertThat(model.timeline().incidentProperty().get()).isNotNull());
        Runbook runbook = WalkRunbook.write(dir);
        RunServices run = new RunServices(runner, executor, Platform::runLater, new WalkRunbook.ScriptedDialogs(),
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        WalkServices services = new WalkServices(run, new SimpleObjectProperty<>(TargetCatalog.localOnly()),
                ServiceWatch.NONE, (delay, task) -> () -> { }, Clock.systemDefaultZone());
        WalkthroughViewModel walk = fx(() -> new WalkthroughViewModel(model.selectedProperty().get().id(), runbook,
                WalkRunbook.section(runbook, "Backend failing"), model.timeline(), services, null));
        robot.interact(() -> view.openWalkthrough(walk));
        fx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene s = new Scene(view, 1600 - RAIL, 1000);
            s.getStylesheets().add(java.util.Objects.requireNonNull(
                    dev.incidentconsole.app.gui.ConsoleApp.class.getResource("app.css")).toExternalForm());
            return s;
        });
        robot.interact(() -> walk.done(walk.steps().get(0), "checked the backend pods, the memory graphs and the last"
                + " deploy's diff; nothing points at the backend itself, moving on to the proxy in front of it"));
        awaitFx(() -> {
            assertThat(walk.steps().get(0).statusProperty().get()).contains("moving on to the proxy");
            view.applyCss();
            view.layout();
            javafx.scene.control.Button b = (javafx.scene.control.Button) view.lookup("#run-0");
            assertThat(b.getWidth()).as("Run beside a long status").isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
        });
    }
}
