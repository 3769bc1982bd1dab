package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.links.LinkHandOff;
import dev.incidentconsole.app.links.LinkRunbooks;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The open window takes a link a later launch hands over, and shows its section. */
@ExtendWith(ApplicationExtension.class)
class LinkHandOffWindowTest {
    @TempDir
    static Path dir;

    private ConsoleApp app;
    private volatile boolean stoppedByTest;

    @BeforeAll
    static void writeRunbooks() throws IOException {
        LinkRunbooks.write(dir.resolve("runbooks"));
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
        if (!stoppedByTest) {
            app.stop();
        }
    }

    @Test
    void aLinkHandedToTheOpenWindowShowsItsSection(FxRobot robot) {
        Path socket = listening();

        assertThat(LinkHandOff.send(socket, "incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment"))
                .as("handed over").isTrue();

        awaitFx(() -> {
            assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Runbooks");
            assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Restart a deployment");
        });
    }

    @Test
    void anAlertLinksLabelsFillThePlaceholdersOfTheCommandsRunFromItsSection(FxRobot robot) {
        Path socket = listening();

        assertThat(LinkHandOff.send(socket,
                "incident-console://alert?name=PodCrashLooping&label.namespace=lantern&label.pod=api-1%3B%20rm%20-rf%20~"))
                .as("handed over").isTrue();
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).contains("PodCrashLooping"));
        WindowSteps.click(robot, ".run-command-button");

        awaitFx(() -> {
            assertThat(WindowSteps.selectedRailEntry(robot)).isEqualTo("Runs");
            assertThat(robot.lookup(".run-panel .placeholder-input").<TextInputControl>queryAll())
                    .extracting(TextInputControl::getText).containsExactly("lantern", "api-1; rm -rf ~");
        });
    }

    @Test
    void aLinkArrivingAsTheWindowClosesIsRefusedSoItsSenderOpensAWindowOfItsOwn() throws Exception {
        Path socket = listening();
        CountDownLatch handed = new CountDownLatch(1);
        // the UI thread is busy when the link arrives, and the next thing it does is close the window
        Platform.runLater(() -> {
            try {
                handed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stoppedByTest = true;
            app.stop();
        });
        CompletableFuture<Boolean> sent = CompletableFuture.supplyAsync(() -> LinkHandOff.send(socket,
                "incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment"));
        Thread.sleep(1000); // the line reaches the listener, which queues the link behind the busy UI thread
        handed.countDown();

        assertThat(sent.get(10, TimeUnit.SECONDS)).as("taken by a window that was closing").isFalse();
    }

    /** The window's socket, once the window listens on it. */
    private static Path listening() {
        Path socket = LinkHandOff.socketIn(dir.resolve("data"));
        await().atMost(WindowSteps.PATIENCE).until(() -> socket.toFile().exists());
        return socket;
    }
}
