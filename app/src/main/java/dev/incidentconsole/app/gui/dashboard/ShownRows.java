package dev.incidentconsole.app.gui.dashboard;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The service rows in the order shown, changed only by {@link #show}: one list change per call, covering
 * only the stretch between the first and the last row that is not where it was. A list view then re-lays
 * out the cells of that stretch alone, and a refresh whose rows all stay in place costs it nothing.
 * UI thread only.
 */
final class ShownRows extends ObservableListBase<ServiceRow> {
    private List<ServiceRow> rows = List.of();

    /**
     * Shows {@code next} instead; rows are compared by identity.
     *
     * @return whether anything moved, came or went
     */
    boolean show(List<ServiceRow> next) {
        List<ServiceRow> before = rows;
        int head = 0;
        int shorter = Math.min(before.size(), next.size());
        while (head < shorter && before.get(head) == next.get(head)) {
            head++;
        }
        int tail = 0;
        while (tail < shorter - head && before.get(before.size() - 1 - tail) == next.get(next.size() - 1 - tail)) {
            tail++;
        }
        if (head == before.size() && head == next.size()) {
            return false;
        }
        rows = List.copyOf(next);
        beginChange();
        List<ServiceRow> removed = new ArrayList<>(before.subList(head, before.size() - tail));
        if (removed.isEmpty()) {
            nextAdd(head, next.size() - tail);
        } else if (head == next.size() - tail) {
            nextRemove(head, removed);
        } else {
            nextReplace(head, next.size() - tail, removed);
        }
        endChange();
        return true;
    }

    @Override
    public ServiceRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
