package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a team's workspace (seed 000's AOS runbook and an environment file) whose Alertmanager, a
 * real HTTP server speaking its v2 API, reports three alerts: one with a GitHub {@code runbook_url}, one with
 * only an expression in its {@code generatorURL}, one with only a {@code service} label. The alert pane links each to the section that answers it, says why, and the link
 * opens the section. With {@code -Dincident.screenshots=FOLDER} it saves the dashboard as
 * {@code dashboard-alert.png} (the README's).
 */
@ExtendWith(ApplicationExtension.class)
class AlertLinkWindowTest {
    private static final String SEED = "000_8a79b9de71f785a0.txt";
    private static final String ALERTS = """
            [{"labels": {"alertname": "RateLimiterDisconnected", "severity": "critical", "job": "aos-backend"},
              "annotations": {"summary": "rate limiter lost Redis"},
              "generatorURL": "http://prometheus:9090/graph?g0.expr=aos_rate_limit_redis_connected+%3D%3D+0&g0.tab=1",
              "startsAt": "2026-12-06T01:49:30.000Z", "fingerprint": "c3", "status": {"state": "active"}},
             {"labels": {"alertname": "AosBackendDown", "severity": "critical", "job": "aos-backend"},
              "annotations": {"summary": "/health failing for 5 minutes",
                "runbook_url": "https://github.com/acme/aos/blob/main/docs/aos-oncall.md#1-backend-health-check-failing"},
              "startsAt": "2026-12-06T01:50:55.000Z", "fingerprint": "a1", "status": {"state": "active"}},
             {"labels": {"alertname": "ConnectionPoolSaturated", "severity": "warning", "service": "PgBouncer"},
              "annotations": {"summary": "pool 95% used"},
              "startsAt": "2026-12-06T01:52:10.000Z", "fingerprint": "b2", "status": {"state": "active"}}]
            """;

    @TempDir
    Path folder;

    private final List<HttpServer> servers = new java.util.ArrayList<>();
    private ConsoleApp app;
    private Stage stage;

    @Start
    void start(Stage shown) throws IOException {
        stage = shown;
        String shared = System.getProperty("incident.shared.dir");
        assumeTrue(shared != null && Files.exists(Path.of(shared, "seeds", SEED)), "seed " + SEED + " is absent; skipping");
        Files.copy(Path.of(shared, "seeds", SEED), folder.resolve("aos-oncall.md"));
        HttpServer alertmanager = started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        alertmanager.createContext("/api/v2/alerts", ex -> {
            byte[] body = ALERTS.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        HttpServer backend = Loopback.healthy();
        servers.add(backend);
        Files.writeString(folder.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 2s, timeout: 1s, retries: 1}
                services:
                  - {name: Backend API, port: %d, http: /health, components: [PostgreSQL, Redis]}
                  - {name: PgBouncer, port: %d, components: [PgBouncer]}
                  - {name: Grafana, port: %d, http: /api/health}
                  - {name: Alertmanager, port: %d, alertmanager: {}}
                """.formatted(Loopback.port(backend), Loopback.port(backend), Loopback.closedPort(),
                alertmanager.getAddress().getPort()));
        app = new ConsoleApp(folder, null);
        app.start(stage);
    }

    private HttpServer started(HttpServer server) {
        servers.add(server);
        server.start();
        return server;
    }

    @Stop
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void eachFiringAlertLinksToTheSectionThatAnswersItAndSaysWhy(FxRobot robot) throws IOException {
        awaitFx(() -> assertThat(alertLinks(robot)).containsExactly(
                "RateLimiterDisconnected: 2. Rate Limiting Issues (AOS On-Call Runbook) | expression: metric"
                        + " aos_rate_limit_redis_connected in its commands",
                "AosBackendDown: 1. Backend Health Check Failing (AOS On-Call Runbook) | runbook_url annotation",
                "ConnectionPoolSaturated: 4. Database Connection Errors (AOS On-Call Runbook) | label service=\"PgBouncer\""
                        + " names service PgBouncer (mentions PgBouncer)"));
        // Rows move as checks come in, so a click can land on a row that just changed: click again until it holds.
        await().atMost(WindowSteps.PATIENCE).untilAsserted(() -> {
            WindowSteps.click(robot, ".service-cell", c -> c.lookup(".service-name") instanceof Label l
                    && "PgBouncer".equals(l.getText()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(WindowSteps.fx(() -> WindowSteps.text(robot, ".detail-name"))).isEqualTo("PgBouncer");
        });
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".detail-stats")).containsPattern("over ([3-9]|\\d\\d+) checks"));
        screenshot();

        WindowSteps.click(robot, ".alert-list .hyperlink", n -> ((Hyperlink) n).getText().startsWith("1. Backend"));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("1. Backend Health Check Failing"));
    }

    /** Each alert with its best section and why, as {@code name: link | why}. Call on the FX thread. */
    private static List<String> alertLinks(FxRobot robot) {
        return robot.lookup(".alert-list .list-cell").queryAll().stream()
                .filter(c -> c.lookup(".alert-name") != null && c.lookup(".hyperlink") != null)
                .map(c -> ((Label) c.lookup(".alert-name")).getText() + ": " + ((Hyperlink) c.lookup(".hyperlink")).getText()
                        + " | " + ((Label) c.lookup(".alert-why")).getText())
                .toList();
    }

    private void screenshot() throws IOException {
        String shots = System.getProperty("incident.screenshots", "");
        if (shots.isBlank()) {
            return;
        }
        var image = WindowSteps.fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Files.createDirectories(Path.of(shots));
        ImageIO.write(image, "png", Path.of(shots, "dashboard-alert.png").toFile());
    }
}
