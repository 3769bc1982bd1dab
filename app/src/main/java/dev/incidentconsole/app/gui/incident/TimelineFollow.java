package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.Subscription;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the shown incident's timeline and follows it in the store, so entries recorded elsewhere (other consoles, the
 * health recorder, a program that journaled during an outage) arrive live on the UI thread. One subscription at a
 * time: the shown incident's.
 */
final class TimelineFollow {
    private final Supplier<IncidentStore> store;
    private volatile Executor uiThread;
    private Subscription live;

    /** @param store supplies the open store (called on the executor's worker) */
    TimelineFollow(Supplier<IncidentStore> store) {
        this.store = store;
    }

    /** What a load read, and its subscription (null until {@link #deliverOn}). */
    record Loaded(TimelineRead read, Subscription live) { }

    /** Entries recorded elsewhere are delivered on {@code ui} from the next {@link #load} on. */
    void deliverOn(Executor ui) {
        this.uiThread = ui;
    }

    /**
     * On the worker: reads incident {@code id}'s timeline and subscribes to it from there, {@code arrived} told on the
     * UI thread; offline the journal's entries, the whole one read when the store is back.
     */
    Loaded load(String id, Consumer<TimelineEntry> arrived) throws StoreException {
        IncidentStore s = store.get();
        Executor ui = uiThread;
        TimelineRead read = TimelineRead.of(s, id);
        Subscription sub = ui == null ? null : s.subscribe(id, read.lastSeq(), e -> ui.execute(() -> arrived.accept(e)));
        if (sub != null && read.journalOnly()) {
            // A note another program journaled and this store took over between the read and the subscription was
            // handed to the subscribers of then only: read the journal again, now followed (arrived drops repeats).
            try {
                read = new TimelineRead(s.journaled(id), true);
            } catch (StoreException | RuntimeException e) {
                sub.close();
                throw e;
            }
        }
        return new Loaded(read, sub);
    }

    /** Follows with {@code sub} from now on, the earlier subscription closed. */
    void following(Subscription sub) {
        stop();
        live = sub;
    }

    void stop() {
        if (live != null) {
            live.close();
            live = null;
        }
    }
}
