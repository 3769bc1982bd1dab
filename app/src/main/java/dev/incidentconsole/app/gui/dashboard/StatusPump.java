package dev.incidentconsole.app.gui.dashboard;

import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the dashboard's health news on the FX thread four times a second ({@link DashboardViewModel#drain()})
 * and moves its clock. Keeps the count and the longest of the applications, so a bench can tell what the
 * refresh costs the FX thread. FX thread only.
 */
public final class StatusPump {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPump.class);
    private static final long SLOW_NANOS = 100_000_000;
    private final Timeline timeline;
    private int count;
    private long totalNanos;
    private long maxNanos;

    /** What the applications since the previous {@link #takeTimes()} cost. */
    public record Times(int count, double totalMs, double maxMs) {
    }

    public StatusPump(DashboardViewModel model) {
        this.timeline = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            long start = System.nanoTime();
            model.drain();
            model.tick(Instant.now());
            long took = System.nanoTime() - start;
            count++;
            totalNanos += took;
            maxNanos = Math.max(maxNanos, took);
            if (took > SLOW_NANOS) {
                LOG.debug("Applying the dashboard's news took {} ms", took / 1_000_000);
            }
        }));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    /** The applications since the previous call. */
    public Times takeTimes() {
        Times t = new Times(count, totalNanos / 1e6, maxNanos / 1e6);
        count = 0;
        totalNanos = 0;
        maxNanos = 0;
        return t;
    }
}
