package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.health.ServiceSpec;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected service's chart ({@link ServiceChart}): redone after each of its checks (a pass over its last
 * checks, on the UI thread), and its marks whenever the followed incident, its entries, the service or the
 * environment change (a pass over the incident's entries, on the {@link TaskExecutor}; the latest asked for
 * wins). Reads the incident only; the dashboard records nothing. Call on the UI thread.
 */
final class ServiceChartViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceChartViewModel.class);
    private final TaskExecutor executor;
    private final ObservableValue<ServiceRow> selected;
    private final ObservableValue<Incident> incident;
    private final ObservableList<TimelineEntry> entries;
    private final ObservableValue<String> environment;
    private final ObservableValue<Instant> clock;
    private final ReadOnlyObjectWrapper<ServiceChart> chart = new ReadOnlyObjectWrapper<>(ServiceChart.EMPTY);
    private final InvalidationListener checked = o -> replot();
    private List<ServiceChart.Mark> marks = List.of();
    private ServiceRow shown;
    private int marking;

    /**
     * @param executor    where the incident's entries are sifted
     * @param selected    the service shown
     * @param incident    the incident whose entries mark the chart (null: none)
     * @param entries     that incident's timeline
     * @param environment the environment the dashboard watches
     * @param clock       now, as the dashboard keeps it
     */
    ServiceChartViewModel(TaskExecutor executor, ObservableValue<ServiceRow> selected, ObservableValue<Incident> incident,
                          ObservableList<TimelineEntry> entries, ObservableValue<String> environment,
                          ObservableValue<Instant> clock) {
        this.executor = executor;
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
        marks = List.of(); // another service's marks never show on this one's chart, not even for a moment
        remark();
    }

    private void remark() {
        int ticket = ++marking;
        Incident followed = incident.getValue();
        if (shown == null || followed == null) {
            marks = List.of();
            replot();
            return;
        }
        ServiceSpec spec = shown.spec();
        List<TimelineEntry> timeline = List.copyOf(entries);
        String watched = environment.getValue();
        executor.execute(() -> ServiceChart.marks(spec, followed, timeline, watched), found -> {
            if (ticket == marking) {
                marks = found;
                replot();
            }
        }, e -> LOG.warn("Could not mark the chart of {} with the incident's entries", spec.name(), e));
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
