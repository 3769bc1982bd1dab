package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so an append has
 * reached the disk (fsync of the WAL) before it returns and survives a kill or power loss. Several
 * processes may open the same file; writers wait for each other up to the store's timeout, and
 * subscribers see what the others write within about half a second.
 */
public final class SqliteIncidentStore extends JdbcIncidentStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteIncidentStore.class);
    /** How often subscribers learn of entries another process (the CLI, a second window) wrote. */
    private static final long WATCH_MILLIS = 500;

    private final ScheduledExecutorService watcher;
    /** Guarded by the lock; SQLite bumps it when another connection commits. */
    private long dataVersion = -1;

    private SqliteIncidentStore(StoreOptions options, String where, Connection connection) {
        super(options, false, where);
        this.connection = connection;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "incident-store-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::watchOtherWriters, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens (creating if needed) the store file and brings its schema up to date. */
    public static SqliteIncidentStore open(Path file, StoreOptions options) throws StoreException {
        String where = file.toString();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the folder for the incident store "
                    + where + " (" + e.getMessage() + "); check permissions or choose another data directory.", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.timeout().toMillis());
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Migrations.migrate(dataSource, where, null);
        try {
            // Auto-commit stays on: sqlite-jdbc would otherwise open the next write transaction right after
            // each commit and hold the file's write lock between appends, locking out other programs.
            Connection c = dataSource.getConnection();
            return new SqliteIncidentStore(options, where, c);
        } catch (SQLException e) {
            throw SqlErrors.translateFirst(e, "open the store", where, null);
        }
    }

    @Override
    protected List<Receipt> record(List<TimelineEntry> redacted) throws StoreException {
        List<Receipt> receipts = locked("record " + redacted.size() + " timeline entries",
                c -> transaction(c, tx -> sql.insert(tx, redacted)));
        pokeSubscribers(receipts);
        return receipts;
    }

    private void watchOtherWriters() {
        if (closed || !dispatcher.hasSubscriptions() || !lock.tryLock()) {
            return;
        }
        try {
            if (connection == null) {
                return;
            }
            long version;
            try (var st = connection.createStatement(); var rs = st.executeQuery("PRAGMA data_version")) {
                version = rs.next() ? rs.getLong(1) : -1;
            }
            // The first look pokes too: another program may have written before anyone subscribed.
            if (version != dataVersion) {
                dispatcher.pokeAll();
            }
            dataVersion = version;
        } catch (SQLException e) {
            LOG.debug("Could not check {} for entries from other programs: {}", where, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** The value of a PRAGMA on the store's own connection (tests check durability settings with it). */
    String pragma(String name) throws StoreException {
        return locked("read " + name, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    @Override
    protected void begin(Connection c) throws SQLException {
        execute(c, "BEGIN IMMEDIATE");
    }

    @Override
    protected void commit(Connection c) throws SQLException {
        execute(c, "COMMIT");
    }

    @Override
    protected void rollback(Connection c) throws SQLException {
        execute(c, "ROLLBACK");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public Connectivity connectivity() {
        return Connectivity.ONLINE;
    }

    @Override
    public int pendingEntries() {
        return 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        watcher.shutdownNow();
        lock.lock();
        try {
            closed = true;
            closeQuietly(connection);
            connection = null;
        } finally {
            lock.unlock();
        }
        dispatcher.close();
    }
}
