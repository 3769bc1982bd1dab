package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.Subscription;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * What both stores share: one writer connection guarded by a lock (taken with the store's timeout),
 * redaction before writing, reads, and delivery to subscribers.
 */
abstract class JdbcIncidentStore implements IncidentStore {

    /** Work on the connection; runs with the lock held. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    protected final StoreOptions options;
    protected final TimelineSql sql;
    protected final ReentrantLock lock = new ReentrantLock();
    protected final Dispatcher dispatcher;
    /** Where the store is, for messages; never holds a password. */
    protected final String where;
    private final Clock clock = Clock.systemUTC();
    /** Guarded by {@link #lock}; null while a shared database is unreachable. */
    protected Connection connection;
    protected volatile boolean closed;

    JdbcIncidentStore(StoreOptions options, boolean postgres, String where) {
        this.options = options;
        this.where = where;
        this.sql = new TimelineSql(postgres, (int) Math.max(1, options.timeout().toSeconds()));
        this.dispatcher = new Dispatcher(this::entries, postgres ? "pg" : "sqlite");
    }

    /** Records redacted entries durably; see {@link IncidentStore#append}. */
    protected abstract List<Receipt> record(List<TimelineEntry> redacted) throws StoreException;

    /** Records an imported document's redacted entries; like {@link #record}, for a store that tells the two apart. */
    protected List<Receipt> recordImport(List<TimelineEntry> redacted) throws StoreException {
        return record(redacted);
    }

    @Override
    public Incident create(IncidentDraft draft, String author) throws StoreException {
        Receipt r = append(draft.toEntry(author, clock));
        return Incident.replay(List.of(r.entry().withSeq(1)));
    }

    @Override
    public Receipt append(TimelineEntry entry) throws StoreException {
        return record(List.of(EntryPreparation.prepare(entry, options.redactor()))).get(0);
    }

    @Override
    public int importDocument(IncidentDocument document) throws StoreException {
        List<TimelineEntry> redacted = TimelineOrder.byRecording(document.entries()).stream()
                .map(e -> EntryPreparation.prepare(e, options.redactor())).toList();
        return (int) recordImport(redacted).stream().filter(r -> r.outcome() != Receipt.Outcome.ALREADY_STORED).count();
    }

    @Override
    public Optional<Incident> get(String incidentId) throws StoreException {
        return locked("read incident " + incidentId, c -> sql.get(c, incidentId));
    }

    @Override
    public List<Incident> list(boolean openOnly) throws StoreException {
        return locked("list incidents", c -> sql.list(c, openOnly));
    }

    @Override
    public List<TimelineEntry> entries(String incidentId, long afterSeq) throws StoreException {
        return locked("read the timeline of " + incidentId, c -> sql.entries(c, incidentId, afterSeq));
    }

    @Override
    public Subscription subscribe(String incidentId, long afterSeq, Consumer<TimelineEntry> listener) {
        return dispatcher.subscribe(incidentId, afterSeq, listener);
    }

    @Override
    public Subscription onConnectivity(Consumer<Connectivity> listener) {
        return dispatcher.onConnectivity(listener);
    }

    /** Runs {@code work} with the lock held and an open connection; SQL errors become StoreExceptions. */
    protected <T> T locked(String action, SqlWork<T> work) throws StoreException {
        acquire(action);
        try {
            if (connection == null) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "Cannot " + action + ": the incident"
                        + " database " + where + " is unreachable; entries are kept locally until it is back.");
            }
            try {
                return work.run(connection);
            } catch (SQLException e) {
                failed(e);
                throw SqlErrors.translate(e, action, where, login());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one write transaction on {@code c}: committed when it returns, rolled back when it throws. */
    protected <T> T transaction(Connection c, SqlWork<T> work) throws SQLException, StoreException {
        boolean done = false;
        begin(c);
        try {
            T result = work.run(c);
            commit(c);
            done = true;
            return result;
        } finally {
            if (!done) {
                try {
                    rollback(c);
                } catch (SQLException ignored) {
                    // The connection is already broken; the original error is what matters.
                }
            }
        }
    }

    /**
     * Starts a write transaction. Connections stay in auto-commit mode between transactions so reads
     * do not leave a transaction open (which would hold locks and old snapshots).
     */
    protected void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    protected void commit(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    protected void rollback(Connection c) throws SQLException {
        c.rollback();
        c.setAutoCommit(true);
    }

    /** The user the store logs in as, for telling the user's refused login from a pooler's; null when none. */
    protected String login() {
        return null;
    }

    /** Called with the lock held when a statement failed; a shared store checks for a lost connection. */
    protected void failed(SQLException e) {
    }

    protected void acquire(String action) throws StoreException {
        if (closed) {
            throw new StoreException(StoreException.Reason.CLOSED, "Cannot " + action + ": the incident store is closed.");
        }
        try {
            if (!lock.tryLock(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException(StoreException.Reason.TIMEOUT, "Cannot " + action + ": the incident store "
                        + where + " stayed busy for " + options.timeout().toSeconds() + " s; try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.TIMEOUT, "Cannot " + action + ": interrupted.", e);
        }
        if (closed) {
            lock.unlock();
            throw new StoreException(StoreException.Reason.CLOSED, "Cannot " + action + ": the incident store is closed.");
        }
    }

    protected void pokeSubscribers(List<Receipt> receipts) {
        Set<String> ids = new LinkedHashSet<>();
        receipts.forEach(r -> ids.add(r.entry().incidentId()));
        ids.forEach(dispatcher::poke);
    }

    protected static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing a broken connection fails; nothing to do about it.
            }
        }
    }
}
