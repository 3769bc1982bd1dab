package dev.incidentconsole.app.gui.run;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * A Runs panel whose command has an optional value ({@code ${LOG_LEVEL_OPT}}) before a required one
 * ({@code <pod>}), asked for the keyboard before it is in the window: the required value gets it once shown.
 */
@ExtendWith(ApplicationExtension.class)
class RunPanelFocusWindowTest {
    @TempDir
    static Path dir;

    private CommandRunner runner;

    @Start
    void start(Stage stage) {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        RunServices services = new RunServices(runner, new DirectTaskExecutor(), Platform::runLater,
                new RunTestDialogs(), TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        String text = "kubectl logs --v=${LOG_LEVEL_OPT} <pod>";
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        CommandRunViewModel model = new CommandRunViewModel(new Command(text, 1, "", "", Placeholders.find(text),
                Runner.SHELL, DangerRules.check(text)), new TargetCatalog(List.of(local), List.of(), null), services);
        RunPanel panel = new RunPanel(model);
        panel.takeFocus();
        stage.setScene(new Scene(panel, 900, 500));
        stage.show();
    }

    @Stop
    void stop() {
        runner.close();
    }

    @Test
    void theFirstEmptyRequiredValueTakesTheKeyboardNotAnOptionalOne(FxRobot robot) {
        awaitFx(() -> {
            List<TextField> inputs = robot.lookup(".placeholder-input").queryAllAs(TextField.class).stream().toList();
            assertThat(inputs).hasSize(2);
            TextField required = inputs.stream().filter(i -> "required".equals(i.getPromptText())).findFirst().orElseThrow();
            assertThat(required.getScene().getFocusOwner()).isSameAs(required);
        });
    }
}
