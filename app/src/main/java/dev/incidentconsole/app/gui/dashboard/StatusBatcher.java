package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.schedule.HealthListener;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the scheduler's news from its worker threads until the UI thread drains it: for each service
 * only the latest snapshot is kept (ten checks between two frames cost one row update), status changes are
 * all kept in order (each may raise a notification). Thread-safe; {@link #drain()} is meant for one thread.
 */
final class StatusBatcher implements HealthListener {
    private final Map<String, ServiceStatus> latest = new ConcurrentHashMap<>();
    private final Queue<StatusChange> changes = new ConcurrentLinkedQueue<>();

    /** What arrived since the previous drain. */
    record Batch(List<ServiceStatus> statuses, List<StatusChange> changes) {
        boolean isEmpty() {
            return statuses.isEmpty() && changes.isEmpty();
        }
    }

    @Override
    public void statusChanged(StatusChange change) {
        changes.add(change);
    }

    @Override
    public void checked(ServiceStatus status) {
        // Calls for one service come in order, so the last put is the newest snapshot.
        latest.put(status.name(), status);
    }

    /** Takes everything collected so far. */
    Batch drain() {
        List<ServiceStatus> statuses = new ArrayList<>();
        for (String name : List.copyOf(latest.keySet())) {
            ServiceStatus s = latest.remove(name);
            if (s != null) {
                statuses.add(s);
            }
        }
        List<StatusChange> changed = new ArrayList<>();
        for (StatusChange c = changes.poll(); c != null; c = changes.poll()) {
            changed.add(c);
        }
        return new Batch(statuses, changed);
    }

    /** Forgets what is pending, e.g. news of the environment just left. */
    void clear() {
        latest.clear();
        changes.clear();
    }
}
