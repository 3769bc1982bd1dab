package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.Status;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the service list shows: one status (or all), one tag or component (or all) and a text to look for.
 * Change on the UI thread only.
 */
public final class DashboardFilters {
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    private final ObjectProperty<String> label = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObjectBinding<Predicate<ServiceRow>> predicate =
            Bindings.createObjectBinding(this::current, status, label, text);

    /** The status to show, or {@code null} for every status. */
    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    /** The tag or component to show, or {@code null}/empty for all. */
    public ObjectProperty<String> labelProperty() {
        return label;
    }

    /** Text the name, address, probe, tags or components must contain. */
    public StringProperty textProperty() {
        return text;
    }

    /** Every tag and component of the current environment's services, sorted, for the tag picker. */
    public ObservableList<String> labels() {
        return labels;
    }

    /** The filter as a predicate, recomputed when any part changes. */
    ObjectBinding<Predicate<ServiceRow>> predicate() {
        return predicate;
    }

    /** Offers the labels of these rows; a chosen label they no longer have is dropped. */
    void offer(Collection<ServiceRow> rows) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        rows.forEach(r -> {
            all.addAll(r.spec().tags());
            all.addAll(r.spec().components());
        });
        labels.setAll(all);
        if (label.get() != null && !label.get().isEmpty() && !all.contains(label.get())) {
            label.set(null);
        }
    }

    /** Shows everything again. */
    public void clear() {
        status.set(null);
        label.set(null);
        text.set("");
    }

    private Predicate<ServiceRow> current() {
        Status s = status.get();
        String l = label.get();
        String t = text.get();
        return row -> (s == null || row.state() == s) && (l == null || l.isEmpty() || row.hasLabel(l)) && row.matches(t);
    }
}
