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
    /** A value offered from elsewhere that a target's own value replaces ({@link #suggest}); null when none. */
    private String suggested;

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

    /**
     * Offers the value the chosen target knows (empty: none); it replaces the field only while the engineer has not
     * typed their own: a blank field, the previous target's pre-fill (also by nothing, when this target knows none),
     * or a {@link #suggest suggested} value when this target knows one.
     */
    void prefill(String known) {
        String now = value.get();
        if (now.isBlank() || now.equals(prefilled) || !known.isBlank() && now.equals(suggested)) {
            value.set(known);
            prefilled = known;
        }
    }

    /**
     * Puts in a value the engineer did not type and that ranks below any target's own (in a walkthrough, what another
     * step's target gave): choosing a target that knows a value for this field replaces it, one that knows none keeps it.
     */
    public void suggest(String offered) {
        suggested = offered;
        value.set(offered);
    }
}
