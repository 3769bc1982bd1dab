package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * Steps window tests share. A window test waits for what the engineer would see, never for a fixed time: every
 * lookup and read runs on the FX thread (the scene graph is not thread-safe) and is re-run until it holds or
 * {@link #PATIENCE} runs out, and a click waits until its target is visible, enabled and laid out inside the
 * window, because a click on a node not rendered yet lands on whatever is drawn there.
 */
public final class WindowSteps {
    /** Generous: CI runs the whole build on 2 shared cores, and every wait ends as soon as its state holds. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private WindowSteps() {
    }

    /** Assertions about what the window shows, run on the FX thread. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** Clicks a destination on the navigation rail by its label, e.g. "Runbooks", and waits until it is selected. */
    public static void show(FxRobot robot, String destination) {
        click(robot, ".nav-button", n -> n instanceof Labeled l && destination.equals(l.getText()));
        awaitFx(() -> assertThat(selectedRailEntry(robot)).as("selected rail entry").isEqualTo(destination));
    }

    /** Clicks {@code title} in the Runbooks outline once it is drawn, and waits until the page shows that entry. */
    public static void openInOutline(FxRobot robot, String title) {
        click(robot, ".outline-tree .label", n -> title.equals(textOf(n)));
        awaitFx(() -> assertThat(text(robot, ".section-title")).as("title of the page shown").isEqualTo(title));
    }

    /** The label of the selected rail entry, "" when none. Call on the FX thread. */
    public static String selectedRailEntry(FxRobot robot) {
        return robot.lookup(".nav-button").match(n -> n instanceof ToggleButton t && t.isSelected()).tryQuery()
                .map(n -> ((Labeled) n).getText()).orElse("");
    }

    /** Runs {@code read} on the FX thread and returns its value; what it throws is thrown here. */
    public static <T> T fx(Callable<T> read) {
        // Not WaitForAsyncUtils.asyncFx: it prints the stack trace of every check that fails while a state is
        // awaited, and queues it to be thrown again by a later TestFX call if nobody collects it.
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the FX thread", e);
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not answer within " + PATIENCE, e);
        }
    }

    /** Runs {@code check} once on the FX thread, for what must hold already (set in the same FX task as a state waited for). */
    public static void checkNow(Check check) {
        fx(() -> {
            check.run();
            return null;
        });
    }

    /** Waits until {@code check}, run on the FX thread, passes; it is re-run (lookups included) on every poll. */
    public static void awaitFx(Check check) {
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> fx(() -> {
            check.run();
            return null;
        }));
    }

    /** Waits until one of the nodes {@code query} finds is shown (visible, laid out, inside the window); returns the first. */
    public static <T extends Node> T awaitShown(FxRobot robot, String query) {
        return awaitShown(robot, query, n -> true);
    }

    /** Like {@link #awaitShown(FxRobot, String)}, among the nodes {@code which} accepts. */
    @SuppressWarnings("unchecked")
    public static <T extends Node> T awaitShown(FxRobot robot, String query, Predicate<Node> which) {
        return (T) awaitClickable(robot, query, which, false).node();
    }

    /** Waits until one of the nodes {@code query} (a CSS selector or a text) finds is shown and enabled; clicks the first. */
    public static void click(FxRobot robot, String query) {
        click(robot, query, n -> true);
    }

    /** Like {@link #click(FxRobot, String)}, among the nodes {@code which} accepts. */
    public static void click(FxRobot robot, String query, Predicate<Node> which) {
        Point2D at = awaitClickable(robot, query, which, true).point();
        robot.clickOn(at.getX(), at.getY());
    }

    /** A node and where to click it; {@code why} says why it cannot be clicked yet when {@code point} is null. */
    private record Target(Node node, Point2D point, String why) {
        @Override
        public String toString() {
            return node + (point == null ? " (" + why + ")" : "");
        }
    }

    private static Target awaitClickable(FxRobot robot, String query, Predicate<Node> which, boolean enabled) {
        AtomicReference<Target> found = new AtomicReference<>();
        awaitFx(() -> {
            List<Target> all = robot.lookup(query).match(which::test).queryAll().stream()
                    .map(n -> enabled && n.isDisabled() ? new Target(n, null, "disabled") : target(n)).toList();
            Target target = all.stream().filter(t -> t.point() != null).findFirst().orElse(null);
            assertThat(target).as("a shown%s node for '%s' among %s", enabled ? ", enabled" : "", query, all).isNotNull();
            found.set(target);
        });
        return found.get();
    }

    /**
     * Where to click {@code node}: the screen point at the middle of the part the engineer sees. None while it,
     * or a parent, is hidden or waits for layout, or it lies outside its window, a parent's clip (scrolled away)
     * or the screen. Call on the FX thread.
     */
    private static Target target(Node node) {
        Scene scene = node.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return new Target(node, null, "not in a showing window");
        }
        if (scene.getRoot().isNeedsLayout()) {
            // Asked on the window's root: list cells are placed by their list and may keep their own flag set.
            return new Target(node, null, "the window waits for layout");
        }
        Bounds seen = node.localToScene(node.getLayoutBounds());
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return new Target(node, null, "hidden: " + n);
            }
            if (n != node) {
                seen = intersection(seen, n.localToScene(n.getBoundsInLocal())); // bounds in local include the clip
                if (seen == null) {
                    return new Target(node, null, "outside " + n);
                }
            }
        }
        seen = intersection(seen, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
        if (seen == null) {
            return new Target(node, null, "outside the window");
        }
        double x = window.getX() + scene.getX();
        double y = window.getY() + scene.getY();
        Rectangle2D screen = Screen.getPrimary().getBounds();
        Bounds onScreen = intersection(new BoundingBox(seen.getMinX() + x, seen.getMinY() + y, seen.getWidth(),
                seen.getHeight()), new BoundingBox(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight()));
        return onScreen == null ? new Target(node, null, "off the screen")
                : new Target(node, new Point2D(onScreen.getCenterX(), onScreen.getCenterY()), "");
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        if (a == null) {
            return null;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The text of the first node {@code query} finds (a label, a text field, a text run), "" when none. Call on the FX thread. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(WindowSteps::textOf).orElse("");
    }

    /** The text a label, a text field, a text run or a flow of runs shows; "" for other nodes. Call on the FX thread. */
    public static String textOf(Node node) {
        if (node instanceof javafx.scene.text.TextFlow flow) {
            return flow.getChildren().stream().map(WindowSteps::textOf).collect(java.util.stream.Collectors.joining());
        }
        String text = node instanceof Labeled l ? l.getText() : node instanceof TextInputControl t ? t.getText()
                : node instanceof Text t ? t.getText() : null;
        return text == null ? "" : text;
    }
}
