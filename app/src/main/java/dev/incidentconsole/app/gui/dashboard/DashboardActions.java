package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.LinkedSection;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where the dashboard's rows, alerts and details lead: a linked runbook section (the runbooks view), a web-only
 * link (the browser), "Start incident" on a failing service or a firing alert. The app plugs its features in;
 * until it does, each does nothing (and the incident actions are not offered). UI thread only.
 */
public final class DashboardActions {
    private Consumer<String> opener = reference -> { };
    private Consumer<String> browser = url -> { };
    private final ObjectProperty<Consumer<ServiceRow>> incidentStarter = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<AlertRow>> alertIncidentStarter = new SimpleObjectProperty<>();

    /**
     * Opens a linked section in the runbooks view, or a web-only link (an alert's {@code runbook_url} naming no
     * local runbook) in the browser; sections the runbooks lack are ignored.
     */
    public void open(LinkedSection section) {
        if (section != null && section.found()) {
            opener.accept(section.reference());
        } else if (section != null && section.webOnly()) {
            browser.accept(section.url());
        }
    }

    /** What opens a web address; the app gives the desktop's browser. */
    public void setBrowser(Consumer<String> value) {
        this.browser = value;
    }

    /** What opens a section reference ({@code file#heading}); the app shows it in the runbooks view. */
    public void setOpener(Consumer<String> value) {
        this.opener = value;
    }

    /** What "Start incident" on a failing service does; {@code null} (the default) offers no such action. */
    public ObjectProperty<Consumer<ServiceRow>> incidentStarterProperty() {
        return incidentStarter;
    }

    /** What "Start incident" on a firing alert does; {@code null} (the default) offers no such action. */
    public ObjectProperty<Consumer<AlertRow>> alertIncidentStarterProperty() {
        return alertIncidentStarter;
    }

    /** Starts an incident from the firing alert {@code row} through {@link #alertIncidentStarterProperty()}, if set. */
    public void startIncident(AlertRow row) {
        Consumer<AlertRow> starter = alertIncidentStarter.get();
        if (starter != null && row != null) {
            starter.accept(row);
        }
    }

    /** Starts an incident about {@code row} through {@link #incidentStarterProperty()}, if set. */
    public void startIncident(ServiceRow row) {
        Consumer<ServiceRow> starter = incidentStarter.get();
        if (starter != null && row != null) {
            starter.accept(row);
        }
    }
}
