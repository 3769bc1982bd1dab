package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.dashboard.DashboardFeature;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.dashboard.ServiceRow;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.gui.runbooks.RunbookLoader;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.util.FxSteps;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace switch made while the first workspace's environment file is still being read: the latest workspace is
 * the one the outline, the dashboard and every other feature end on. Real dashboard and outline view models reading
 * real folders; the executor holds their work so the test plays the race out.
 */
class WorkspaceHandOffTest {
    @TempDir
    Path dir;

    private final HeldTaskExecutor executor = new HeldTaskExecutor();
    private final List<String> started = new ArrayList<>();
    private DashboardViewModel dashboard;
    private RunbookTreeViewModel outline;
    private Path first;
    private Path team;
    private final List<DashboardFeature> closing = new ArrayList<>();

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { }); // the dashboard's pump is an FX timeline
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started it
        }
    }

    @BeforeEach
    void workspaces() throws IOException {
        first = workspace("first", "first-env", "First service", "First service down", 1);
        team = workspace("team", "team-env", "Team API", "API down", 2);
        dashboard = new DashboardViewModel(executor, HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(),
                new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
        outline = new RunbookTreeViewModel(executor, new RunbookLoader(new RunbookParser()));
    }

    @AfterEach
    void close() {
        dashboard.close();
        closing.forEach(DashboardFeature::close);
    }

    @Test
    void aSwitchBeforeTheFirstEnvironmentFileIsReadStartsEveryFeatureOnTheLatestWorkspace() {
        WorkspaceHandOff handOff = new WorkspaceHandOff(features(), Runnable::run, executor.latestWins());

        handOff.show(first, true);
        handOff.show(team, false); // the user's switch; the first file's read is still held
        executor.runAll();

        assertOnTeam();
    }

    @Test
    void aSwitchAfterTheFirstFileWasReadButBeforeTheStartUpStepsEndedStartsOnlyTheLatestWorkspace() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        FxSteps steps = new FxSteps(fxQueue::add).then(() -> { });
        WorkspaceHandOff handOff = new WorkspaceHandOff(features(), steps::whenDone, executor.latestWins());
        steps.start();

        handOff.show(first, true);
        executor.runAll(); // the first file is read: its features' start waits for the steps
        handOff.show(team, false);
        executor.runAll();
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
        executor.runAll();

        assertOnTeam();
    }

    @Test
    void aSwitchOnceTheFeaturesStartedMovesThemAll() {
        WorkspaceHandOff handOff = new WorkspaceHandOff(features(), Runnable::run, executor.latestWins());
        handOff.show(first, true);
        executor.runAll();
        assertThat(started).containsExactly(first.getFileName().toString());

        handOff.show(team, false);
        executor.runAll();

        assertThat(started).containsExactly("first", "switched to team");
        assertThat(outline.folderProperty().get()).isEqualTo(team);
        assertThat(dashboard.environment().names()).containsExactly("team-env");
    }

    @Test
    void aServiceChosenAtLaunchIsNotSelectedOnceTheUserSwitchedWorkspaceDuringStartUp() {
        DashboardFeature launched = launchedWithService("api");
        WorkspaceHandOff handOff = new WorkspaceHandOff(windowFeatures(launched), Runnable::run, executor.latestWins());

        // On the FX thread, as in the window: the dashboard's pump applies checks there.
        WindowSteps.fx(() -> {
            handOff.show(first, true);
            handOff.show(team, false); // the user's switch; the first file's read is still held
            executor.runAll();
            return null;
        });

        WindowSteps.checkNow(() -> {
            assertThat(launched.model().environment().names()).containsExactly("team-env");
            assertThat(launched.model().rows()).extracting(ServiceRow::name).containsExactly("api");
            assertThat(launched.model().selectedProperty().get())
                    .as("the launch's service, chosen for the first workspace").isNull();
        });
    }

    @Test
    void aServiceChosenAtLaunchIsSelectedOnTheWorkspaceItWasChosenFor() {
        DashboardFeature launched = launchedWithService("api");
        WorkspaceHandOff handOff = new WorkspaceHandOff(windowFeatures(launched), Runnable::run, executor.latestWins());

        WindowSteps.fx(() -> {
            handOff.show(first, true);
            executor.runAll();
            return null;
        });
        WindowSteps.checkNow(() ->
                assertThat(launched.model().selectedProperty().get()).extracting(ServiceRow::name).isEqualTo("api"));

        WindowSteps.fx(() -> {
            handOff.show(team, false);
            executor.runAll();
            return null;
        });
        WindowSteps.checkNow(() -> {
            assertThat(launched.model().environment().names()).containsExactly("team-env");
            assertThat(launched.model().selectedProperty().get()).as("the first workspace's row, gone with it").isNull();
        });
    }

    /**
     * The try-out's defect: the early guess at the workspace (settings read before the window) was corrected by the
     * executor's read, and the correction dropped {@code --service} and {@code --environment}, which were given for
     * the workspace the launch chose, the corrected one.
     */
    @Test
    void theLaunchsServiceAndEnvironmentSurviveTheCorrectionOfTheEarlyWorkspace() throws IOException {
        Files.writeString(team.resolve("environments.yaml"), """
                default: team-env
                environments:
                  team-env:
                    services:
                      - {name: web, host: 127.0.0.1, port: 3, interval: 365d}
                  team-alt:
                    services:
                      - {name: api, host: 127.0.0.1, port: 2, interval: 365d}
                """);
        DashboardFeature launched = launched(Map.of(LaunchOptions.SERVICE, "api", LaunchOptions.ENVIRONMENT, "team-alt"));
        WorkspaceHandOff handOff = new WorkspaceHandOff(windowFeatures(launched), Runnable::run, executor.latestWins());

        // corrected while the guess's file is read, then (a later guess) once the features started
        for (boolean afterStart : new boolean[] {false, true}) {
            WindowSteps.fx(() -> {
                handOff.show(afterStart ? dir : first, true); // the early guess
                if (afterStart) {
                    executor.runAll();
                }
                handOff.show(team, true); // the executor's read chose another workspace: the launch's
                executor.runAll();
                return null;
            });
            WindowSteps.checkNow(() -> {
                assertThat(launched.model().environment().nameProperty().get()).isEqualTo("team-alt");
                assertThat(launched.model().selectedProperty().get()).extracting(ServiceRow::name).isEqualTo("api");
            });
        }
    }

    /** The window's dashboard as {@code incident-console --service NAME} starts it, on the held executor. */
    private DashboardFeature launchedWithService(String service) {
        return launched(Map.of(LaunchOptions.SERVICE, service));
    }

    private DashboardFeature launched(Map<String, String> launch) {
        Map<String, String> properties = new java.util.HashMap<>(launch);
        properties.put(LaunchOptions.CONFIG_DIR, dir.resolve("config").toString());
        DashboardFeature feature = new DashboardFeature(executor, LaunchOptions.of(properties, Map.of()));
        closing.add(feature);
        return feature;
    }

    /** As ConsoleApp hands the workspaces to its dashboard; the other features only count their starts. */
    private WorkspaceHandOff.Features windowFeatures(DashboardFeature feature) {
        return new WorkspaceHandOff.Features() {
            @Override
            public void readEnvironment(Path folder, boolean firstOne, boolean launched, Runnable afterRead) {
                if (firstOne) {
                    feature.start(folder, launched, afterRead);
                } else {
                    feature.useWorkspace(folder, launched, afterRead);
                }
            }

            @Override
            public void start(Path folder) {
                started.add(folder.getFileName().toString());
            }

            @Override
            public void switchTo(Path folder, boolean launched) {
                feature.useWorkspace(folder, launched, () -> { });
            }
        };
    }

    private void assertOnTeam() {
        assertThat(started).as("the features started once, on the latest workspace").containsExactly("team");
        assertThat(outline.folderProperty().get()).isEqualTo(team);
        assertThat(outline.runbooks().stream().map(n -> n.runbook().title())).containsExactly("Team API");
        assertThat(dashboard.environment().names()).containsExactly("team-env");
    }

    /** The window's features as far as the workspace goes: the dashboard's file, the outline, a record of starts. */
    private WorkspaceHandOff.Features features() {
        return new WorkspaceHandOff.Features() {
            @Override
            public void readEnvironment(Path folder, boolean firstOne, boolean launched, Runnable afterRead) {
                dashboard.openEnvironmentFile(folder.resolve("environments.yaml"), null, afterRead);
            }

            @Override
            public void start(Path folder) {
                started.add(folder.getFileName().toString());
                outline.load(folder);
            }

            @Override
            public void switchTo(Path folder, boolean launched) {
                started.add("switched to " + folder.getFileName());
                dashboard.openEnvironmentFile(folder.resolve("environments.yaml"), null);
                outline.load(folder);
            }
        };
    }

    /** A workspace whose environment has one service, {@code api}, on {@code port} of the loopback address. */
    private Path workspace(String name, String environment, String title, String section, int port) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("environments.yaml"), """
                default: %s
                environments:
                  %s:
                    services:
                      - {name: api, host: 127.0.0.1, port: %d, interval: 365d}
                """.formatted(environment, environment, port));
        Files.writeString(folder.resolve(name + ".md"), "# " + title + "\n\n## " + section + "\n\nRestart it.\n");
        return folder;
    }
}
