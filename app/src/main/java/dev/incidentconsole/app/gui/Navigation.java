package dev.incidentconsole.app.gui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kordamp.ikonli.Ikon;

/**
 * The views the left rail can switch between and which one is showing. Views register here as they are
 * built (Runbooks now; Dashboard and Incidents later), so the rail never shows an entry without a view.
 */
public final class Navigation {

    /** A place in the app: stable id, rail caption and icon. */
    public record Destination(String id, String title, Ikon icon) {
    }

    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    private final ObservableList<Destination> destinationsView = FXCollections.unmodifiableObservableList(destinations);
    private final ObjectProperty<Destination> current = new SimpleObjectProperty<>();

    /** Adds a destination; the first one added becomes current. */
    public void add(Destination destination) {
        if (destinations.stream().anyMatch(d -> d.id().equals(destination.id()))) {
            throw new IllegalArgumentException("Destination '" + destination.id() + "' is already registered");
        }
        destinations.add(destination);
        if (current.get() == null) {
            current.set(destination);
        }
    }

    public ObservableList<Destination> destinations() {
        return destinationsView;
    }

    /** Makes the destination with this id current; unknown ids are ignored. */
    public void go(String id) {
        destinations.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(current::set);
    }

    public ObjectProperty<Destination> currentProperty() {
        return current;
    }
}
