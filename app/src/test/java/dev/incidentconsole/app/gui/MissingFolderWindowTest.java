package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

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
    void missingFolderShowsAnErrorNamingIt(FxRobot robot) throws TimeoutException {
        WindowSteps.show(robot, "Runbooks");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".folder-error").tryQuery()
                .map(n -> n.isVisible() && n.getParent().isVisible()).orElse(false));

        Message error = robot.lookup(".folder-error").queryAs(Message.class);
        assertThat(error.getDescription()).contains("no-such-folder").contains("does not exist");
        assertThat(robot.lookup(".outline-tree").query().isVisible()).isFalse();
    }
}
