package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.Receipt;
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
 * while sending loses nothing (the inserts are idempotent by id). An entry whose send waits too long for a lock
 * another session holds blocks only its own incident (whose later entries wait behind it, in order): the other
 * incidents' entries are sent, remembered as sent while the file still holds them, and no longer counted.
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

    /** Drains in a row stopped by the same kind of lock before the user is told ({@link Connectivity#WAITING_FOR_LOCK}). */
    static final int LOCK_ROUNDS = 3;

    private final Object guard = new Object();
    private final OfflineJournal journal;
    private final Path directory;
    private final String databaseKey;
    private final String where;
    private final Dispatcher dispatcher;
    private volatile Connectivity state = Connectivity.ONLINE;
    /** Set by {@link #close()}; guarded, so a read racing a close sees CLOSED rather than the closed file. */
    private boolean closed;
    /** Entries sent while the file still holds them (an incident blocked by a lock kept it from being emptied). Guarded. */
    private final Set<UUID> sentKept = new HashSet<>();
    /** How many of the file's lines are in {@link #sentKept}. Guarded. */
    private int linesSentKept;
    /** Incidents whose journaled entries wait for another session's lock, as of the last drain. Guarded. */
    private Set<String> blocked = Set.of();
    /** Drains in a row that left some incident blocked. Guarded. */
    private int blockedRounds;

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

    /** Entries waiting, not counting those sent while an incident blocked by a lock keeps the file from being emptied. */
    int size() {
        synchronized (guard) {
            return journal.size() - linesSentKept;
        }
    }

    /**
     * Whether an entry of one of these incidents waits: a new entry of it must then be journaled behind it, to keep
     * the incident's order; other incidents' entries can be written at once.
     */
    boolean waitsFor(Set<String> incidentIds) throws StoreException {
        synchronized (guard) {
            if (size() == 0) {
                return false;
            }
            if (blocked.stream().anyMatch(incidentIds::contains)) {
                return true;
            }
            return !firstWrites(e -> incidentIds.contains(e.incidentId()), "the locally kept entries").isEmpty();
        }
    }

    /** Journals {@code redacted}; returns their receipts, each {@link Receipt.Outcome#JOURNALED}. */
    List<Receipt> append(List<TimelineEntry> redacted) throws StoreException {
        synchronized (guard) {
            journal.append(redacted);
        }
        return receipts(redacted);
    }

    /**
     * A write gave up waiting for another session's lock on these entries' incidents: they wait in the journal behind
     * it, sent by a later round, and the store says at once that it waits for a lock (the engineer's own entry waits,
     * not a backlog), staying online.
     *
     * <p>Every incident of the write counts as blocked, also one whose row was free: the lock timeout rolled back the
     * whole transaction, so its entries are journaled too and its later writes wait behind them ({@link #waitsFor}
     * says so from the journal alone, blocked or not). The next drain sends entry by entry and keeps blocked only the
     * incidents whose send hit the lock.
     */
    List<Receipt> appendWaitingForLock(List<TimelineEntry> redacted) throws StoreException {
        synchronized (guard) {
            journal.append(redacted);
            Set<String> now = new HashSet<>(blocked);
            redacted.forEach(e -> now.add(e.incidentId()));
            blocked = Set.copyOf(now);
            blockedRounds = Math.max(blockedRounds, LOCK_ROUNDS);
            if (state != Connectivity.OFFLINE) {
                goOnline();
            }
        }
        return receipts(redacted);
    }

    /** Journals and goes offline in one step, so a concurrent {@link #goOnline} sees both or neither. */
    List<Receipt> appendAndGoOffline(List<TimelineEntry> redacted, String why) throws StoreException {
        synchronized (guard) {
            journal.append(redacted);
            goOffline(why);
        }
        return receipts(redacted);
    }

    private static List<Receipt> receipts(List<TimelineEntry> redacted) {
        return redacted.stream().map(e -> new Receipt(e, Receipt.Outcome.JOURNALED)).toList();
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

    /**
     * The database answered a drain: online again, announced, even when entries still wait for another session's
     * lock (they are sent by a later round; {@link Connectivity#WAITING_FOR_LOCK} once they waited
     * {@link #LOCK_ROUNDS} drains).
     *
     * @return true when the state changed
     */
    boolean goOnline() {
        synchronized (guard) {
            Connectivity now = blockedRounds >= LOCK_ROUNDS ? Connectivity.WAITING_FOR_LOCK : Connectivity.ONLINE;
            if (state == now) {
                return false;
            }
            if (state == Connectivity.OFFLINE) {
                LOG.info("The incident database {} is reachable again", where);
            } else if (now == Connectivity.WAITING_FOR_LOCK) {
                LOG.warn("Entries of incidents {} wait for a lock another session holds on {}", blocked, where);
            }
            state = now;
            dispatcher.connectivityChanged(now);
            return true;
        }
    }

    /**
     * Sends journaled entries one transaction each, including those journaled while it sends, until the journal is
     * empty. The store's lock is held by the caller; appends meanwhile journal under this class's guard.
     *
     * @return true when the journal is empty afterwards (false when it cannot be read or emptied, or an incident's
     *         entry timed out waiting for a lock: that incident's entries wait, the others were sent)
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
        Set<UUID> sent;
        synchronized (guard) {
            sent = new HashSet<>(sentKept);
        }
        Set<String> waiting = new HashSet<>();
        try {
            while (true) {
                List<TimelineEntry> pending;
                try {
                    synchronized (guard) {
                        if (journal.clearIfSent(sent)) {
                            sent.clear();
                            break;
                        }
                        pending = journal.readAll().stream()
                                .filter(e -> !sent.contains(e.id()) && !waiting.contains(e.incidentId())).toList();
                    }
                } catch (IOException e) {
                    LOG.error("Cannot read or empty the offline journal: {}", e.getMessage());
                    return false;
                }
                if (pending.isEmpty()) {
                    break; // what is left belongs to incidents blocked by a lock
                }
                for (TimelineEntry e : pending) {
                    if (waiting.contains(e.incidentId())) {
                        continue; // behind its incident's blocked entry, in order
                    }
                    try {
                        sender.send(e);
                    } catch (StoreException refused) {
                        if (refused.reason() == StoreException.Reason.TIMEOUT) {
                            // Not a refusal: another session holds a lock on this incident's rows. Set aside, the
                            // entry would never be sent; it and the incident's later entries wait for a later round.
                            LOG.info("Journaled entries of incident {} wait for another session's lock on {}: {}",
                                    e.incidentId(), where, refused.getMessage());
                            waiting.add(e.incidentId());
                            continue;
                        }
                        journal.reject(e, refused.getMessage());
                    }
                    sent.add(e.id());
                    all.add(e);
                }
            }
        } finally {
            remember(sent, waiting);
        }
        return waiting.isEmpty();
    }

    /** After a drain: what was sent while the file stays, which incidents are blocked, and for how many rounds. */
    private void remember(Set<UUID> sent, Set<String> waiting) {
        synchronized (guard) {
            sentKept.clear();
            linesSentKept = 0;
            if (!sent.isEmpty() && journal.size() > 0) {
                try {
                    sentKept.addAll(sent);
                    linesSentKept = (int) journal.readAll().stream().filter(e -> sent.contains(e.id())).count();
                } catch (IOException e) {
                    sentKept.clear(); // counted as waiting, sent again: the database keeps its first
                    LOG.warn("Cannot read the offline journal: {}", e.getMessage());
                }
            }
            blocked = Set.copyOf(waiting);
            blockedRounds = waiting.isEmpty() ? 0 : blockedRounds + 1;
            if (state != Connectivity.OFFLINE) {
                goOnline();
            }
        }
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
     * Offline, takes over what another program here queued meanwhile and left (an {@code incident note} in a
     * terminal): the journal this store reads back then holds it, and the incident's followers are handed it.
     */
    void adoptWhileOffline() {
        try {
            List<TimelineEntry> taken = adoptOrphans();
            if (!taken.isEmpty()) {
                dispatcher.journaled(taken);
            }
        } catch (StoreException | IOException e) {
            LOG.warn("Could not take over the journal another program left: {}", e.getMessage());
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
            return journal.firstWrites(which.and(e -> !sentKept.contains(e.id())));
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
