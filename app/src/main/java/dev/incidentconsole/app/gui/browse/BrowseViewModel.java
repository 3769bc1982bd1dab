package dev.incidentconsole.app.gui.browse;

import dev.incidentconsole.app.gui.library.SectionTarget;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Browse view: the catalog (by component, by symptom, alerts) narrowed by the filter text, and
 * opening an entry's section. Call on the UI thread; build the {@link BrowseCatalog} off it. Touches no controls.
 */
public final class BrowseViewModel {
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<BrowseNode> components = FXCollections.observableArrayList();
    private final ObservableList<BrowseNode> symptoms = FXCollections.observableArrayList();
    private final ObservableList<BrowseNode> alerts = FXCollections.observableArrayList();
    private BrowseCatalog catalog = new BrowseCatalog(List.of(), List.of(), List.of());
    private List<BrowseNode> firing = List.of();
    private Consumer<SectionTarget> opener = target -> { };

    public BrowseViewModel() {
        filter.addListener((obs, old, now) -> refilter());
    }

    /** Where chosen entries open (the Runbooks view, in the app). */
    public void setOpener(Consumer<SectionTarget> opener) {
        this.opener = opener;
    }

    /** Shows a freshly built catalog, keeping the filter. */
    public void update(BrowseCatalog next) {
        catalog = next;
        refilter();
    }

    /**
     * Shows the alerts firing now (see {@link FiringAlertNodes}) as a group at the top of the Alerts list, keeping
     * the filter; an empty list removes the group.
     */
    public void showFiring(List<BrowseNode> alerts) {
        firing = List.copyOf(alerts);
        refilter();
    }

    /** Opens the entry's section; false for a group, which has none. */
    public boolean open(BrowseNode node) {
        if (node == null || node.target() == null) {
            return false;
        }
        opener.accept(node.target());
        return true;
    }

    private void refilter() {
        String f = filter.get() == null ? "" : filter.get();
        components.setAll(narrow(catalog.components(), f));
        symptoms.setAll(narrow(catalog.symptoms(), f));
        List<BrowseNode> all = new java.util.ArrayList<>(FiringAlertNodes.group(firing));
        all.addAll(catalog.alerts());
        alerts.setAll(narrow(all, f));
    }

    private static List<BrowseNode> narrow(List<BrowseNode> nodes, String filter) {
        return nodes.stream().map(n -> n.filtered(filter)).filter(Objects::nonNull).toList();
    }

    /** Text that narrows every list (case-insensitive, on names and where they lead). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Components, each with the runbooks and sections that name it. */
    public ObservableList<BrowseNode> components() {
        return components;
    }

    /** Runbooks, each with the symptoms it lists. */
    public ObservableList<BrowseNode> symptoms() {
        return symptoms;
    }

    /** The alerts firing now (a group, when any fires), then alerts by name, each opening the section that answers it. */
    public ObservableList<BrowseNode> alerts() {
        return alerts;
    }
}
