package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.alert.MergedAlerts;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts the environment's alert sources (Alertmanager, Prometheus) last reported, each once with the sources
 * that report it ({@link MergedAlerts}) and the runbook sections that answer it. UI thread only.
 */
public final class FiringAlerts {
    private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper configured = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper known = new ReadOnlyBooleanWrapper();

    /**
     * Collects the alerts of the rows' Alertmanagers.
     *
     * @param runbooksRead whether {@code links} come from the workspace's runbooks read (else none are known yet)
     * @return whether the list changed
     */
    boolean refresh(List<ServiceRow> rows, RunbookLinks links, boolean runbooksRead) {
        Map<String, List<FiringAlert>> bySource = new LinkedHashMap<>();
        boolean any = false;
        boolean answering = false;
        List<ServiceSpec> services = rows.stream().map(ServiceRow::spec).toList();
        for (ServiceRow r : rows) {
            if (r.spec().probe() instanceof AlertmanagerSpec) {
                any = true;
                answering |= r.state().answering();
                bySource.put(r.name(), r.snapshot().last().alerts());
            }
        }
        List<AlertRow> now = new ArrayList<>();
        for (MergedAlerts.Seen s : MergedAlerts.merge(bySource)) {
            now.add(AlertRow.of(s.alert(), s.sources(), links.forAlert(s.alert(), services), runbooksRead));
        }
        configured.set(any);
        known.set(answering);
        if (now.equals(alerts)) {
            return false;
        }
        alerts.setAll(now);
        return true;
    }

    /** Most severe first, then oldest. */
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
