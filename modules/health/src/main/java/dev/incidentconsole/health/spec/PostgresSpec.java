package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;

/**
 * A PostgreSQL (or PgBouncer) login and query.
 *
 * @param sslMode pgjdbc {@code sslmode} ({@code disable}, {@code prefer}, {@code require}...); {@code prefer}
 *                when null
 * @param query   the query whose first column of the first row is checked; {@code SELECT 1} when null
 * @param expect  condition on that value, e.g. {@code < 90}; {@code null} to only require the query to run
 * @param readiness {@code pg_isready}'s question only: the server answering a login at all (even refusing it:
 *                  wrong password, unknown database) is UP; no query runs
 */
public record PostgresSpec(String host, int port, String database, String user, Secret password,
                           String sslMode, String query, ValueExpectation expect, boolean readiness) implements ProbeSpec {
    public PostgresSpec {
        database = database == null || database.isBlank() ? "postgres" : database;
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? Secret.empty() : password;
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode;
        query = query == null || query.isBlank() ? "SELECT 1" : query;
    }

    /** A login and query (not a readiness check). */
    public PostgresSpec(String host, int port, String database, String user, Secret password, String sslMode,
                        String query, ValueExpectation expect) {
        this(host, port, database, user, password, sslMode, query, expect, false);
    }

    /** {@code pg_isready}: whether the server at host:port accepts connections, logging in as {@code user}. */
    public static PostgresSpec ready(String host, int port, String database, String user) {
        return new PostgresSpec(host, port, database, user, null, null, null, null, true);
    }

    public static PostgresSpec of(String host, int port, String database, String user, String password) {
        return new PostgresSpec(host, port, database, user, Secret.of(password), null, null, null);
    }

    public PostgresSpec withQuery(String sql, ValueExpectation expectation) {
        return new PostgresSpec(host, port, database, user, password, sslMode, sql, expectation, readiness);
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public String describe() {
        if (readiness) {
            return "PostgreSQL accepts connections " + host + ":" + port;
        }
        return "PostgreSQL " + user + "@" + host + ":" + port + "/" + database + ": " + query
                + (expect != null ? " " + expect : "");
    }
}
