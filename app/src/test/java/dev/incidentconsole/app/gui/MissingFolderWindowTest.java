package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** A folder that cannot be opened shows a sentence in the window, not a crash or an empty tree. */
@ExtendWith(ApplicationExtension.class)
class MissingFolderWindowTest {
    @TempDir
    static Path dir;

    private ConsoleApp app;

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(dir.resolve("no-such-folder"), null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void missingFolderShowsAnErrorNamingIt(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");

        Message error = WindowSteps.awaitShown(robot, ".folder-error"); // once loading the folder has failed
        checkNow(() -> {
            assertThat(error.getDescription()).contains("no-such-folder").contains("does not exist");
            assertThat(robot.lookup(".outline-tree").query().isVisible()).isFalse();
        });
    }
}
