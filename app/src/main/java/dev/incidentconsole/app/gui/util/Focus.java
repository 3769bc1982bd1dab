package dev.incidentconsole.app.gui.util;

import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;

/** Where the keyboard goes when a view opens, shared by the views that hand it on. FX thread only. */
public final class Focus {
    private Focus() {
    }

    /** Whether {@code node} is {@code ancestor} or lies inside it. */
    public static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The first of the fields still empty (or blank): the value the engineer has to type next. */
    public static Optional<TextInputControl> firstEmpty(List<? extends TextInputControl> fields) {
        return fields.stream().filter(f -> f.getText() == null || f.getText().isBlank())
                .<TextInputControl>map(f -> f).findFirst();
    }

    /**
     * Runs {@code action} now when {@code node} is in a scene, else once, when it is first put in one: a view
     * built before it is shown cannot take the keyboard yet.
     */
    public static void whenShown(Node node, Runnable action) {
        if (node.getScene() != null) {
            action.run();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                if (now != null) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
