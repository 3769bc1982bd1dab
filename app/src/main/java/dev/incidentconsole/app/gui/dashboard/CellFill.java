package dev.incidentconsole.app.gui.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one list's service cells are made whole yet ({@link ServiceCellTail}): the cells made before
 * {@link #fill()} show a row's status, name, address and reason, and wait here for the rest. The window fills them
 * once the first rows were drawn; cells made afterwards are whole at once. FX thread only.
 */
final class CellFill {
    private boolean filled;
    private final List<ServiceCell> waiting = new ArrayList<>();

    /** Cells that are whole from the start: tests, and lists not shown at a window's start. */
    static CellFill filled() {
        CellFill fill = new CellFill();
        fill.filled = true;
        return fill;
    }

    boolean isFilled() {
        return filled;
    }

    /** {@code cell} gets its tail at {@link #fill()}. */
    void await(ServiceCell cell) {
        waiting.add(cell);
    }

    /** Makes the waiting cells whole, and every later one at once. Idempotent. */
    void fill() {
        if (filled) {
            return;
        }
        filled = true;
        for (ServiceCell cell : waiting) {
            cell.fill();
        }
        waiting.clear();
    }
}
