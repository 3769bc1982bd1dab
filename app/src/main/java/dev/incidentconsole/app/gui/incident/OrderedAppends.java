package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * A timeline's appends, handed to the store one at a time in the order they were recorded: on parallel workers a note
 * followed at once by a status change could be stored (and numbered) the other way round. Callbacks run on the
 * executor's callback thread (the FX thread in the app), as does every call.
 */
final class OrderedAppends {
    /** What a durable append hands back: its receipt and how many entries wait in the store's journal after it. */
    record Appended(Receipt receipt, int queued) { }

    private final TaskExecutor executor;
    private final Supplier<IncidentStore> store;
    private final Consumer<Appended> stored;
    private final Consumer<Exception> failed;
    private final Queue<Runnable> appends = new ArrayDeque<>();
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private boolean appending;

    /**
     * @param stored gets every append once the store returned, before the append's own callback
     * @param failed gets the reason an append was refused
     */
    OrderedAppends(TaskExecutor executor, Supplier<IncidentStore> store, Consumer<Appended> stored,
                   Consumer<Exception> failed) {
        this.executor = executor;
        this.store = store;
        this.stored = stored;
        this.failed = failed;
    }

    /**
     * Appends {@code entry} after those recorded before it; {@code then} (may be null) gets its receipt, and
     * {@code refused} (may be null) runs after {@code failed} when the store refused it.
     */
    void append(TimelineEntry entry, Consumer<Receipt> then, Runnable refused) {
        pending.set(pending.get() + 1);
        appends.add(() -> executor.execute(() -> {
            IncidentStore s = store.get();
            Receipt receipt = s.append(entry);
            return new Appended(receipt, s.pendingEntries());
        }, done -> {
            try {
                pending.set(pending.get() - 1);
                stored.accept(done);
                if (then != null) {
                    then.accept(done.receipt());
                }
            } finally {
                next();
            }
        }, e -> {
            pending.set(pending.get() - 1);
            try {
                failed.accept(e);
                if (refused != null) {
                    refused.run();
                }
            } finally {
                next();
            }
        }));
        if (!appending) {
            next();
        }
    }

    /** Hands the next append to a worker once the one before it has returned (the store numbers them as they come). */
    private void next() {
        Runnable append = appends.poll();
        appending = append != null;
        if (append != null) {
            append.run();
        }
    }

    /** Appends handed over and not yet returned. */
    IntegerProperty pendingProperty() {
        return pending;
    }
}
