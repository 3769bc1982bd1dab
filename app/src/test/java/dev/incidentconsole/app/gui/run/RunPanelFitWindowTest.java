package dev.incidentconsole.app.gui.run;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
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
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The Runs panel, headless, 900 px wide, refusing a run with a 300-character reason: the reason gives way (cut,
 * whole in its tooltip), while Run, Cancel and Open in terminal keep their preferred width (the try-out saw them
 * squeezed to "R..."); its long placeholder name is cut too (whole in its tooltip) so that the value field keeps
 * a usable width.
 */
@ExtendWith(ApplicationExtension.class)
class RunPanelFitWindowTest {
    private static final String NAME = "pod-of-the-checkout-service-".repeat(8) + "x";

    @TempDir
    static Path dir;

    private CommandRunner runner;
    private CommandRunViewModel model;
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        RunServices services = new RunServices(runner, new DirectTaskExecutor(), Platform::runLater,
                new RunTestDialogs(), TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        String text = "kubectl logs <" + NAME + ">";
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        model = new CommandRunViewModel(new Command(text, 1, "", "", Placeholders.find(text), Runner.SHELL,
                DangerRules.check(text)), new TargetCatalog(List.of(local), List.of(), null), services);
        RunPanel panel = new RunPanel(model);
        Scene scene = new Scene(panel, 900, 500);
        scene.getStylesheets().add(dev.incidentconsole.app.gui.ConsoleApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        runner.close();
    }

    @Test
    void aLongRefusalIsCutAndTheButtonsKeepTheirWidth(FxRobot robot) {
        fx(() -> {
            model.placeholders().get(0).valueProperty().set("web-1\0");
            model.run();
            return null;
        });
        String refusal = fx(() -> model.messageProperty().get());
        assertThat(refusal).as("a refusal of 300 characters or more").hasSizeGreaterThanOrEqualTo(300)
                .contains("NUL byte");

        awaitFx(() -> {
            Label status = robot.lookup("#run-status").queryAs(Label.class);
            assertThat(status.getText()).isEqualTo(refusal);
            for (String id : List.of("#run-button", "#cancel-button", "#terminal-button")) {
                Button b = robot.lookup(id).queryAs(Button.class);
                assertThat(b.getWidth()).as("%s width", id).isCloseTo(b.prefWidth(-1), org.assertj.core.data.Offset.offset(1.0));
            }
            Bounds shown = status.localToScene(status.getBoundsInLocal());
            assertThat(shown.getMaxX()).as("inside the window").isLessThanOrEqualTo(900);
            assertThat(status.getWidth()).as("cut").isLessThan(status.prefWidth(-1));
            assertThat(status.getTooltip().getText()).isEqualTo(refusal);
        });
        screenshot("run-long-refusal.png");
    }

    @Test
    void aLongPlaceholderNameIsCutAndItsFieldKeepsAUsableWidth(FxRobot robot) {
        awaitFx(() -> {
            Label token = robot.lookup(".placeholder-chip").queryAs(Label.class);
            javafx.scene.control.TextField input = robot.lookup(".placeholder-input").queryAs(javafx.scene.control.TextField.class);
            assertThat(token.getWidth()).as("name cut").isLessThan(token.prefWidth(-1));
            assertThat(token.getTooltip().getText()).isEqualTo("<" + NAME + ">");
            assertThat(input.getWidth()).as("value field width").isGreaterThanOrEqualTo(RunPanel.INPUT_MIN_WIDTH)
                    .isGreaterThan(900 / 2.0);
            Bounds field = input.localToScene(input.getBoundsInLocal());
            assertThat(field.getMaxX()).as("field inside the window").isLessThanOrEqualTo(900);
        });
        screenshot("run-long-placeholder.png");
    }

    /** The panel as a picture, when a folder for screenshots is named ({@code -Dincident.screenshots}). */
    private void screenshot(String name) {
        String folder = System.getProperty("incident.screenshots", "");
        if (!folder.isBlank()) {
            fx(() -> {
                Path out = Path.of(folder).resolve(name);
                java.nio.file.Files.createDirectories(out.getParent());
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null),
                        null), "png", out.toFile());
                return null;
            });
        }
    }
}
