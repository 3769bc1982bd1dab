package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The chart's status background is drawn in its status colour from the first frame the chart is laid out in: the
 * try-out saw it black, the fill of a Rectangle that CSS had not styled yet, made anew in every layout.
 */
class ChartStatusBackgroundTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void theUpBackgroundIsLightGreenInTheFirstFrameAfterTheChartIsShownAndAfterEveryLaterCheck() {
        MarkedChart chart = fx(this::showChart);

        // show() and the frame in one FX task: no pulse between them, as when a check arrives while the chart is shown
        Color first = fx(() -> {
            chart.show(upFor(60));
            return insideThePlot(chart);
        });
        Color later = fx(() -> {
            chart.show(upFor(75));
            return insideThePlot(chart);
        });

        for (Color c : List.of(first, later)) {
            assertThat(c.getBrightness()).as("%s is not dark", c).isGreaterThan(0.8);
            assertThat(c.getGreen()).as("%s is green", c).isGreaterThan(c.getRed()).isGreaterThan(c.getBlue() - 0.02);
        }
    }

    private MarkedChart showChart() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MarkedChart chart = new MarkedChart();
        StackPane dashboard = new StackPane(chart);
        dashboard.getStyleClass().add("dashboard-view");
        dashboard.getStylesheets().add(Objects.requireNonNull(DashboardView.class.getResource("dashboard.css")).toExternalForm());
        Scene scene = new Scene(dashboard, 480, 260);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("app.css")).toExternalForm());
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        chart.show(upFor(30));
        return chart;
    }

    /** UP checks every 15 s for {@code seconds}, the chart ending at the last one. */
    private static ServiceChart upFor(int seconds) {
        Instant to = T0.plusSeconds(seconds);
        List<ServiceChart.Point> points = java.util.stream.IntStream.rangeClosed(0, seconds / 15)
                .mapToObj(i -> new ServiceChart.Point(T0.plusSeconds(15L * i), 3)).toList();
        return new ServiceChart(T0, to, Duration.ofSeconds(15), points, List.of(points), List.of(),
                List.of(new ServiceChart.Segment(T0, to, Status.UP)), List.of(), 0);
    }

    /** The colour the scene shows inside the chart's plot, in a snapshot taken now. Call on the FX thread. */
    private static Color insideThePlot(MarkedChart chart) {
        WritableImage image = chart.getScene().snapshot(null);
        Node plot = chart.lookup(".chart-plot-background");
        Bounds b = plot.localToScene(plot.getLayoutBounds());
        return image.getPixelReader().getColor((int) (b.getMinX() + b.getWidth() * 0.37), (int) (b.getMinY() + b.getHeight() * 0.45));
    }
}
