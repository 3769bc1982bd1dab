package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The first frame the window shows is never blank: the pulse right after the window is shown already lays out the
 * top bar and the whole navigation rail on the theme's background (dark here, so it cannot be mistaken for an
 * unpainted white window), before the features are built.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameWindowTest {
    /** PrimerDark's {@code -color-bg-default}. */
    private static final Color DARK_BACKGROUND = Color.web("#0d1117");

    @TempDir
    static Path dir;
    private static SettingsStore settings;

    /** What the first pulse after showing laid out, read inside that pulse. */
    private record FirstPulse(List<String> rail, String title, Object rootFill, List<Node> content) {
    }

    private final AtomicReference<FirstPulse> firstPulse = new AtomicReference<>();
    private final AtomicReference<WritableImage> firstImage = new AtomicReference<>();
    private ConsoleApp app;

    @BeforeAll
    static void darkLastTime() throws IOException {
        TestRunbooks.write(Files.createDirectories(dir.resolve("runbooks")));
        settings = new SettingsStore(dir.resolve("config/settings.json"));
        settings.update(s -> s.withDark(true));
    }

    @Start
    void start(Stage stage) {
        // TestFX shares the stage between tests, and may leave it shown: the app's show() must map it again. The
        // handler goes once it has fired.
        if (stage.isShowing()) {
            stage.hide();
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                watchFirstPulse(stage.getScene());
            }
        });
        app = new ConsoleApp(dir.resolve("runbooks"), null, settings);
        app.init();
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void firstPulseAfterShowingHasTheRailAndTopBarOnTheThemesBackground() {
        awaitFx(() -> assertThat(firstImage.get()).as("the scene drawn right after the first pulse").isNotNull());
        FirstPulse pulse = firstPulse.get();
        assertThat(pulse.rail()).containsExactly("Dashboard", "Runbooks", "Browse", "Incidents", "Runs");
        assertThat(pulse.title()).isEqualTo("Incident Console");
        assertThat(pulse.rootFill()).isEqualTo(DARK_BACKGROUND);
        assertThat(pulse.content()).as("the content area shows the first view's place").hasSize(1);

        WritableImage image = firstImage.get();
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        assertThat(pixels.getColor(width - 20, height - 20)).as("the content area's background")
                .satisfies(c -> assertThat(close(c, DARK_BACKGROUND)).isTrue());
        long differing = 0;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                if (!close(pixels.getColor(x, y), DARK_BACKGROUND)) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels drawn by the top bar and the rail (not one uniform colour)").isGreaterThan(500);
    }

    @Test
    void theSearchFieldHasTheFocusOnceBuiltAsWhenItWasInTheFirstFrame(org.testfx.api.FxRobot robot) {
        awaitFx(() -> {
            Node slot = robot.lookup(".search-slot").tryQuery().orElse(null);
            assertThat(slot).as("the window is shown").isNotNull();
            Node focused = slot.getScene().getFocusOwner();
            assertThat(focused).isInstanceOf(javafx.scene.control.TextField.class);
            Node parent = focused;
            while (parent != null && parent != slot) {
                parent = parent.getParent();
            }
            assertThat(parent).as("the focused field is in the top bar's search slot").isSameAs(slot);
        });
    }

    /** At the first pulse after showing: what is laid out, then (in the next FX event) the scene drawn as it is. */
    private void watchFirstPulse(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Region root = (Region) scene.getRoot();
                List<String> rail = scene.getRoot().lookupAll(".nav-button").stream()
                        .filter(n -> n.isVisible() && laidOut(n)).map(n -> ((Labeled) n).getText()).toList();
                Node title = scene.getRoot().lookup(".app-title");
                Node area = scene.getRoot().lookup(".content-area");
                firstPulse.set(new FirstPulse(rail, title instanceof Labeled l && laidOut(title) ? l.getText() : null,
                        root.getBackground() == null ? null : root.getBackground().getFills().get(0).getFill(),
                        ((Region) area).getChildrenUnmodifiable().stream().filter(FirstFrameWindowTest::laidOut).toList()));
                Platform.runLater(() -> firstImage.set(scene.snapshot(null)));
            }
        });
    }

    private static boolean laidOut(Node n) {
        Bounds b = n.getLayoutBounds();
        return b.getWidth() > 0 && b.getHeight() > 0;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }
}
