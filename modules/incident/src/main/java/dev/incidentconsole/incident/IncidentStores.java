package dev.incidentconsole.incident;

import dev.incidentconsole.incident.store.PostgresIncidentStore;
import dev.incidentconsole.incident.store.SqliteIncidentStore;
import java.nio.file.Path;
import java.util.Locale;

/** Opens incident stores: the embedded default (one SQLite file) or a team PostgreSQL database. */
public final class IncidentStores {
    /** File name of the embedded store inside the data directory. */
    public static final String EMBEDDED_FILE = "incidents.db";

    private IncidentStores() {
    }

    /**
     * The user's data directory for Incident Console: {@code $XDG_DATA_HOME/incident-console} (default
     * {@code ~/.local/share/incident-console}) on Linux, {@code ~/Library/Application Support/Incident Console}
     * on macOS, {@code %APPDATA%\Incident Console} on Windows.
     */
    public static Path defaultDataDirectory() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Incident Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Incident Console");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("incident-console");
    }

    /** The embedded store in the default place ({@link #defaultDataDirectory()}/{@value #EMBEDDED_FILE}). */
    public static IncidentStore embedded() throws StoreException {
        return embedded(defaultDataDirectory().resolve(EMBEDDED_FILE), StoreOptions.defaults());
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
        return PostgresIncidentStore.open(jdbcUrl, user, password, dataDirectory, options);
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
