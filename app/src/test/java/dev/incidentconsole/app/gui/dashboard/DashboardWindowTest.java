package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, watching real loopback services from an environment file next to the runbooks. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    @TempDir
    static Path folder;
    private static HttpServer api;
    private static HttpServer web;

    private ConsoleApp app;

    @BeforeAll
    static void startServices() throws IOException {
        api = Loopback.healthy();
        web = Loopback.healthy();
        Files.writeString(folder.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 500ms, retries: 1}
                services:
                  - {name: api, port: %d, http: /health, tags: [tier1]}
                  - {name: web, port: %d, http: /health, runbooks: ["web.md#Web service down"]}
                """.formatted(Loopback.port(api), Loopback.port(web)));
        // The port table adds a second environment once the runbooks load, after the file's.
        Files.writeString(folder.resolve("web.md"), """
                # Web Runbook

                | Service | Port |
                |---------|------|
                | Web | %d |

                ## Web service down

                **Symptoms:** the health check fails

                **Resolution:**
                ```bash
                systemctl restart web
                ```
                """.formatted(Loopback.port(web)));
    }

    @AfterAll
    static void stopServices() {
        api.stop(0);
        web.stop(0);
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(folder, null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void serviceRowTurnsFromUpToDownWithinAnIntervalOfItsServerStopping(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> hasStyle(robot, "api", "status-up"));
        assertThat(text(robot, "api", ".status-word")).isEqualTo("UP");
        await().atMost(Duration.ofSeconds(15)).until(() -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup(".environment-picker").queryComboBox().getItems().size()).get() == 2);
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Labeled) robot.lookup(".environment-picker .list-cell").match(Node::isVisible).query()).getText())
                .get(5, TimeUnit.SECONDS)).as("the picker still names the environment after the list grew").isEqualTo("environments");

        api.stop(0);

        // One interval to the next check, one to fail, and a margin for a loaded machine.
        await().atMost(INTERVAL.multipliedBy(4)).until(() -> hasStyle(robot, "api", "status-down"));
        assertThat(text(robot, "api", ".status-word")).isEqualTo("DOWN");
        assertThat(text(robot, "api", ".service-reason")).containsIgnoringCase("refused");
        assertThat(hasStyle(robot, "web", "status-up")).isTrue();
    }

    @Test
    void selectingAServiceShowsItsRunbookSectionWhichOpensInTheRunbooksView(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> hasStyle(robot, "web", "status-up"));
        robot.clickOn(cell(robot, "web").orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".runbook-link").tryQuery().isPresent());

        Hyperlink link = robot.lookup(".runbook-link").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("Web service down (Web Runbook)");
        assertThat(robot.lookup(".detail-name").queryLabeled().getText()).isEqualTo("web");
        robot.clickOn(link);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".section-title").tryQuery()
                .map(n -> ((Label) n).getText()).filter("Web service down"::equals).isPresent());
    }

    private static Optional<Node> cell(FxRobot robot, String service) {
        return robot.lookup(".service-cell").queryAll().stream()
                .filter(c -> c.lookup(".service-name") instanceof Label l && service.equals(l.getText()))
                .findFirst();
    }

    private static boolean hasStyle(FxRobot robot, String service, String style) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> cell(robot, service).map(c -> c.getStyleClass().contains(style)).orElse(false))
                .get(5, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String service, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> cell(robot, service).map(c -> ((Label) c.lookup(query)).getText()).orElse(""))
                .get(5, TimeUnit.SECONDS);
    }
}
