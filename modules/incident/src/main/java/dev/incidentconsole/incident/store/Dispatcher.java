package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.Subscription;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers new entries to subscribers on one thread. A poke says "this incident may have new entries";
 * each subscription then reads from its own cursor, so a missed or repeated poke neither loses nor
 * repeats an entry.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Reads entries after a cursor (the store's own read path). */
    interface Source {
        List<TimelineEntry> entries(String incidentId, long afterSeq) throws StoreException;
    }

    private static final class Sub {
        final Consumer<TimelineEntry> listener;
        volatile long cursor;
        volatile boolean closed;

        Sub(long cursor, Consumer<TimelineEntry> listener) {
            this.cursor = cursor;
            this.listener = listener;
        }
    }

    private final Source source;
    private final ExecutorService thread;
    private final Map<String, List<Sub>> subs = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Connectivity>> connectivityListeners = new CopyOnWriteArrayList<>();

    Dispatcher(Source source, String name) {
        this.source = source;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "incident-store-events-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    Subscription subscribe(String incidentId, long afterSeq, Consumer<TimelineEntry> listener) {
        Sub sub = new Sub(afterSeq, listener);
        subs.computeIfAbsent(incidentId, k -> new CopyOnWriteArrayList<>()).add(sub);
        poke(incidentId);
        return () -> {
            sub.closed = true;
            List<Sub> list = subs.get(incidentId);
            if (list != null) {
                list.remove(sub);
            }
        };
    }

    Subscription onConnectivity(Consumer<Connectivity> listener) {
        connectivityListeners.add(listener);
        return () -> connectivityListeners.remove(listener);
    }

    /** The incident may have new entries. Cheap when nobody listens to it. */
    void poke(String incidentId) {
        List<Sub> list = subs.get(incidentId);
        if (list == null || list.isEmpty() || !pending.add(incidentId)) {
            return;
        }
        run(() -> {
            pending.remove(incidentId);
            deliver(incidentId);
        });
    }

    boolean hasSubscriptions() {
        return subs.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /** Every subscribed incident may have new entries (after a reconnect). */
    void pokeAll() {
        subs.keySet().forEach(this::poke);
    }

    /**
     * Entries another program on this machine journaled, now in this store's journal while the database is
     * unreachable: handed to the incident's subscribers as they are ({@code seq} 0), their cursors untouched, so the
     * stored copies are delivered too once sent.
     */
    void journaled(List<TimelineEntry> entries) {
        run(() -> {
            for (TimelineEntry e : entries) {
                for (Sub sub : subs.getOrDefault(e.incidentId(), List.of())) {
                    if (!sub.closed) {
                        deliver(sub, e);
                    }
                }
            }
        });
    }

    void connectivityChanged(Connectivity state) {
        run(() -> {
            for (Consumer<Connectivity> l : connectivityListeners) {
                try {
                    l.accept(state);
                } catch (RuntimeException e) {
                    LOG.warn("A connectivity listener failed: {}", e.toString());
                }
            }
        });
    }

    private void deliver(String incidentId) {
        for (Sub sub : subs.getOrDefault(incidentId, List.of())) {
            if (sub.closed) {
                continue;
            }
            List<TimelineEntry> fresh;
            try {
                fresh = source.entries(incidentId, sub.cursor);
            } catch (StoreException e) {
                // Offline or closing: the reconnect pokes again, nothing is skipped.
                LOG.debug("Could not read new entries of {}: {}", incidentId, e.getMessage());
                return;
            }
            for (TimelineEntry e : fresh) {
                if (sub.closed) {
                    break;
                }
                deliver(sub, e);
                sub.cursor = e.seq();
            }
        }
    }

    private static void deliver(Sub sub, TimelineEntry e) {
        try {
            sub.listener.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("A timeline listener of {} failed on entry {}: {}", e.incidentId(), e.id(), ex.toString());
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Store is closing; dropped a delivery");
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
