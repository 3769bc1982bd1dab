package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.incident.IncidentViewModel;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Headless window: a real service goes DOWN and recovers while an incident records a note and a restart about
 * it; the service's chart shows the DOWN stretch and marks both where they happened, and hovering the restart
 * shows it. With {@code -Dincident.screenshots=FOLDER} it also saves the window with the tooltip as
 * {@code service-chart.png} (the README's).
 */
@ExtendWith(ApplicationExtension.class)
class ServiceChartWindowTest {
    @TempDir
    Path dir;

    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer orders;
    private FxTaskExecutor executor;
    private IncidentStore store;
    private IncidentViewModel incidents;
    private DashboardFeature dashboard;
    private Stage stage;

    @Start
    void start(Stage shown) throws Exception {
        stage = shown;
        orders = Loopback.http(answer::get, "{\"status\":\"ok\"}");
        Files.writeString(dir.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, timeout: 2s, retries: 1}
                services:
                  - {name: orders, port: %d, http: /health}
                  - {name: billing, port: %d, http: /health}
                """.formatted(Loopback.port(orders), Loopback.port(orders)));
        executor = new FxTaskExecutor(2);
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(executor, Platform::runLater, () -> store, "alice");
        incidents.followStore();
        dashboard = new DashboardFeature(executor,
                LaunchOptions.of(Map.of(LaunchOptions.CONFIG_DIR, dir.resolve("config").toString()), Map.of()));
        // What IncidentFeature.watchDashboard does in the window.
        dashboard.model().followIncident(incidents.timeline().incidentProperty(), incidents.timeline().entries());
        dashboard.model().selectWhenShown("orders");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Never larger than the screen: Monocle's headless one fails on a window beyond it.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new DashboardView(dashboard.model()), Math.min(1360, screen.getWidth()),
                Math.min(760, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        dashboard.start(dir);
    }

    @Stop
    void stop() {
        dashboard.close();
        incidents.close();
        executor.close();
        store.close();
        orders.stop(0);
    }

    @Test
    void theChartMarksTheNoteAndTheRestartOnTheOutageAndHoveringTheRestartShowsIt(FxRobot robot) throws Exception {
        awaitFx(() -> assertThat(chart().answered()).hasSizeGreaterThanOrEqualTo(2));
        Incident incident = started(new IncidentDraft("Orders API returns 503", Severity.P1, "", List.of(), List.of(), null));

        answer.set(503);
        awaitFx(() -> assertThat(chart().failed()).hasSizeGreaterThanOrEqualTo(2));
        record(incident, new EntryBody.Note("orders answers 503: its connection pool is exhausted", null));
        record(incident, new EntryBody.Note("billing invoices are late, unrelated", null));
        awaitFx(() -> assertThat(chart().failed()).hasSizeGreaterThanOrEqualTo(4));
        EntryBody.StepStarted restart = new EntryBody.StepStarted("systemctl restart orders", "local");
        var started = record(incident, restart);
        answer.set(200);
        record(incident, new EntryBody.StepFinished(restart.command(), "local", 0, 2300, "", started));
        int before = fx(() -> chart().answered().size());
        awaitFx(() -> assertThat(chart().answered()).hasSizeGreaterThanOrEqualTo(before + 2));
        // Two notes a moment apart: one mark with their count.
        record(incident, new EntryBody.Note("orders: pool back to 20 connections", null));
        record(incident, new EntryBody.Note("orders: error rate 0 %", null));
        int after = fx(() -> chart().answered().size());
        awaitFx(() -> assertThat(chart().answered()).hasSizeGreaterThanOrEqualTo(after + 2));
        record(incident, new EntryBody.StatusChanged(dev.incidentconsole.incident.Status.INVESTIGATING,
                dev.incidentconsole.incident.Status.MITIGATED, null));

        awaitFx(() -> {
            assertThat(chart().segments()).extracting(ServiceChart.Segment::status)
                    .containsSubsequence(Status.UP, Status.DOWN, Status.UP);
            assertThat(shownMarks(robot)).extracting(ServiceChart.Mark::kind)
                    .as("opened, the note about orders and the restart, the status change; not the billing note")
                    .containsExactly("opened", "note", "step", "note", "note", "status");
            assertThat(robot.lookup(".chart-mark-count").queryAll().stream().filter(Node::isVisible)
                    .map(WindowSteps::textOf)).containsExactly("2");
        });
        Node step = WindowSteps.awaitShown(robot, ".chart-mark", n -> n.getUserData() instanceof ServiceChart.Cluster c
                && c.marks().stream().anyMatch(m -> m.kind().equals("step")));
        robot.moveTo(step);

        awaitFx(() -> assertThat(shownTooltip()).hasValueSatisfying(text -> assertThat(text).contains("step  alice")
                .contains("ran `systemctl restart orders` on local: exit 0 after 2.3 s")));
        assertThat(WindowSteps.text(robot, ".chart-caption")).contains("\"Orders API returns 503\"");
        screenshot();

        Node merged = WindowSteps.awaitShown(robot, ".chart-mark", n -> n.getUserData() instanceof ServiceChart.Cluster c
                && c.marks().size() == 2);
        robot.moveTo(merged);
        awaitFx(() -> assertThat(shownTooltip()).hasValueSatisfying(text -> assertThat(text).startsWith("2 entries")
                .contains("note: orders: pool back to 20 connections").contains("note: orders: error rate 0 %")));
    }

    /** The text of the tooltip on screen, if one is. Call on the FX thread. */
    private static Optional<String> shownTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst();
    }

    private ServiceChart chart() {
        return dashboard.model().chart().chartProperty().get();
    }

    /** The marks drawn on the chart, oldest first. Call on the FX thread. */
    private static List<ServiceChart.Mark> shownMarks(FxRobot robot) {
        return robot.lookup(".chart-mark").queryAll().stream().map(n -> (ServiceChart.Cluster) n.getUserData())
                .sorted(java.util.Comparator.comparingDouble(ServiceChart.Cluster::x))
                .flatMap(c -> c.marks().stream()).toList();
    }

    private Incident started(IncidentDraft draft) {
        AtomicReference<Incident> created = new AtomicReference<>();
        Platform.runLater(() -> incidents.start(draft, created::set));
        org.awaitility.Awaitility.await().atMost(WindowSteps.PATIENCE).until(() -> created.get() != null);
        return created.get();
    }

    /** Records {@code body} now, through the timeline as the walkthrough does; returns the stored entry's id once durable. */
    private java.util.UUID record(Incident incident, EntryBody body) {
        AtomicReference<java.util.UUID> id = new AtomicReference<>();
        Platform.runLater(() -> incidents.timeline().record(incident.id(), body, null, Instant.now(),
                receipt -> id.set(receipt.entry().id())));
        org.awaitility.Awaitility.await().atMost(WindowSteps.PATIENCE).until(() -> id.get() != null);
        return id.get();
    }

    /** The window and the tooltip over it, as one picture, when a folder for screenshots is named. */
    private void screenshot() throws IOException {
        String folder = System.getProperty("incident.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        BufferedImage image = fx(() -> {
            BufferedImage window = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing()).findFirst().ifPresent(t -> {
                BufferedImage tooltip = SwingFXUtils.fromFXImage(t.getScene().snapshot(null), null);
                window.createGraphics().drawImage(tooltip, (int) (t.getX() - stage.getX() - stage.getScene().getX()),
                        (int) (t.getY() - stage.getY() - stage.getScene().getY()), null);
            });
            return window;
        });
        Path out = Path.of(folder).resolve("service-chart.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(image, "png", out.toFile());
    }
}
