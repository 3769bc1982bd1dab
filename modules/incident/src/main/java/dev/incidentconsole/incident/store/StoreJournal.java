package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team store's offline journal and its connectivity, changed together under one guard: an append that could not
 * get the writer journals without the store's lock, so "the journal is empty, the store is online" must be decided
 * where appends happen, or an entry journaled in between is never sent while the store reports itself online.
 * Draining sends until the journal is empty; the file is emptied only when everything in it was sent, so a crash
 * while sending loses nothing (the inserts are idempotent by id).
 */
final class StoreJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreJournal.class);

    /**
     * Writes one entry in its own transaction; a {@link StoreException} means the database answered and refused that
     * entry (it is kept beside the journal and the drain goes on) or, with reason TIMEOUT, that it waited too long for
     * a lock another program holds (the drain stops, everything stays journaled), an {@link SQLException} that it
     * cannot be reached.
     */
    interface Sender {
        void send(TimelineEntry entry) throws SQLException, StoreException;
    }

    private final Object guard = new Object();
    private final OfflineJournal journal;
    private final Path directory;
    private final String databaseKey;
    private final String where;
    private final Dispatcher dispatcher;
    private volatile Connectivity state = Connectivity.ONLINE;
    /** Set by {@link #close()}; guarded, so a read racing a close sees CLOSED rather than the closed file. */
    private boolean closed;

    StoreJournal(OfflineJournal journal, Path directory, String databaseKey, String where, Dispatcher dispatcher) {
        this.journal = journal;
        this.directory = directory;
        this.databaseKey = databaseKey;
        this.where = where;
        this.dispatcher = dispatcher;
    }

    Connectivity state() {
        return state;
    }

    int size() {
        synchronized (guard) {
            return journal.size();
        }
    }

    void append(List<TimelineEntry> redacted) throws StoreException {
        synchronized (guard) {
            journal.append(redacted);
        }
    }

    /** Journals and goes offline in one step, so a concurrent {@link #goOnlineIfEmpty} sees both or neither. */
    void appendAndGoOffline(List<TimelineEntry> redacted, String why) throws StoreException {
        synchronized (guard) {
            journal.append(redacted);
            goOffline(why);
        }
    }

    /** Announces the outage (once); {@code why} is logged. */
    void goOffline(String why) {
        synchronized (guard) {
            if (state != Connectivity.OFFLINE) {
                LOG.warn("The incident database {} {}; keeping entries locally", where, why);
                state = Connectivity.OFFLINE;
                dispatcher.connectivityChanged(Connectivity.OFFLINE);
            }
        }
    }

    /** Offline from the start, as the opener asked: no event, the caller tells the user. */
    void startOffline() {
        synchronized (guard) {
            state = Connectivity.OFFLINE;
        }
    }

    /** Online again, announced, only when nothing waits; else false and the next round drains again. */
    boolean goOnlineIfEmpty() {
        synchronized (guard) {
            if (journal.size() != 0) {
                return false;
            }
            if (state != Connectivity.ONLINE) {
                state = Connectivity.ONLINE;
                LOG.info("The incident database {} is reachable again", where);
                dispatcher.connectivityChanged(Connectivity.ONLINE);
            }
            return true;
        }
    }

    /**
     * Sends journaled entries one transaction each, including those journaled while it sends, until the journal is
     * empty. The store's lock is held by the caller; appends meanwhile journal under this class's guard.
     *
     * @return true when the journal is empty afterwards (false when it cannot be read or emptied, or an entry timed
     *         out waiting for a lock)
     * @throws SQLException the connection failed; what was not sent stays journaled
     */
    boolean drain(Sender sender) throws SQLException {
        List<TimelineEntry> all = new ArrayList<>();
        try {
            return drain(sender, all);
        } finally {
            if (!all.isEmpty()) {
                LOG.info("Sent {} journaled entries to {}", all.size(), where);
                all.stream().map(TimelineEntry::incidentId).distinct().forEach(dispatcher::poke);
            }
        }
    }

    private boolean drain(Sender sender, List<TimelineEntry> all) throws SQLException {
        Set<UUID> sent = new HashSet<>();
        while (true) {
            List<TimelineEntry> pending;
            try {
                synchronized (guard) {
                    if (journal.clearIfSent(sent)) {
                        break;
                    }
                    pending = journal.readAll().stream().filter(e -> !sent.contains(e.id())).toList();
                }
            } catch (IOException e) {
                LOG.error("Cannot read or empty the offline journal: {}", e.getMessage());
                return false;
            }
            for (TimelineEntry e : pending) {
                try {
                    sender.send(e);
                } catch (StoreException refused) {
                    if (refused.reason() == StoreException.Reason.TIMEOUT) {
                        // Not a refusal: the database is busy with another program's lock. Set aside, the entry
                        // would never be sent; what was sent before it is skipped by id next time.
                        LOG.info("Sending journaled entries to {} waits for another program: {}", where,
                                refused.getMessage());
                        return false;
                    }
                    journal.reject(e, refused.getMessage());
                }
                sent.add(e.id());
                all.add(e);
            }
        }
        return true;
    }

    /**
     * Takes over the journals other processes on this database left behind.
     *
     * @return the entries taken over
     */
    List<TimelineEntry> adoptOrphans() throws IOException, StoreException {
        synchronized (guard) {
            return JournalFiles.adoptOrphans(directory, databaseKey, journal);
        }
    }

    /**
     * See {@link OfflineJournal#firstWrites}; {@code what} names the read in the CLOSED error after {@link #close()}.
     */
    List<TimelineEntry> firstWrites(Predicate<TimelineEntry> which, String what) throws StoreException {
        synchronized (guard) {
            if (closed) {
                throw new StoreException(StoreException.Reason.CLOSED, "Cannot read " + what
                        + ": the incident store is closed.");
            }
            return journal.firstWrites(which);
        }
    }

    /** The incidents whose creation waits in the journal, each replayed from what it holds of it, newest first. */
    List<Incident> startedIncidents() throws StoreException {
        Map<String, List<TimelineEntry>> byIncident = new LinkedHashMap<>();
        firstWrites(e -> true, "the incidents kept locally")
                .forEach(e -> byIncident.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e));
        return byIncident.values().stream().filter(l -> l.get(0).body() instanceof EntryBody.Created)
                .map(Incident::replay).sorted(Comparator.comparing(Incident::startedAt).reversed()).toList();
    }

    @Override
    public void close() {
        synchronized (guard) {
            closed = true;
            journal.close();
        }
    }
}
