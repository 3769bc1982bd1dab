package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.runbook.Placeholder;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One value to fill in before a command runs. {@code <name>} and {@code {name}} placeholders are required;
 * {@code $NAME}, {@code ${NAME}} and {@code CAPS} ones may stay empty (the shell then expands its own
 * variable, or the word stays as written). Touch on the UI thread only.
 */
public final class PlaceholderField {
    private final Placeholder placeholder;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private String prefilled = "";

    PlaceholderField(Placeholder placeholder) {
        this.placeholder = placeholder;
    }

    public String name() {
        return placeholder.name();
    }

    /** As written in the command, e.g. {@code <pod-name>}. */
    public String token() {
        return placeholder.token();
    }

    public boolean required() {
        return placeholder.form() == Placeholder.Form.ANGLE || placeholder.form() == Placeholder.Form.BRACE;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get();
    }

    public boolean filled() {
        return !value.get().isBlank();
    }

    /** Offers a known value; it replaces the field only while the engineer has not typed their own. */
    void prefill(String known) {
        if (value.get().isBlank() || value.get().equals(prefilled)) {
            value.set(known);
            prefilled = known;
        }
    }
}
