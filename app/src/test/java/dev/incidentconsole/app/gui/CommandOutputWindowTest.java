package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The table a runbook shows a command printed is on screen under that command, with one Run button: the command's. */
@ExtendWith(ApplicationExtension.class)
class CommandOutputWindowTest {
    @TempDir
    static Path dir;

    private ConsoleApp app;

    @BeforeAll
    static void writeRunbook() throws IOException {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(dir.resolve("runbooks/redis.md"), """
                # Find the Redis pod

                ```
                k get pods | grep search-api-v2

                search-api-v2-65b7d9f8bc-6zttp          2/2     Running     0             26m
                search-api-v2-redis-78c497d984-xgc97    1/1     Running     0             29m
                ```
                """);
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(LaunchOptions.fromSystem()
                .with(LaunchOptions.DATA_DIR, dir.resolve("data").toString())
                .with(LaunchOptions.RUNBOOKS, dir.resolve("runbooks").toString()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void aCommandsPrintedTableIsShownUnderItWithoutRunButtons(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Find the Redis pod");

        awaitFx(() -> {
            assertThat(robot.lookup(".run-command-button").queryAll()).hasSize(1);
            assertThat(WindowSteps.text(robot, ".command-text-flow")).isEqualTo("k get pods | grep search-api-v2");
            assertThat(WindowSteps.text(robot, ".command-output")).contains("search-api-v2-65b7d9f8bc-6zttp",
                    "search-api-v2-redis-78c497d984-xgc97    1/1     Running");
        });
    }
}
