package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;

/**
 * The rows of the watched environment: by name, as shown (filtered, problems first) and counted by status.
 * UI thread only.
 *
 * <p>Checks that leave a service's status as it was cause no list event at all (its cell follows the row).
 * A batch with status changes, or a new filter, files the rows once (filter and sort 500 rows: well under a
 * millisecond) and the shown list then changes in one event covering only the rows that moved
 * ({@link ShownRows}): an outage of services already listed first moves nothing.
 */
final class ServiceTable {
    private static final List<Status> SEVERITY = List.of(Status.DOWN, Status.DEGRADED, Status.UNKNOWN, Status.UP);
    private static final Comparator<ServiceRow> PROBLEMS_FIRST = Comparator
            .comparingInt((ServiceRow r) -> SEVERITY.indexOf(r.state())).thenComparingInt(ServiceRow::order);

    private List<ServiceRow> rows = List.of();
    private final Map<String, ServiceRow> byName = new HashMap<>();
    private final DashboardFilters filters = new DashboardFilters();
    private final ShownRows shown = new ShownRows();
    private final Map<Status, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Status.class);

    ServiceTable() {
        filters.predicate().addListener((obs, old, now) -> refile());
        for (Status s : Status.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper());
        }
    }

    /** Shows these rows instead of the current ones. */
    void replace(List<ServiceRow> fresh) {
        byName.clear();
        fresh.forEach(r -> byName.put(r.name(), r));
        rows = List.copyOf(fresh);
        filters.offer(fresh);
        refile();
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
        boolean moved = false;
        for (ServiceStatus s : batch.statuses()) {
            ServiceRow row = byName.get(s.name());
            moved |= row != null && row.update(s);
        }
        if (moved) {
            refile();
            recount();
        }
        Set<ServiceRow> down = new LinkedHashSet<>();
        for (StatusChange c : batch.changes()) {
            ServiceRow row = byName.get(c.service());
            if (row != null && c.to() == Status.DOWN && c.from().answering()) {
                down.add(row);
            }
        }
        return List.copyOf(down);
    }

    /** Files the rows again: filtered, problems first. */
    private void refile() {
        shown.show(rows.stream().filter(filters.predicate().get()).sorted(PROBLEMS_FIRST).toList());
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
