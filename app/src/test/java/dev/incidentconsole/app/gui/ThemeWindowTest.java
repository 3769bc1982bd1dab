package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The theme chosen last time comes back at the next start, and switching it is kept. */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {
    @TempDir
    static Path dir;
    private static SettingsStore settings;

    private ConsoleApp app;

    @BeforeAll
    static void darkLastTime() throws IOException {
        TestRunbooks.write(java.nio.file.Files.createDirectories(dir.resolve("runbooks")));
        settings = new SettingsStore(dir.resolve("config/settings.json"));
        settings.update(s -> s.withDark(true));
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(dir.resolve("runbooks"), null, settings);
        app.init(); // as Application.launch does, before start
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void startsDarkAsLeftAndSwitchingToLightIsKept(FxRobot robot) {
        checkNow(() -> assertThat(Application.getUserAgentStylesheet())
                .isEqualTo(new PrimerDark().getUserAgentStylesheetBSS()));

        WindowSteps.click(robot, ".theme-toggle");

        awaitFx(() -> {
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());
            assertThat(settings.load().dark()).as("kept in %s", settings.file()).isFalse();
        });
    }
}
