package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.PostgresSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Logs in with pgjdbc and runs {@code SELECT 1} or the configured query; reports the server version.
 * pgjdbc's timeouts are whole seconds, so they are rounded up; the scheduler's hard timeout aborts the
 * connection when the attempt overruns the exact budget.
 */
final class PostgresProbe implements Probe {
    private static final Driver DRIVER = new Driver(); // direct use avoids DriverManager's global lock
    private final PostgresSpec spec;

    PostgresProbe(PostgresSpec spec) {
        this.spec = spec;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        String url = "jdbc:postgresql://" + hostPart(spec.host()) + ":" + spec.port() + "/" + spec.database();
        try (Connection connection = DRIVER.connect(url, properties(context))) {
            if (connection == null) {
                return context.down("pgjdbc rejected the URL " + url);
            }
            context.onAbort(() -> abort(connection));
            String version = connection.getMetaData().getDatabaseProductVersion();
            if (spec.readiness()) {
                return context.up(accepts()).withDetail("version", "PostgreSQL " + version);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(seconds(context.remainingMillis()));
                String value = null;
                try (ResultSet rs = statement.executeQuery(spec.query())) {
                    if (rs.next()) {
                        value = rs.getString(1);
                    }
                }
                ProbeResult result = context.up(spec.expect() == null ? "query ok" : "query returned " + value)
                        .withDetail("version", "PostgreSQL " + version);
                String unmet = spec.expect() == null ? null : spec.expect().test(value);
                return unmet == null ? result : result.withStatus(Status.DEGRADED, "query: " + unmet);
            }
        } catch (SQLException e) {
            String reason = describe(e, context);
            if (reason.startsWith("unsupported startup parameter")) {
                // PgBouncer without ignore_startup_parameters refuses what pgjdbc always sends: the pooler is
                // there, but the login and query could not be tried; not DOWN, since psql gets through
                String parameter = reason.substring(reason.indexOf(':') + 1).strip();
                return context.up(reason).withStatus(Status.DEGRADED, "PgBouncer on " + spec.port() + " answers but refuses "
                        + parameter + ", which JDBC sends; add ignore_startup_parameters = " + parameter
                        + " to pgbouncer.ini to check the login and query");
            }
            if (spec.readiness() && answered(e)) {
                // as pg_isready: a server that refuses this login (password, database) still accepts connections
                return context.up(accepts()).withDetail("login", spec.user() + ": " + reason);
            }
            return context.down(reason);
        }
    }

    private String accepts() {
        return "PostgreSQL on " + spec.port() + " accepts connections";
    }

    private static boolean answered(SQLException e) {
        if (!(e instanceof PSQLException p) || p.getSQLState() == null) {
            return false;
        }
        // 28xxx: authentication refused; 3D000: no such database; 08004: the server asked for a password we lack
        return p.getServerErrorMessage() != null && (p.getSQLState().startsWith("28") || p.getSQLState().equals("3D000"))
                || p.getSQLState().equals("08004");
    }

    private Properties properties(ProbeContext context) {
        String secs = Integer.toString(seconds(context.remainingMillis()));
        Properties p = new Properties();
        p.setProperty("user", spec.user());
        if (!spec.password().isEmpty()) {
            p.setProperty("password", spec.password().reveal());
        }
        p.setProperty("connectTimeout", secs);
        p.setProperty("socketTimeout", secs);
        p.setProperty("loginTimeout", secs);
        p.setProperty("sslmode", spec.sslMode());
        p.setProperty("ApplicationName", "incident-console health");
        return p;
    }

    private static String describe(SQLException e, ProbeContext context) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage(); // e.g. password authentication failed for user "nova"
            }
        }
        if (e.getCause() != null) {
            return Failures.describe(e.getCause(), context);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("refused")) {
            return "connection refused";
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("timed out") || context.aborted()) {
            return Failures.timeout(context);
        }
        return message;
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // already broken; the attempt is being abandoned anyway
        }
    }

    private static int seconds(int millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
