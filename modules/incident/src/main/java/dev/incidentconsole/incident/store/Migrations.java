package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a store's schema up to date with Flyway; the scripts live in {@code dev/incidentconsole/incident/db}. */
final class Migrations {
    private Migrations() {
    }

    /** @param where the file or database for messages, secrets already masked */
    static void migrate(DataSource dataSource, String where) throws StoreException {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .loggers("slf4j")
                    .dataSource(dataSource)
                    .locations("classpath:dev/incidentconsole/incident/db")
                    .table("incident_schema_history")
                    .baselineOnMigrate(false)
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
}
