package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts the environment's Alertmanager services last reported, each with the runbook sections that answer it.
 * UI thread only.
 */
public final class FiringAlerts {
    private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper configured = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper known = new ReadOnlyBooleanWrapper();

    /**
     * Collects the alerts of the rows' Alertmanagers.
     *
     * @return whether the list changed
     */
    boolean refresh(List<ServiceRow> rows, RunbookLinks links) {
        List<AlertRow> now = new ArrayList<>();
        boolean any = false;
        boolean answering = false;
        List<ServiceSpec> services = rows.stream().map(ServiceRow::spec).toList();
        for (ServiceRow r : rows) {
            if (r.spec().probe() instanceof AlertmanagerSpec) {
                any = true;
                answering |= r.state().answering();
                r.snapshot().last().alerts().forEach(a -> now.add(AlertRow.of(a, r.name(), links.forAlert(a, services))));
            }
        }
        configured.set(any);
        known.set(answering);
        if (now.equals(alerts)) {
            return false;
        }
        alerts.setAll(now);
        return true;
    }

    /** Most severe first, per Alertmanager. */
    public ObservableList<AlertRow> list() {
        return alerts;
    }

    /** Whether the environment has an Alertmanager to list alerts from. */
    public ReadOnlyBooleanProperty configuredProperty() {
        return configured.getReadOnlyProperty();
    }

    /** Whether an Alertmanager answered, so an empty list means nothing is firing. */
    public ReadOnlyBooleanProperty knownProperty() {
        return known.getReadOnlyProperty();
    }
}
