package dev.incidentconsole.app.gui.run;

import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The field a placeholder's value is typed into, in Runs and in a walkthrough alike. */
public final class PlaceholderInput {
    private PlaceholderInput() {
    }

    /** A password field for a {@link PlaceholderField#secret() secret}, else a text field; bound to the value. */
    public static TextField of(PlaceholderField field) {
        TextField input = field.secret() ? new PasswordField() : new TextField();
        input.textProperty().bindBidirectional(field.valueProperty());
        input.getStyleClass().add("placeholder-input");
        return input;
    }
}
