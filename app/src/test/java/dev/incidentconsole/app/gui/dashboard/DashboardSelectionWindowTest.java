package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The service an engineer is looking at stays selected while the rows re-sort under it: problems are listed first,
 * so the selected row moves when it (or another) changes status. When the rows below stayed in place, the list's
 * selection kept the row's old place, and the details switched to whichever service moved into it.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardSelectionWindowTest {
    @TempDir
    Path folder;
    /** payments fails from its first check, as a service that paged the engineer who opens the window on it. */
    private final AtomicInteger paymentsStatus = new AtomicInteger(503);
    private final List<HttpServer> servers = new java.util.ArrayList<>();
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws IOException {
        HttpServer api = Loopback.healthy();
        HttpServer web = Loopback.healthy();
        HttpServer payments = Loopback.http(paymentsStatus::get, "{\"status\": \"ok\"}");
        HttpServer docs = Loopback.healthy();
        servers.addAll(List.of(api, web, payments, docs));
        Files.writeString(folder.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 500ms, retries: 1}
                services:
                  - {name: api, port: %d, http: /health}
                  - {name: web, port: %d, http: /health}
                  - {name: payments, port: %d, http: /health}
                  - {name: docs, port: %d, http: /health}
                """.formatted(Loopback.port(api), Loopback.port(web), Loopback.port(payments), Loopback.port(docs)));
        // As `INCIDENT_CONSOLE_OPTS=-Dincident.service=payments incident-console FOLDER` starts it.
        app = new ConsoleApp(LaunchOptions.of(Map.of(LaunchOptions.RUNBOOKS, folder.toString(),
                LaunchOptions.SERVICE, "payments", LaunchOptions.CONFIG_DIR, folder.resolve("config").toString(),
                LaunchOptions.DATA_DIR, folder.resolve("data").toString()), Map.of()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void theServiceNamedAtLaunchStaysSelectedWhenItsFirstCheckMovesItToTheTop(FxRobot robot) {
        awaitFx(() -> assertThat(names(robot)).containsExactly("payments", "api", "web", "docs"));
        awaitFx(() -> assertThat(robot.lookup(".service-cell.status-up").queryAll()).hasSize(3));
        checkNow(() -> {
            assertThat(WindowSteps.text(robot, ".detail-name")).isEqualTo("payments");
            assertThat(selected(robot)).isEqualTo("payments");
        });
    }

    @Test
    void theSelectedServiceStaysSelectedWhenItsRowMovesToTheTop(FxRobot robot) {
        paymentsStatus.set(200);
        awaitFx(() -> assertThat(names(robot)).containsExactly("api", "web", "payments", "docs"));
        awaitFx(() -> assertThat(robot.lookup(".service-cell.status-up").queryAll()).hasSize(4));
        WindowSteps.click(robot, ".service-cell", c -> "payments".equals(serviceName(c)));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".detail-name")).isEqualTo("payments"));

        paymentsStatus.set(503);

        awaitFx(() -> assertThat(names(robot)).containsExactly("payments", "api", "web", "docs"));
        checkNow(() -> {
            assertThat(WindowSteps.text(robot, ".detail-name")).isEqualTo("payments");
            assertThat(selected(robot)).isEqualTo("payments");
        });
    }

    /** The services in the order the list shows them, none before the dashboard is built. Call on the FX thread. */
    private static List<String> names(FxRobot robot) {
        return robot.lookup(".service-list").tryQuery().map(list -> ((ListView<?>) list).getItems().stream()
                .map(row -> ((ServiceRow) row).name()).toList()).orElse(List.of());
    }

    /** The service the list has selected, or null. Call on the FX thread. */
    private static String selected(FxRobot robot) {
        Object row = robot.lookup(".service-list").queryAs(ListView.class).getSelectionModel().getSelectedItem();
        return row == null ? null : ((ServiceRow) row).name();
    }

    /** The service a row shows; null for an empty row. Call on the FX thread. */
    private static String serviceName(Node cell) {
        return cell.lookup(".service-name") instanceof Label l ? l.getText() : null;
    }
}
