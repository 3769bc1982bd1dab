package dev.incidentconsole.app.gui.workspace;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * The real window, headless: it starts on the bundled demo, switches to a team folder with its own
 * environments.yaml from the Recent workspaces menu, and after a restart on the same settings is still there.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceWindowTest {
    @TempDir
    static Path dir;
    private static Path team;
    private static HttpServer teamApi;
    private static String homeBefore;

    private SettingsStore settings;
    private Stage stage;
    private ConsoleApp app;

    @BeforeAll
    static void teamFolder() throws IOException {
        // The demo is the project's real bundled runbooks (with the Lantern environment file beside them).
        homeBefore = System.getProperty("incident.home");
        System.setProperty("incident.home", Path.of(System.getProperty("incident.project.dir", "..")).toAbsolutePath()
                .normalize().toString());
        teamApi = Loopback.healthy();
        team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("environments.yaml"), """
                default: team-staging
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 500ms, retries: 1}
                environments:
                  team-staging:
                    services:
                      - {name: team-api, port: %d, http: /health}
                """.formatted(Loopback.port(teamApi)));
        Files.writeString(team.resolve("team-api.md"), "# Team API\n\n## API down\n\nRestart it.\n");
    }

    @AfterAll
    static void restore() {
        teamApi.stop(0);
        if (homeBefore == null) {
            System.clearProperty("incident.home");
        } else {
            System.setProperty("incident.home", homeBefore);
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        settings = new SettingsStore(dir.resolve("config/settings.json"));
        settings.update(s -> s.withWorkspace(team).withWorkspace(null)); // opened once before, now back on the demo
        app = new ConsoleApp(null, null, settings);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void aFolderWithItsOwnEnvironmentFileBecomesTheDashboardsEnvironmentAndStaysAfterARestart(FxRobot robot)
            throws IOException {
        WindowSteps.show(robot, "Runbooks");
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".folder-name")).isEqualTo("Demo runbooks (bundled)"));
        WindowSteps.show(robot, "Dashboard");
        awaitFx(() -> assertThat(environments(robot)).contains("local", "staging").doesNotContain("team-staging"));

        WindowSteps.show(robot, "Runbooks");
        WindowSteps.click(robot, ".recent-workspaces");
        WindowSteps.click(robot, ".context-menu .label", n -> WindowSteps.textOf(n).startsWith("team "));

        awaitFx(() -> assertThat(WindowSteps.text(robot, ".folder-name")).isEqualTo("team"));
        awaitFx(() -> assertThat(robot.lookup(".outline-tree .label").queryAll().stream().map(WindowSteps::textOf))
                .contains("API down").doesNotContain("Redis Down: Fallback and Failover"));
        WindowSteps.show(robot, "Dashboard");
        awaitTeamEnvironment(robot);
        assertThat(settings.load().workspace()).isEqualTo(team);

        robot.interact(() -> {
            app.stop();
            app = new ConsoleApp(null, null, settings);
            app.start(stage);
        });

        awaitTeamEnvironment(robot);
        WindowSteps.show(robot, "Runbooks");
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".folder-name")).isEqualTo("team"));
    }

    private static void awaitTeamEnvironment(FxRobot robot) {
        awaitFx(() -> {
            assertThat(environments(robot)).containsExactly("team-staging");
            assertThat(robot.lookup(".service-cell").queryAll().stream()
                    .filter(c -> c.lookup(".service-name") instanceof Label l && "team-api".equals(l.getText()))
                    .map(Node::getStyleClass).flatMap(List::stream)).contains("status-up");
            assertThat(robot.lookup(".service-name").queryAll().stream().map(WindowSteps::textOf))
                    .as("no bundled Lantern service left").allMatch(name -> name.isEmpty() || name.equals("team-api"));
        });
    }

    private static List<String> environments(FxRobot robot) {
        // The picker comes with the dashboard's toolbar, a pulse after its first rows: none yet reads as no names.
        return robot.lookup(".environment-picker").tryQuery()
                .map(n -> ((javafx.scene.control.ComboBox<?>) n).getItems().stream().map(String::valueOf).toList())
                .orElse(List.of());
    }
}
