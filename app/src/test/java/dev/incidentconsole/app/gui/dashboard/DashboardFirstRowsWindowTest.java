package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
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

/**
 * The real window's start, headless, on real loopback services: the dashboard's first rows are laid out in a pulse
 * of their own, before its toolbar, firing alerts, details and the rows' tails (sparkline, numbers, button: most of
 * the CSS that held them back), which follow.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardFirstRowsWindowTest {
    @TempDir
    static Path folder;
    private static HttpServer api;
    private static HttpServer web;

    private ConsoleApp app;
    /** Per pulse, from the start: whether a service row showed its name, whether the toolbar was there, and when. */
    private final List<Pulse> pulses = new ArrayList<>();

    private record Pulse(boolean dashboard, boolean rows, boolean toolbar, boolean tails, long nanos) {
    }

    @BeforeAll
    static void startServices() throws IOException {
        api = Loopback.healthy();
        web = Loopback.healthy();
        Files.writeString(folder.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 500ms, retries: 1}
                services:
                  - {name: api, port: %d, http: /health}
                  - {name: web, port: %d, http: /health}
                """.formatted(Loopback.port(api), Loopback.port(web)));
    }

    @AfterAll
    static void stopServices() {
        api.stop(0);
        web.stop(0);
    }

    @Start
    void start(Stage stage) {
        // A wait no start here outlasts: the toolbar can only follow the rows, so the order is always checked.
        app = new ConsoleApp(folder, null).firstRowsWait(javafx.util.Duration.millis(WindowSteps.PATIENCE.toMillis()));
        app.start(stage);
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(() -> pulses.add(new Pulse(scene.getRoot().lookup(".dashboard-view") != null,
                scene.getRoot().lookupAll(".service-name").stream().anyMatch(DashboardFirstRowsWindowTest::showsText),
                scene.getRoot().lookup(".dashboard-toolbar") != null, scene.getRoot().lookup(".sparkline") != null,
                System.nanoTime())));
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theFirstRowsAreLaidOutBeforeTheToolbarWhichFollowsThem(FxRobot robot) {
        awaitFx(() -> assertThat(pulses.stream().anyMatch(Pulse::rows)).as("a pulse laid out a row's name").isTrue());
        awaitFx(() -> assertThat(robot.lookup(".environment-picker").tryQuery()).isPresent());
        awaitFx(() -> assertThat(robot.lookup(".alerts-pane").tryQuery()).isPresent());

        List<Pulse> seen = fx(() -> List.copyOf(pulses));
        assertThat(seen).as("a pulse laid out the dashboard").anyMatch(Pulse::dashboard);
        Pulse firstRows = seen.stream().filter(Pulse::rows).findFirst().orElseThrow();
        assertThat(firstRows.toolbar()).as("the toolbar in the pulse that first lays out a row's name").isFalse();
        assertThat(firstRows.tails()).as("a row's sparkline in the pulse that first lays out a row's name").isFalse();
        assertThat(fx(() -> robot.lookup(".sparkline").queryAll())).as("the rows' tails follow").isNotEmpty();
        assertThat(fx(() -> robot.lookup(".service-name").queryAll().stream().filter(DashboardFirstRowsWindowTest::showsText)
                .map(n -> ((Labeled) n).getText()).toList())).as("the rows stay").contains("api", "web");
    }

    private static boolean showsText(Node n) {
        return n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && n.isVisible();
    }
}
