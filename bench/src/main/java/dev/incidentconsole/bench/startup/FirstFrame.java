package dev.incidentconsole.bench.startup;

import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The probe's watch on the first frames of a window: when it was shown, how many rail entries its first pulse
 * laid out, and when the screen first held something other than one colour where the window is. Everything
 * runs on the FX thread; {@link #captureNanos()} is read by the pinger to leave the captures out of the stalls.
 */
final class FirstFrame {
    private static final long CAPTURE_EVERY_NANOS = 20_000_000;
    private static final double CORNER = 320;

    private final AtomicLong captureNanos = new AtomicLong();
    private Window window;
    private boolean painted;
    private boolean firstCaptured;
    private long lastCapture;
    private Robot robot;

    /** Time spent capturing the screen so far, in nanoseconds. */
    long captureNanos() {
        return captureNanos.get();
    }

    /** Called inside the window's {@code show()}: notes when it is mapped and watches its first pulse. */
    void shown(Window shown) {
        if (window != null) {
            return;
        }
        window = shown;
        // WINDOW_SHOWN comes once the native window is visible (show() styles and lays out the scene before that).
        shown.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> System.out.println("shown " + System.currentTimeMillis()));
        Scene scene = shown.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Node rail = scene.getRoot().lookup(".nav-rail");
                    int entries = rail instanceof Parent p ? (int) p.getChildrenUnmodifiable().stream().filter(Node::isVisible).count() : 0;
                    System.out.println("first-pulse-rail " + entries);
                }
            });
        }
    }

    /** On each ping until the window shows a non-blank frame: captures its area of the screen, at most every 20 ms. */
    void look(boolean ours) {
        if (!ours || painted || window == null || !window.isShowing() || System.nanoTime() - lastCapture < CAPTURE_EVERY_NANOS) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (robot == null) {
                robot = new Robot();
            }
            Scene scene = window.getScene();
            // The scene's top-left corner only (top bar and rail; a frame is drawn whole, so its corner tells): the
            // whole window took 50-100 ms per capture on a loaded machine. Not the window manager's decorations.
            double x = window.getX() + scene.getX();
            double y = window.getY() + scene.getY();
            WritableImage image = robot.getScreenCapture(null, new Rectangle2D(x, y, Math.min(CORNER, scene.getWidth()),
                    Math.min(CORNER, scene.getHeight())), false);
            boolean blank = uniform(image);
            long now = System.currentTimeMillis();
            if (!firstCaptured) {
                firstCaptured = true;
                System.out.println("first-frame-blank " + (blank ? 1 : 0));
            }
            if (!blank) {
                painted = true;
                System.out.println("painted " + now);
            }
        } finally {
            lastCapture = System.nanoTime();
            captureNanos.addAndGet(lastCapture - started);
            if (painted) {
                // What the captures took from the FX thread, so before the content: the empty window has none.
                System.out.println("first-frame-captures " + captureNanos.get() / 1_000_000);
            }
        }
    }

    private static boolean uniform(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int first = pixels.getArgb(0, 0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (pixels.getArgb(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
