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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so an append has
 * reached the disk (fsync of the WAL) before it returns and survives a kill or power loss. Several
 * processes may open the same file; writers wait for each other up to the store's timeout.
 */
public final class SqliteIncidentStore extends JdbcIncidentStore {

    private SqliteIncidentStore(StoreOptions options, String where, Connection connection) {
        super(options, false, where);
        this.connection = connection;
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
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Migrations.migrate(dataSource, where);
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new SqliteIncidentStore(options, where, c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "open the store", where);
        }
    }

    @Override
    protected List<Receipt> record(List<TimelineEntry> redacted) throws StoreException {
        List<Receipt> receipts = locked("record " + redacted.size() + " timeline entries",
                c -> transaction(c, tx -> sql.insert(tx, redacted)));
        pokeSubscribers(receipts);
        return receipts;
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
