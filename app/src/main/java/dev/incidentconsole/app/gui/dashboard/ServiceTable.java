package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The rows of the watched environment: by name, as shown (filtered, problems first) and counted by status.
 * UI thread only.
 *
 * <p>Checks that leave a service's status as it was cause no list event at all (its cell follows the row);
 * a few status changes re-file those rows one by one; many at once (an outage) rebuild the shown list in one
 * event, since filing hundreds of rows one by one costs a second of UI time.
 */
final class ServiceTable {
    private static final List<Status> SEVERITY = List.of(Status.DOWN, Status.DEGRADED, Status.UNKNOWN, Status.UP);
    private static final int ONE_BY_ONE = 16;
    private static final Comparator<ServiceRow> PROBLEMS_FIRST = Comparator
            .comparingInt((ServiceRow r) -> SEVERITY.indexOf(r.state())).thenComparingInt(ServiceRow::order);

    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final Map<String, ServiceRow> byName = new HashMap<>();
    private final DashboardFilters filters = new DashboardFilters();
    private final SortedList<ServiceRow> shown;
    private final Map<Status, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Status.class);

    ServiceTable() {
        FilteredList<ServiceRow> filtered = new FilteredList<>(rows);
        filtered.predicateProperty().bind(filters.predicate());
        shown = new SortedList<>(filtered, PROBLEMS_FIRST);
        for (Status s : Status.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper());
        }
    }

    /** Shows these rows instead of the current ones. */
    void replace(List<ServiceRow> fresh) {
        byName.clear();
        fresh.forEach(r -> byName.put(r.name(), r));
        rows.setAll(fresh);
        filters.offer(fresh);
        recount();
    }

    ServiceRow get(String name) {
        return byName.get(name);
    }

    List<ServiceRow> all() {
        return rows;
    }

    /**
     * Applies a batch of news to the rows it concerns.
     *
     * @return the rows that went from UP or DEGRADED to DOWN in it
     */
    List<ServiceRow> apply(StatusBatcher.Batch batch) {
        List<ServiceRow> moved = new ArrayList<>();
        for (ServiceStatus s : batch.statuses()) {
            ServiceRow row = byName.get(s.name());
            if (row != null && row.update(s)) {
                moved.add(row);
            }
        }
        if (moved.size() > ONE_BY_ONE) {
            rows.setAll(List.copyOf(rows));
        } else {
            moved.forEach(r -> rows.set(r.order(), r)); // a replacement makes the filtered, sorted views look again
        }
        Set<ServiceRow> down = new LinkedHashSet<>();
        for (StatusChange c : batch.changes()) {
            ServiceRow row = byName.get(c.service());
            if (row != null && c.to() == Status.DOWN && c.from().answering()) {
                down.add(row);
            }
        }
        recount();
        return List.copyOf(down);
    }

    ObservableList<ServiceRow> shown() {
        return shown;
    }

    DashboardFilters filters() {
        return filters;
    }

    ReadOnlyIntegerProperty count(Status status) {
        return counts.get(status).getReadOnlyProperty();
    }

    private void recount() {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        rows.forEach(r -> n.merge(r.state(), 1, Integer::sum));
        counts.forEach((s, p) -> p.set(n.getOrDefault(s, 0)));
    }
}
