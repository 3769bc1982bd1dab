package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team store: a PostgreSQL database shared by several clients. Entries recorded by any client reach
 * every subscriber through LISTEN/NOTIFY. When the database is unreachable, appends go to a local
 * journal (synced before returning) and are written, without duplicates, when it is back; the store
 * reports {@link Connectivity#OFFLINE} meanwhile and retries every {@link StoreOptions#retryInterval()}.
 * An outage is noticed without waiting for a write: the notification connection drops with it, and while
 * that connection is not up (still connecting, refused, reconnecting) the writer's connection is checked
 * every retry interval instead.
 */
public final class PostgresIncidentStore extends JdbcIncidentStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresIncidentStore.class);
    /** Short, because appends wait for the lock meanwhile; a slow answer counts as gone and is retried. */
    private static final int VALIDATION_SECONDS = 1;
    private final PgConnections connections;
    /** The journal and the connectivity; used without the store's lock by an append that cannot get the writer. */
    private final StoreJournal journal;
    /** Set while the writer holds the lock for the store's own long write (a drain, an import), not a stuck query. */
    private volatile boolean ownLongWrite;
    /** Whether the schema is known to be current; false when the store was opened offline. Guarded by the lock. */
    private boolean migrated;
    private final PgNotificationListener listener;
    private final PgReconnector reconnector;

    private PostgresIncidentStore(StoreOptions options, String where, PgConnections connections,
                                  OfflineJournal journal, Path journalDir, String databaseKey) {
        super(options, true, where);
        this.connections = connections;
        this.journal = new StoreJournal(journal, journalDir, databaseKey, where, dispatcher);
        long retry = Math.max(50, options.retryInterval().toMillis());
        this.listener = new PgNotificationListener(connections.dataSource(), retry, dispatcher::poke, dispatcher::pokeAll,
                this::notificationsLost);
        this.reconnector = new PgReconnector(retry, this::watchConnection);
    }

    /**
     * Connects, brings the schema up to date and sends entries journaled by an earlier run.
     *
     * @param jdbcUrl    e.g. {@code jdbc:postgresql://db.internal:5432/incidents}
     * @param user       login, or null when the URL carries it
     * @param password   password, or null when the URL carries it (or none is needed)
     * @param journalDir the user's data directory, where the offline journal lives
     * @param queueWhenUnreachable a database that cannot be reached now gives a store that starts
     *        {@link Connectivity#OFFLINE}: appends go to the journal, reads fail with UNAVAILABLE, and the store
     *        connects (bringing the schema up to date) and sends the journal as soon as the database answers
     * @throws StoreException UNAVAILABLE when the database cannot be reached now (without queueWhenUnreachable);
     *         other failures (login refused, a damaged schema) always
     */
    public static PostgresIncidentStore open(String jdbcUrl, String user, String password, Path journalDir,
                                             StoreOptions options, boolean queueWhenUnreachable) throws StoreException {
        String where = options.redactor().redact(jdbcUrl);
        PgConnections connections = new PgConnections(jdbcUrl, user, password,
                (int) Math.max(1, options.timeout().toSeconds()));
        PGSimpleDataSource ds = connections.dataSource();
        boolean migrated = true;
        String offline = "the database does not answer";
        try {
            Migrations.migrate(ds, where, ds.getUser());
        } catch (StoreException e) {
            if (!queueWhenUnreachable || e.reason() != StoreException.Reason.UNAVAILABLE) {
                throw e;
            }
            migrated = false;
            offline = e.getMessage();
        }
        OfflineJournal journal = JournalFiles.claim(journalDir, jdbcUrl + "|" + user);
        PostgresIncidentStore store = new PostgresIncidentStore(options, where, connections, journal, journalDir,
                jdbcUrl + "|" + user);
        store.lock.lock();
        try {
            store.migrated = migrated;
            if (migrated) {
                store.connection = connections.connect();
                store.drainLocked();
            } else {
                store.startOffline(offline);
            }
        } catch (SQLException e) {
            if (!queueWhenUnreachable || !SqlErrors.isConnectivity(e, ds.getUser())) {
                store.lock.unlock();
                store.close();
                throw SqlErrors.translateFirst(e, "connect", where, ds.getUser());
            }
            store.startOffline(e.getMessage());
        } finally {
            if (store.lock.isHeldByCurrentThread()) {
                store.lock.unlock();
            }
        }
        store.listener.start();
        return store;
    }

    @Override
    protected List<Receipt> record(List<TimelineEntry> redacted) throws StoreException {
        return record(redacted, false);
    }

    @Override
    protected List<Receipt> recordImport(List<TimelineEntry> redacted) throws StoreException {
        return record(redacted, true);
    }

    /**
     * @param longWrite an import: appends that time out meanwhile wait quietly, the database answering. Not any
     *                  write of several entries: one hung on a dead pooler must still announce the outage.
     */
    private List<Receipt> record(List<TimelineEntry> redacted, boolean longWrite) throws StoreException {
        if (journal.state() == Connectivity.OFFLINE && !closed) {
            // A known outage: journaled at once, not after waiting for a writer that a reconnect attempt may hold.
            return journal.append(redacted);
        }
        try {
            acquire("record " + redacted.size() + " timeline entries");
        } catch (StoreException e) {
            if (e.reason() != StoreException.Reason.TIMEOUT || closed || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return journalWhileStuck(redacted);
        }
        try {
            Set<String> incidents = redacted.stream().map(TimelineEntry::incidentId).collect(Collectors.toSet());
            // Behind a waiting entry of the same incident, to keep its order; others are written at once, also
            // while one incident's entries wait for a lock another session holds.
            if (connection != null && journal.state() != Connectivity.OFFLINE && !journal.waitsFor(incidents)) {
                ownLongWrite = longWrite;
                try {
                    List<Receipt> receipts = transaction(connection,
                            LockWaits.within(LockWaits.write(options.timeout()), c -> sql.insert(c, redacted)));
                    pokeSubscribers(receipts);
                    return receipts;
                } catch (SQLException e) {
                    if (SqlErrors.isLockTimeout(e)) {
                        return journal.appendWaitingForLock(redacted);
                    }
                    if (!SqlErrors.isConnectivity(e, login())) {
                        throw SqlErrors.translate(e, "record timeline entries", where, login());
                    }
                    // The commit may or may not have happened; the journal replay skips what did.
                    goOfflineLocked(e);
                } finally {
                    ownLongWrite = false;
                }
            }
            return journal.append(redacted);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The writer stayed held for the whole timeout. By a call the database does not answer (a PgBouncer whose server
     * is gone holds a query for minutes): the entries are journaled rather than refused, so a note the engineer typed
     * is not lost, and the store counts as offline until the journal is sent. By the store's own long write (a
     * backlog sent after an outage, a large import) or a query the database is still working on (a read waiting for
     * another program's lock; a fresh connection is answered): the entries wait in the journal, sent by the next
     * round, and no outage is announced.
     */
    private List<Receipt> journalWhileStuck(List<TimelineEntry> redacted) throws StoreException {
        if (journal.state() == Connectivity.OFFLINE) {
            return journal.append(redacted); // known already: no probe, which would wait the timeout again
        } else if (ownLongWrite || connections.answeredWithin(options.retryInterval())) {
            List<Receipt> waiting = journal.append(redacted);
            LOG.info("The incident store {} is busy with a long query; {} entries wait locally", where, redacted.size());
            return waiting;
        }
        return journal.appendAndGoOffline(redacted, "did not answer within " + options.timeout().toSeconds() + " s");
    }

    @Override
    protected void failed(SQLException e) {
        if (SqlErrors.isConnectivity(e, login())) {
            goOfflineLocked(e);
        }
    }

    @Override
    protected String login() {
        return connections.login();
    }

    @Override
    public Connectivity connectivity() {
        return journal.state();
    }

    @Override
    public int pendingEntries() {
        return journal.size();
    }

    // Neither read is behind the writer's lock: a query the database does not answer (a PgBouncer whose server is
    // gone) holds it for the whole timeout, and these reads are what the console shows in exactly that outage. The
    // journal has its own guard, under which a close is seen too.
    @Override
    public List<TimelineEntry> journaled(String incidentId) throws StoreException {
        return journal.firstWrites(e -> e.incidentId().equals(incidentId), "the locally kept entries of " + incidentId);
    }

    @Override
    public List<Incident> journaledIncidents() throws StoreException {
        return journal.startedIncidents();
    }

    /** Sends journaled entries one by one, also those journaled meanwhile; true when the journal is empty. Lock held. */
    private boolean drainLocked() throws SQLException {
        ownLongWrite = true;
        try {
            return journal.drain(e -> {
                try {
                    transaction(connection, LockWaits.within(LockWaits.DRAIN, c -> sql.insert(c, List.of(e))));
                } catch (SQLException refused) {
                    if (SqlErrors.isConnectivity(refused, login())) {
                        throw refused;
                    }
                    // The database answered: refused this entry (a NUL in a title an older version journaled), which
                    // the journal puts aside, or timed out waiting for another program's lock (TIMEOUT), sent later.
                    throw SqlErrors.translate(refused, "send journaled entry " + e.id(), where, login());
                }
            });
        } finally {
            ownLongWrite = false;
        }
    }

    /** Opened while the database does not answer, as asked: the caller says so to the user, so no warning here. */
    private void startOffline(String why) {
        closeQuietly(connection);
        connection = null;
        journal.startOffline();
        LOG.info("The incident database {} is unreachable ({}); journaling entries until it answers", where, why);
    }

    private void goOfflineLocked(Exception cause) {
        closeQuietly(connection);
        connection = null;
        journal.goOffline("is unreachable (" + cause.getMessage() + ")");
    }

    /** The listener lost its connection: the writer's is probably gone too. */
    private void notificationsLost() {
        checkWriter();
    }

    /**
     * Every retry interval: offline, tries to get back; online without notifications, checks the writer's
     * connection. A database that stops while the listener is not connected (it connects in the background
     * after open, and again after a loss) gives no other sign until the next write. Online, followed timelines
     * also catch up: behind a PgBouncer in transaction mode LISTEN keeps no server connection, so notifications
     * never come, and the listener cannot tell.
     */
    private void watchConnection() {
        if (closed) {
            return;
        }
        if (journal.state() == Connectivity.OFFLINE) {
            journal.adoptWhileOffline();
            reconnect();
        } else {
            if (!listener.listening()) {
                checkWriter();
            }
            sendWaitingEntries();
            dispatcher.pokeAll();
        }
    }

    /** Goes offline when the writer's connection no longer answers. */
    private void checkWriter() {
        if (!lock.tryLock()) {
            return; // the holder uses the connection and finds out itself; else the next round checks again
        }
        try {
            if (closed || journal.state() == Connectivity.OFFLINE || connection == null) {
                return;
            }
            if (!connection.isValid(VALIDATION_SECONDS)) {
                goOfflineLocked(new SQLException("connection is no longer valid"));
            }
        } catch (SQLException e) {
            goOfflineLocked(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Online, sends what waits in the journal: what other processes journaled and left behind (an {@code incident
     * note} run during an outage while this store was open), whose files are taken over, and what appends journaled
     * while the writer was busy with the store's own long write.
     */
    private void sendWaitingEntries() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (closed || journal.state() == Connectivity.OFFLINE || connection == null) {
                return;
            }
            if (!journal.adoptOrphans().isEmpty() || journal.size() > 0) {
                drainLocked();
            }
        } catch (SQLException e) {
            failed(e);
        } catch (StoreException | IOException e) {
            LOG.warn("Could not take over the journal another program left: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void reconnect() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (closed || journal.state() != Connectivity.OFFLINE) {
                return;
            }
            if (!migrated) {
                Migrations.migrate(connections.dataSource(), where, login());
                migrated = true;
            }
            if (connection == null) {
                connection = connections.connect();
            }
            drainLocked(); // the database answered, even if an incident's entries still wait for a lock
            if (journal.goOnline()) {
                dispatcher.pokeAll();
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            connection = null;
            LOG.debug("Incident database still unreachable: {}", e.getMessage());
        } catch (StoreException e) {
            LOG.debug("Incident database schema not reachable yet: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Reconnecting to the incident database failed: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        reconnector.close();
        listener.close();
        lock.lock();
        try {
            closeQuietly(connection);
            connection = null;
            journal.close();
        } finally {
            lock.unlock();
        }
        dispatcher.close();
    }
}
