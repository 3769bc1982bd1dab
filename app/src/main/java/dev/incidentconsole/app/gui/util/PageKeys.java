package dev.incidentconsole.app.gui.util;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Page Up and Page Down that move a scroll pane by a page. JavaFX's own scroll pane maps both keys to its unit
 * step (a tenth of the view: JDK's ScrollPaneBehavior calls the scroll bar's {@code increment} for them), so reading
 * a long runbook by keyboard took ten presses per screen. Call on the FX thread.
 */
public final class PageKeys {
    /** What a page moves: most of the view, so the line read last stays in sight. */
    static final double PAGE = 0.9;

    private PageKeys() {
    }

    /**
     * Makes Page Up / Page Down in {@code pane}, or in anything inside it but a text field or area (whose own keys
     * they are), scroll it vertically by 90% of its visible height.
     */
    public static void install(ScrollPane pane) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.PAGE_DOWN && e.getCode() != KeyCode.PAGE_UP || e.isShortcutDown() || e.isAltDown()
                    || e.getTarget() instanceof TextInputControl) {
                return;
            }
            if (scroll(pane, e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1)) {
                e.consume();
            }
        });
    }

    /** Moves {@code pane} one page down (1) or up (-1); false when its content fits and there is nothing to scroll. */
    static boolean scroll(ScrollPane pane, int direction) {
        Node content = pane.getContent();
        Bounds view = pane.getViewportBounds();
        if (content == null || view == null) {
            return false;
        }
        double hidden = content.getLayoutBounds().getHeight() - view.getHeight();
        if (hidden <= 0) {
            return false;
        }
        double range = pane.getVmax() - pane.getVmin();
        double step = PAGE * view.getHeight() / hidden * range;
        double next = Math.max(pane.getVmin(), Math.min(pane.getVmax(), pane.getVvalue() + direction * step));
        pane.setVvalue(next);
        return true;
    }
}
