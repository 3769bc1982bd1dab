package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A small latency line of the latest checks, drawn on a canvas (cheap for hundreds of rows: no nodes per
 * point). Answers are a line scaled to the slowest one shown; failed checks are red ticks along the bottom.
 */
final class Sparkline extends Canvas {
    static final int POINTS = 30;
    private static final Color LINE = Color.web("#0969da");
    private static final Color SLOW = Color.web("#bf8700");
    private static final Color FAILED = Color.web("#cf222e");

    Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
    }

    /** Redraws from the results, oldest first; only the last {@value #POINTS} are shown. */
    void draw(List<ProbeResult> history) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        List<ProbeResult> shown = history.subList(Math.max(0, history.size() - POINTS), history.size());
        if (shown.isEmpty()) {
            return;
        }
        double max = 1;
        for (ProbeResult r : shown) {
            if (r.status().answering()) {
                max = Math.max(max, r.latency().toNanos() / 1e6);
            }
        }
        double step = w / (POINTS - 1);
        double x0 = w - step * (shown.size() - 1);
        g.setLineWidth(1.5);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < shown.size(); i++) {
            ProbeResult r = shown.get(i);
            double x = x0 + i * step;
            if (!r.status().answering()) {
                drawing = false;
                continue;
            }
            double y = h - 3 - (h - 6) * (r.latency().toNanos() / 1e6) / max;
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.setStroke(LINE);
        g.stroke();
        ProbeResult last = shown.get(shown.size() - 1);
        if (last.status() == Status.UP) {
            g.setFill(LINE);
            g.fillOval(w - 3, h - 3 - (h - 6) * (last.latency().toNanos() / 1e6) / max - 2, 4, 4);
        }
        for (int i = 0; i < shown.size(); i++) {
            ProbeResult r = shown.get(i);
            double x = x0 + i * step;
            if (r.status() == Status.DOWN) {
                g.setFill(FAILED);
                g.fillRect(x - 1.5, h - 8, 3, 8);
            } else if (r.status() == Status.DEGRADED) {
                g.setFill(SLOW);
                g.fillOval(x - 2, h - 3 - (h - 6) * (r.latency().toNanos() / 1e6) / max - 2, 4, 4);
            }
        }
    }
}
