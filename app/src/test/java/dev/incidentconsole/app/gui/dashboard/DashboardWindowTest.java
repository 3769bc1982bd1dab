package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
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

/** The real window, headless, watching real loopback services from an environment file next to the runbooks. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    @TempDir
    static Path folder;
    private static HttpServer api;
    private static HttpServer web;
    private static HttpServer payments;

    private ConsoleApp app;

    @BeforeAll
    static void startServices() throws IOException {
        api = Loopback.healthy();
        web = Loopback.healthy();
        payments = Loopback.healthy();
        Files.writeString(folder.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 500ms, retries: 1}
                services:
                  - {name: api, port: %d, http: /health, tags: [tier1]}
                  - {name: web, port: %d, http: /health, runbooks: ["web.md#Web service down"]}
                  - {name: payments, port: %d, http: /health}
                """.formatted(Loopback.port(api), Loopback.port(web), Loopback.port(payments)));
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
        payments.stop(0);
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
    void serviceRowTurnsFromUpToDownOnItsOwnOnceItsServerStops(FxRobot robot) {
        awaitFx(() -> assertThat(cellStyles(robot, "api")).contains("status-up"));
        assertThat(fx(() -> text(robot, "api", ".status-word"))).isEqualTo("UP");
        awaitFx(() -> assertThat(robot.lookup(".environment-picker").queryComboBox().getItems()).hasSize(2));
        awaitFx(() -> assertThat(robot.lookup(".environment-picker .list-cell").match(Node::isVisible).tryQuery()
                .map(WindowSteps::textOf)).as("the picker still names the environment after the list grew")
                .contains("environments"));
        // The shown environment whole in the tooltip: the try-out read "runbook port t..." at 1.25 and 1.5.
        awaitFx(() -> assertThat(robot.lookup(".environment-picker").queryComboBox().getTooltip().getText())
                .isEqualTo("The environment whose services are watched: environments"));

        api.stop(0);

        // Nothing but the scheduler checks again (every second); the wait allows for a loaded machine.
        awaitFx(() -> assertThat(cellStyles(robot, "api")).contains("status-down"));
        checkNow(() -> {
            assertThat(text(robot, "api", ".status-word")).isEqualTo("DOWN");
            assertThat(text(robot, "api", ".service-reason")).containsIgnoringCase("refused");
            assertThat(cellStyles(robot, "web")).contains("status-up");
        });
    }

    @Test
    void aServiceGoingDownIsNamedInANoticeInsideTheWindowNotInASecondWindow(FxRobot robot) {
        awaitFx(() -> assertThat(cellStyles(robot, "payments")).contains("status-up"));

        payments.stop(0);

        awaitFx(() -> assertThat(robot.lookup(".down-notice-title").match(Node::isVisible).tryQuery()
                .map(WindowSteps::textOf)).contains("payments is DOWN"));
        checkNow(() -> {
            assertThat(robot.lookup(".down-notice-text").match(Node::isVisible).tryQuery().map(WindowSteps::textOf))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("payments: ").containsIgnoringCase("refused"));
            assertThat(javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing))
                    .as("the notice is drawn in the app's own window").hasSize(1);
        });
    }

    @Test
    void selectingAServiceShowsItsRunbookSectionWhichOpensInTheRunbooksView(FxRobot robot) {
        // All three checked (api is down when the other test ran first): a status change re-sorts the rows, which
        // would move the row under the pointer (payments' first status once did, in CI).
        awaitFx(() -> {
            assertThat(cellStyles(robot, "web")).contains("status-up");
            assertThat(cellStyles(robot, "api")).containsAnyOf("status-up", "status-down");
            assertThat(cellStyles(robot, "payments")).containsAnyOf("status-up", "status-down");
        });
        WindowSteps.click(robot, ".service-cell", c -> "web".equals(serviceName(c)));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".detail-name")).isEqualTo("web"));

        // The link shows once the runbooks have loaded in the background.
        Hyperlink link = WindowSteps.awaitShown(robot, ".runbook-link");
        assertThat(fx(link::getText)).isEqualTo("Web service down (Web Runbook)");
        WindowSteps.click(robot, ".runbook-link");

        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Web service down"));
        assertThat(fx(() -> WindowSteps.selectedRailEntry(robot))).isEqualTo("Runbooks");
    }

    /** The service a row shows; null for an empty row. Call on the FX thread. */
    private static String serviceName(Node cell) {
        return cell.lookup(".service-name") instanceof Label l ? l.getText() : null;
    }

    /** The row showing {@code service}. Call on the FX thread. */
    private static Optional<Node> cell(FxRobot robot, String service) {
        return robot.lookup(".service-cell").queryAll().stream().filter(c -> service.equals(serviceName(c))).findFirst();
    }

    /** The style classes of {@code service}'s row, none while it is not drawn. Call on the FX thread. */
    private static List<String> cellStyles(FxRobot robot, String service) {
        return cell(robot, service).map(c -> List.copyOf(c.getStyleClass())).orElse(List.of());
    }

    /** The text of {@code query} in {@code service}'s row. Call on the FX thread. */
    private static String text(FxRobot robot, String service, String query) {
        return cell(robot, service).map(c -> ((Label) c.lookup(query)).getText()).orElse("");
    }
}
