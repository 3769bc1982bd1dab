package dev.incidentconsole.app.incident;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;

/**
 * A read of the team store that falls back, while the store is unreachable, on what this machine keeps (its journal,
 * what a window holds): the one place that tells an outage from any other store failure.
 */
public final class OutageFallback {
    private OutageFallback() {
    }

    /** A store read; throws what the store threw. */
    @FunctionalInterface
    public interface Read<T> {
        T read() throws StoreException;
    }

    /**
     * {@code fromStore}'s answer, or {@code kept}'s when {@code fromStore} failed and {@code store} then reports
     * itself {@link Connectivity#OFFLINE}. Runs on the calling thread (a worker: the store may block).
     *
     * @throws StoreException what {@code fromStore} threw when the store is not offline, or what {@code kept} threw
     */
    public static <T> T read(IncidentStore store, Read<T> fromStore, Read<T> kept) throws StoreException {
        try {
            return fromStore.read();
        } catch (StoreException e) {
            if (store.connectivity() != Connectivity.OFFLINE) {
                throw e;
            }
            return kept.read();
        }
    }
}
