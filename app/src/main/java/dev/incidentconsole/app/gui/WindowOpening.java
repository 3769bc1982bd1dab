package dev.incidentconsole.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.LoggerFactory;

/**
 * How the window appears: what the frame needs loaded before {@code start}, the theme, and the frame styled, laid
 * out and drawn before the native window exists, then shown. Each is its own FX event, none holding the thread
 * long. Mapped unstyled, the window stayed blank while its first pulse styled it; mapped styled but never drawn,
 * while the first frame set up the renderer (Prism's pipeline, rasteriser, glyph cache). The snapshot does that
 * setup off screen, so the first pulse after mapping presents a frame at once. FX thread only.
 */
public final class WindowOpening {
    private final Stage stage;
    private final MainView view;
    private final BooleanSupplier stopped;

    /** @param stopped whether the app was stopped meanwhile: nothing is shown then */
    WindowOpening(Stage stage, MainView view, BooleanSupplier stopped) {
        this.stage = stage;
        this.view = view;
        this.stopped = stopped;
    }

    /**
     * Loads, on the FX thread while {@code init} reads the settings, what the frame needs and the theme does not
     * decide: the text stack (Pango, the default font), the icon font and Ikonli. They were 0.3-0.8 s of the FX
     * thread inside {@code start} at a loaded machine's cold start, before the first paint. No controls here: the
     * first control would load JavaFX's own theme.
     */
    static void preloadFrame() {
        new javafx.scene.text.Text("Incident Console").getLayoutBounds();
        Icons.of(Feather.LIFE_BUOY).getLayoutBounds();
    }

    /**
     * Sets the theme (AtlantaFX's Primer) as the user-agent stylesheet, as its binary stylesheet: parsing its
     * 170 kB CSS took 0.1-0.3 s of the FX thread at each start. FX thread, or before the first scene.
     */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** The window's own stylesheet ({@code app.css}, on top of the theme), as a scene stylesheet URL. */
    public static String appStylesheet() {
        return java.util.Objects.requireNonNull(WindowOpening.class.getResource("app.css")).toExternalForm();
    }

    /** Styles the frame in this event. */
    void style() {
        if (!stopped.getAsBoolean()) {
            view.applyCss();
        }
    }

    /** Lays out and draws the frame off screen, so the first pulse after mapping only presents it. */
    void draw() {
        if (!stopped.getAsBoolean()) {
            stage.getScene().snapshot(null);
        }
    }

    /**
     * Shows the window and runs {@code afterFirstPulse} once its first pulse is over: what is queued before that
     * pulse runs first and keeps the window blank.
     */
    void show(Runnable afterFirstPulse) {
        if (stopped.getAsBoolean()) {
            return;
        }
        Scene scene = stage.getScene();
        // The scene's size, whatever the stage was before: a stage shown once keeps its old size otherwise.
        stage.sizeToScene();
        try {
            stage.show();
        } catch (RuntimeException e) {
            // The steps would log it and go on, leaving a process with no window that never exits.
            LoggerFactory.getLogger(WindowOpening.class).error("The window could not be shown; quitting.", e);
            Platform.exit();
            return;
        }
        dev.incidentconsole.app.gui.util.FxSteps.afterNextLayout(scene, afterFirstPulse);
    }
}
