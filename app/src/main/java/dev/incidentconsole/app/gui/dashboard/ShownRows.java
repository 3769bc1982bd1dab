package dev.incidentconsole.app.gui.dashboard;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The service rows in the order shown, changed only by {@link #show}: one list change per call, covering
 * only the stretch between the first and the last row that is not where it was (a permutation when the same rows
 * were re-sorted). A list view then re-lays
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
        int[] moves = moves(removed, next.subList(head, next.size() - tail), head);
        if (moves != null) {
            // Rows re-sorted, none came or went: a list view's selection follows a moved row, whereas on a
            // replacement it keeps the old index and so selected whichever service moved into its place.
            nextPermutation(head, next.size() - tail, moves);
        } else if (removed.isEmpty()) {
            nextAdd(head, next.size() - tail);
        } else if (head == next.size() - tail) {
            nextRemove(head, removed);
        } else {
            nextReplace(head, next.size() - tail, removed);
        }
        endChange();
        return true;
    }

    /**
     * Where each row of {@code before} went in {@code after}, or null unless {@code after} holds the same rows in
     * another order. Entry {@code i} is for the row at {@code from + i} and holds its new index in the whole list:
     * a permutation change reads its array relative to its {@code from}.
     */
    private static int[] moves(List<ServiceRow> before, List<ServiceRow> after, int from) {
        if (before.isEmpty() || before.size() != after.size()) {
            return null;
        }
        Map<ServiceRow, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < after.size(); i++) {
            at.put(after.get(i), from + i);
        }
        int[] moves = new int[before.size()];
        for (int i = 0; i < before.size(); i++) {
            Integer to = at.remove(before.get(i));
            if (to == null) {
                return null;
            }
            moves[i] = to;
        }
        return moves;
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
