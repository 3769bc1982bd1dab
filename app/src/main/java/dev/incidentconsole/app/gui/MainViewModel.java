package dev.incidentconsole.app.gui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** App-wide state of the main window: navigation and light or dark theme. Touches no controls. */
public final class MainViewModel {
    private final Navigation navigation = new Navigation();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public Navigation navigation() {
        return navigation;
    }

    /** Whether the dark theme is on; the app applies it and keeps the choice in the settings. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }
}
