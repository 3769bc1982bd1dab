package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a store's schema up to date with Flyway; the scripts live in {@code dev/incidentconsole/incident/db}. */
final class Migrations {
    /** Version of the newest script; a test keeps it equal to the highest {@code V<n>__*.sql}. */
    static final String LATEST = "2";
    static final String LOCATION = "dev/incidentconsole/incident/db";
    static final String HISTORY_TABLE = "incident_schema_history";

    private Migrations() {
    }

    /** @param where the file or database for messages, secrets already masked */
    static void migrate(DataSource dataSource, String where) throws StoreException {
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
            if (SqlErrors.isConnectivity(e)) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "Cannot reach the incident database "
                        + where + "; check the address and that it is running, or use the embedded store.", e);
            }
            throw new StoreException(StoreException.Reason.CORRUPT, "Could not prepare the incident store " + where
                    + " (" + e.getMessage().lines().findFirst().orElse("") + "); move the file aside or fix the database.", e);
        }
    }

    /**
     * Whether Flyway's history already ends at {@link #LATEST}. Every CLI call opens the store, and Flyway's
     * start-up (class loading, classpath scan) costs a few hundred milliseconds that this one query saves;
     * anything unexpected falls through to Flyway, which validates properly.
     */
    private static boolean alreadyCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + HISTORY_TABLE
                     + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rs.next() && LATEST.equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // no history table yet, or unreachable: Flyway reports it properly
        }
    }
}
