package dev.incidentconsole.app.gui.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Draws a {@link ServiceChart}: latency over wall-clock time (a line per run of answered checks, failed checks
 * as dots on the axis), the checks' statuses as coloured background
 * segments behind it, and the incident's entries as vertical marks over it, merged with a count where they
 * would touch; hovering a mark shows its entries. Styles: {@code .status-segment.status-up|degraded|down|unknown},
 * {@code .chart-mark.mark-step|note|signal|incident} with its {@code .chart-mark-count} (dashboard.css).
 */
final class MarkedChart extends LineChart<Number, Number> {
    private static final double MARK_WIDTH = 8;
    private final NumberAxis time;
    private final XYChart.Series<Number, Number> failed = new XYChart.Series<>();
    private final List<Rectangle> segments = new ArrayList<>();
    /** The marks drawn, by what they show: a check replots the chart but keeps them, and the one hovered keeps its tooltip. */
    private final Map<List<ServiceChart.Mark>, Node> marks = new HashMap<>();
    private ServiceChart shown = ServiceChart.EMPTY;

    MarkedChart() {
        super(new NumberAxis(), new NumberAxis());
        time = (NumberAxis) getXAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return ServiceChart.clock(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("the time axis is not edited");
            }
        });
        NumberAxis latency = (NumberAxis) getYAxis();
        latency.setLabel("latency (ms)");
        setAnimated(false);
        // The failed checks are the first series (.series0 in dashboard.css), then one series per run of answered
        // checks, all styled alike (the chart's own default-colorN classes and the chart's own style-class resets
        // would colour each differently); the caption below says what is what instead of a legend.
        setLegendVisible(false);
        getStyleClass().add("latency-chart");
        failed.setName("failed");
        getData().add(failed);
    }

    void show(ServiceChart chart) {
        shown = chart;
        time.setLowerBound(ServiceChart.seconds(chart.from()));
        time.setUpperBound(ServiceChart.seconds(chart.to()));
        time.setTickUnit(chart.tick().toSeconds());
        failed.getData().setAll(chart.failed().stream().map(MarkedChart::point).toList());
        getData().retainAll(List.of(failed));
        for (List<ServiceChart.Point> run : chart.lines()) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.getData().setAll(run.stream().map(MarkedChart::point).toList());
            getData().add(line);
        }
        // Made here, not in layoutPlotChildren: a node made during layout is drawn in that pulse before CSS styles
        // it, and a Rectangle's own fill is black (the try-out's black status background, at every layout).
        getPlotChildren().removeAll(segments);
        segments.clear();
        for (ServiceChart.Segment s : chart.segments()) {
            Rectangle r = new Rectangle();
            r.setFill(Color.TRANSPARENT); // until dashboard.css colours it by status
            r.getStyleClass().addAll("status-segment", StatusLook.styleClass(s.status()));
            r.setMouseTransparent(true);
            segments.add(r);
        }
        getPlotChildren().addAll(0, segments);
        requestChartLayout();
    }

    private static XYChart.Data<Number, Number> point(ServiceChart.Point p) {
        return new XYChart.Data<>(ServiceChart.seconds(p.at()), p.latencyMs());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        for (int k = 0; k < segments.size(); k++) {
            ServiceChart.Segment s = shown.segments().get(k);
            double x0 = time.getDisplayPosition(ServiceChart.seconds(s.from()));
            double x1 = time.getDisplayPosition(ServiceChart.seconds(s.to()));
            Rectangle r = segments.get(k);
            r.setX(x0);
            r.setY(0);
            r.setWidth(Math.max(1, x1 - x0));
            r.setHeight(height);
        }
        Map<List<ServiceChart.Mark>, Node> stale = new HashMap<>(marks);
        for (ServiceChart.Cluster c : shown.clusters(time.getWidth())) {
            Node mark = stale.remove(c.marks());
            if (mark == null) {
                mark = mark(c);
                marks.put(c.marks(), mark);
                getPlotChildren().add(mark);
            }
            mark.setUserData(c);
            mark.resizeRelocate(c.x() - MARK_WIDTH / 2, 0, MARK_WIDTH, height);
        }
        getPlotChildren().removeAll(stale.values());
        marks.keySet().removeAll(stale.keySet());
    }

    /** A column of {@link #MARK_WIDTH} pixels centred on the time: easy to hover, drawn as a thin line. */
    private static Node mark(ServiceChart.Cluster c) {
        Region line = new Region();
        line.getStyleClass().add("chart-mark-line");
        line.setMouseTransparent(true);
        Label count = new Label(c.marks().size() > 1 ? String.valueOf(c.marks().size()) : "");
        count.getStyleClass().add("chart-mark-count");
        count.setMouseTransparent(true);
        count.setVisible(c.marks().size() > 1);
        MarkNode mark = new MarkNode(line, count);
        mark.getStyleClass().addAll("chart-mark", c.marks().get(0).style());
        Tooltip tip = new Tooltip(c.describe());
        tip.setShowDelay(Duration.millis(150));
        tip.setShowDuration(Duration.INDEFINITE);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        Tooltip.install(mark, tip);
        return mark;
    }

    /** The hover target: a line down the middle, the count above it. */
    private static final class MarkNode extends Region {
        private final Region line;
        private final Label count;

        MarkNode(Region line, Label count) {
            this.line = line;
            this.count = count;
            getChildren().addAll(line, count);
            setPickOnBounds(true);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            line.resizeRelocate(w / 2 - 1, 0, 2, getHeight());
            double cw = count.prefWidth(-1);
            count.resizeRelocate(w / 2 - cw / 2, 0, cw, count.prefHeight(cw));
        }
    }
}
