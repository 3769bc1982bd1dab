package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;

/**
 * A PostgreSQL (or PgBouncer) login and query.
 *
 * @param sslMode pgjdbc {@code sslmode} ({@code disable}, {@code prefer}, {@code require}...); {@code prefer}
 *                when null
 * @param query   the query whose first column of the first row is checked; {@code SELECT 1} when null
 * @param expect  condition on that value, e.g. {@code < 90}; {@code null} to only require the query to run
 */
public record PostgresSpec(String host, int port, String database, String user, Secret password,
                           String sslMode, String query, ValueExpectation expect) implements ProbeSpec {
    public PostgresSpec {
        database = database == null || database.isBlank() ? "postgres" : database;
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? Secret.empty() : password;
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode;
        query = query == null || query.isBlank() ? "SELECT 1" : query;
    }

    public static PostgresSpec of(String host, int port, String database, String user, String password) {
        return new PostgresSpec(host, port, database, user, Secret.of(password), null, null, null);
    }

    public PostgresSpec withQuery(String sql, ValueExpectation expectation) {
        return new PostgresSpec(host, port, database, user, password, sslMode, sql, expectation);
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public String describe() {
        return "PostgreSQL " + user + "@" + host + ":" + port + "/" + database + ": " + query
                + (expect != null ? " " + expect : "");
    }
}
