package dev.incidentconsole.app.gui.util;

import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Draws a {@link MaskedText}: each masked secret a clickable {@code ****} that asks for it to be revealed. */
public final class MaskedTextFlow {
    private MaskedTextFlow() {
    }

    /**
     * Fills {@code flow} with the runs of {@code text}, each with {@code styleClass}.
     *
     * @param reveal told the number of the secret clicked
     */
    public static TextFlow fill(TextFlow flow, MaskedText text, String styleClass, IntConsumer reveal) {
        flow.getChildren().clear();
        for (MaskedText.Part part : text.parts()) {
            Text t = new Text(part.text());
            t.getStyleClass().add(styleClass);
            if (part.hidden()) {
                t.getStyleClass().add("masked-secret");
                t.setCursor(Cursor.HAND);
                Tooltip.install(t, new Tooltip("Hidden secret: click to show it"));
                t.setOnMouseClicked(e -> reveal.accept(part.secret()));
            }
            flow.getChildren().add(t);
        }
        return flow;
    }
}
