package dev.incidentconsole.incident;

import dev.incidentconsole.incident.store.PostgresIncidentStore;
import dev.incidentconsole.incident.store.SqliteIncidentStore;
import java.nio.file.Path;

/** Opens incident stores: the embedded default (one SQLite file) or a team PostgreSQL database. */
public final class IncidentStores {
    /** File name of the embedded store inside the data directory. */
    public static final String EMBEDDED_FILE = "incidents.db";

    private IncidentStores() {
    }

    /**
     * Opens (creating if needed) the embedded store in {@code file}: SQLite, WAL, fsync on every commit.
     *
     * @throws StoreException CORRUPT when the file is not a store; IO when it cannot be created
     */
    public static IncidentStore embedded(Path file, StoreOptions options) throws StoreException {
        return SqliteIncidentStore.open(file, options);
    }

    /**
     * Connects to a team store on PostgreSQL and brings its schema up to date. While the database is
     * unreachable later on, entries are journaled in {@code dataDirectory} and sent when it is back.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://db.internal:5432/incidents}
     * @param user     login, or null when the URL carries it
     * @param password password, or null when the URL carries it or none is needed
     * @throws StoreException UNAVAILABLE when the database cannot be reached now
     */
    public static IncidentStore postgres(String jdbcUrl, String user, String password, Path dataDirectory,
                                         StoreOptions options) throws StoreException {
        return PostgresIncidentStore.open(jdbcUrl, user, password, dataDirectory, options, false);
    }

    /**
     * Like {@link #postgres}, but a database that cannot be reached now gives a store that starts offline
     * ({@link Connectivity#OFFLINE}) instead of failing: appends are journaled in {@code dataDirectory} and
     * sent, exactly once, by the first store on this machine that reaches the database (this one when it gets
     * through, the next process that opens it, or a window that has it open). Reads fail with UNAVAILABLE
     * meanwhile. For a command line that must not lose a note during an outage.
     *
     * @throws StoreException for what is not an outage: a refused login, a damaged schema, an unwritable journal
     */
    public static IncidentStore postgresQueueing(String jdbcUrl, String user, String password, Path dataDirectory,
                                                 StoreOptions options) throws StoreException {
        return PostgresIncidentStore.open(jdbcUrl, user, password, dataDirectory, options, true);
    }
}
