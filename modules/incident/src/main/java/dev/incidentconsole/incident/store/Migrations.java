package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a store's schema up to date with Flyway; the scripts live in {@code dev/incidentconsole/incident/db}. */
final class Migrations {
    static final String LOCATION = "dev/incidentconsole/incident/db";
    static final String HISTORY_TABLE = "incident_schema_history";
    /** Version of the newest script on the class path, as Flyway writes it ({@code V2_1__x.sql}: {@code 2.1}); empty if unlisted. */
    static final Optional<String> LATEST = MigrationScripts.newest(Migrations.class.getClassLoader(), LOCATION);

    private Migrations() {
    }

    /**
     * @param where the file or database for messages, secrets already masked
     * @param login the user the console logs in as, or null when unknown or not applicable
     */
    static void migrate(DataSource dataSource, String where, String login) throws StoreException {
        if (alreadyCurrent(dataSource)) {
            return;
        }
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .loggers("slf4j")
                    .dataSource(dataSource)
                    .locations("classpath:" + LOCATION)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Optional<String> poolerLogin = SqlErrors.poolerLogin(e, login);
            if (poolerLogin.isPresent()) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, SqlErrors.poolerLoginMessage(where,
                        poolerLogin.get()), e);
            }
            Optional<StoreException> refused = SqlErrors.pooler(e, where).or(() -> SqlErrors.refusedSetup(e, where, login));
            if (refused.isPresent()) {
                throw refused.get();
            }
            if (SqlErrors.isConnectivity(e, login)) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "Cannot reach the incident database "
                        + where + "; check the address and that it is running, or use the embedded store.", e);
            }
            throw new StoreException(StoreException.Reason.CORRUPT, "Could not prepare the incident store " + where
                    + " (" + e.getMessage().lines().findFirst().orElse("") + "); move the file aside or fix the database.", e);
        }
    }

    /**
     * Whether Flyway's history already ends at {@link #LATEST}. Every CLI call and every window start opens the
     * store, and Flyway's start-up (class loading, classpath scan) costs from a few hundred milliseconds to
     * seconds under load that this one query saves; anything unexpected falls through to Flyway, which
     * validates properly. The newest version is read from the scripts themselves, so a new migration is
     * never skipped.
     */
    private static boolean alreadyCurrent(DataSource dataSource) {
        if (LATEST.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + HISTORY_TABLE
                     + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rs.next() && LATEST.get().equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // no history table yet, or unreachable: Flyway reports it properly
        }
    }
}
