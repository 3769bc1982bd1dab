package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The selected service's chart ({@link ServiceChart}): redone after each of its checks, and its marks whenever
 * the followed incident, its entries, the service or the environment change. Reads the incident only; the
 * dashboard records nothing. UI thread only; the work is a pass over the service's last checks and, when the
 * timeline changed, over the incident's entries.
 */
final class ServiceChartViewModel {
    private final ObservableValue<ServiceRow> selected;
    private final ObservableValue<Incident> incident;
    private final ObservableList<TimelineEntry> entries;
    private final ObservableValue<String> environment;
    private final ObservableValue<Instant> clock;
    private final ReadOnlyObjectWrapper<ServiceChart> chart = new ReadOnlyObjectWrapper<>(ServiceChart.EMPTY);
    private final InvalidationListener checked = o -> replot();
    private List<ServiceChart.Mark> marks = List.of();
    private ServiceRow shown;

    /**
     * @param selected    the service shown
     * @param incident    the incident whose entries mark the chart (null: none)
     * @param entries     that incident's timeline
     * @param environment the environment the dashboard watches
     * @param clock       now, as the dashboard keeps it
     */
    ServiceChartViewModel(ObservableValue<ServiceRow> selected, ObservableValue<Incident> incident,
                          ObservableList<TimelineEntry> entries, ObservableValue<String> environment,
                          ObservableValue<Instant> clock) {
        this.selected = selected;
        this.incident = incident;
        this.entries = entries;
        this.environment = environment;
        this.clock = clock;
        InvalidationListener remark = o -> remark();
        selected.addListener(o -> follow(selected.getValue()));
        incident.addListener(remark);
        entries.addListener(remark);
        environment.addListener(remark);
        follow(selected.getValue());
    }

    private void follow(ServiceRow row) {
        if (shown != null) {
            shown.statusProperty().removeListener(checked);
        }
        shown = row;
        if (row != null) {
            row.statusProperty().addListener(checked);
        }
        remark();
    }

    private void remark() {
        marks = shown == null ? List.of()
                : ServiceChart.marks(shown.spec(), incident.getValue(), entries, environment.getValue());
        replot();
    }

    private void replot() {
        if (shown == null) {
            chart.set(ServiceChart.EMPTY);
            return;
        }
        ServiceStatus status = shown.snapshot();
        Instant now = clock.getValue() == null ? Instant.now() : clock.getValue();
        chart.set(ServiceChart.of(status, marks, now));
    }

    /** What the chart of the selected service draws; {@link ServiceChart#EMPTY} when none is selected. */
    ReadOnlyObjectProperty<ServiceChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The incident whose entries mark the chart, or null. */
    Incident incident() {
        return incident.getValue();
    }
}
