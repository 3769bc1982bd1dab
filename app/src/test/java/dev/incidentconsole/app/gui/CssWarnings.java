package dev.incidentconsole.app.gui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What JavaFX's CSS engine warns about while a test's scene is styled: a looked-up colour it cannot resolve
 * ({@code -ic-up}, {@code -color-accent-fg}), a value it cannot convert. Such a node is drawn with a fallback, not
 * with the look the stylesheet means, so a window test that shows a screen asserts there is none.
 */
public final class CssWarnings implements AutoCloseable {
    /** The platform logger of {@code javafx.scene.CssStyleHelper} and the style manager, through JUL. */
    private static final Logger CSS = Logger.getLogger("javafx.css");

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts collecting; close to stop. */
    public static CssWarnings collect() {
        CssWarnings w = new CssWarnings();
        CSS.addHandler(w.handler);
        return w;
    }

    /** The warnings logged since {@link #collect}. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        CSS.removeHandler(handler);
    }
}
