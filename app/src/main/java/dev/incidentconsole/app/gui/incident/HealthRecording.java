package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.dashboard.ServiceRow;
import dev.incidentconsole.app.incident.HealthRecorder;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.incident.Incident;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * Connects the dashboard to a {@link HealthRecorder} writing into the incident store: the recorder hears every
 * check and learns which environment is watched and which incidents the window lists (so one started while the team
 * store is offline is recorded into too); what it records shows in the timeline at once, even while the team store
 * is offline. Call on the UI thread.
 */
public final class HealthRecording implements AutoCloseable {
    private final HealthRecorder recorder;
    private final AutoCloseable subscription;
    private final DashboardViewModel dashboard;
    private final ChangeListener<String> environment;
    private final ListChangeListener<Incident> known;
    private final ListChangeListener<ServiceRow> sources;
    private final IncidentViewModel incidents;

    private HealthRecording(DashboardViewModel dashboard, IncidentViewModel incidents, Executor uiThread) {
        this.dashboard = dashboard;
        this.recorder = new HealthRecorder(incidents::store, incidents.author(),
                receipt -> uiThread.execute(() -> incidents.recorded(receipt)));
        this.environment = (obs, old, now) -> {
            recorder.secrets(dashboard.environment().secretValues());
            recorder.environment(now);
        };
        recorder.secrets(dashboard.environment().secretValues());
        recorder.environment(dashboard.environment().nameProperty().get());
        this.sources = c -> {
            recorder.secrets(dashboard.environment().secretValues()); // a file read again may hold new values
            recorder.alertSources(alertSources(dashboard));
        };
        recorder.alertSources(alertSources(dashboard));
        dashboard.rows().addListener(sources);
        this.known = c -> recorder.knownOpen(incidents.openIncidents());
        incidents.incidents().addListener(known);
        this.incidents = incidents;
        dashboard.environment().nameProperty().addListener(environment);
        this.subscription = dashboard.subscribe(recorder);
    }

    /** Starts recording the dashboard's health changes and alerts into the open incidents of {@code incidents}. */
    public static HealthRecording start(DashboardViewModel dashboard, IncidentViewModel incidents, Executor uiThread) {
        return new HealthRecording(dashboard, incidents, uiThread);
    }

    /** Stops recording. Idempotent. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // The scheduler's handle only removes a listener from a list; nothing to report.
        }
        dashboard.environment().nameProperty().removeListener(environment);
        incidents.incidents().removeListener(known);
        dashboard.rows().removeListener(sources);
        recorder.close();
    }

    /** The names of the dashboard's alert sources (Alertmanager, Prometheus). */
    private static List<String> alertSources(DashboardViewModel dashboard) {
        return dashboard.rows().stream().filter(r -> r.spec().probe() instanceof AlertmanagerSpec).map(ServiceRow::name)
                .toList();
    }
}
