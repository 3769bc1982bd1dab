package dev.incidentconsole.app.gui.incident;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Notes the store refused after the view had cleared the field they were typed in, kept per incident until they are
 * back in that field: the shown incident's is {@link #shownProperty}; another's waits until that incident is shown
 * again, so that it is neither lost nor added to the incident shown meanwhile. UI thread only.
 */
final class UnsentNotes {
    private final Map<String, String> waiting = new HashMap<>();
    private final StringProperty shown = new SimpleStringProperty();

    /** {@code text}, typed for {@code incidentId}, was refused; {@code isShown} when that incident is shown now. */
    void refused(String incidentId, String text, boolean isShown) {
        if (isShown) {
            shown.set(joined(shown.get(), text));
        } else {
            waiting.merge(incidentId, text, UnsentNotes::joined);
        }
    }

    /** {@code incidentId} is no longer shown: its note not yet back in the field waits for it. */
    void left(String incidentId) {
        String text = shown.get();
        if (text != null) {
            shown.set(null);
            waiting.merge(incidentId, text, (older, newer) -> joined(newer, older));
        }
    }

    /** {@code incidentId} is shown: a note of it that waited is handed back. */
    void showing(String incidentId) {
        String text = waiting.remove(incidentId);
        if (text != null) {
            shown.set(text);
        }
    }

    /** The note field was sent or took the note back. */
    void taken() {
        shown.set(null);
    }

    StringProperty shownProperty() {
        return shown;
    }

    private static String joined(String older, String newer) {
        return older == null || older.isBlank() ? newer : older + " " + newer;
    }
}
