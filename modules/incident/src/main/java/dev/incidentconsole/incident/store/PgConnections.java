package dev.incidentconsole.incident.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How the team store connects: the writer's and the notification connection's settings, and a fresh connection that
 * tells a database that answers from one that is gone when the writer stays held for the whole timeout.
 */
final class PgConnections {
    private final PGSimpleDataSource dataSource;
    /** Like {@link #dataSource}, but gives up within the timeout itself: a frozen pooler must not hold the probe. */
    private final PGSimpleDataSource probe;
    private volatile Probe lastProbe;

    private record Probe(boolean answered, long atNanos) {
    }

    PgConnections(String jdbcUrl, String user, String password, int seconds) {
        this.dataSource = configured(jdbcUrl, user, password, seconds, seconds * 3);
        this.probe = configured(jdbcUrl, user, password, seconds, seconds);
    }

    private static PGSimpleDataSource configured(String jdbcUrl, String user, String password, int seconds,
                                                 int socketSeconds) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(seconds);
        ds.setLoginTimeout(seconds);
        ds.setSocketTimeout(socketSeconds);
        ds.setTcpKeepAlive(true);
        ds.setApplicationName("incident-console");
        // No named server-side statements: a PgBouncer in transaction mode hands the server connection to another
        // console between transactions, whose pgjdbc then finds "S_1" already there and the append fails.
        ds.setPrepareThreshold(0);
        return ds;
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    String login() {
        return dataSource.getUser();
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Whether the database answers a new connection now, within the timeout. The writer held past the timeout by a
     * query the database is still working on (another program's lock, a slow read) is no outage; one held by a
     * pooler whose server is gone, or a database that stopped, is: the probe cannot connect, or gets no answer.
     * An answer that refuses (too many connections) still says the database is there.
     */
    boolean answers() {
        boolean answered = probe();
        lastProbe = new Probe(answered, System.nanoTime());
        return answered;
    }

    /**
     * {@link #answers()}, but a result younger than {@code within} is given again: appends stuck behind the same query
     * would otherwise each wait the timeout once more for their own probe.
     */
    boolean answeredWithin(Duration within) {
        Probe last = lastProbe;
        if (last != null && System.nanoTime() - last.atNanos() < within.toNanos()) {
            return last.answered();
        }
        return answers();
    }

    private boolean probe() {
        // No query timeout: its cancel request may be what a pooler answers while the query itself waits for a server
        // that is gone; the probe's socket timeout ends a wait with a connection error instead.
        try (Connection c = probe.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return !SqlErrors.isConnectivity(e, login()) && !"57014".equals(e.getSQLState());
        }
    }
}
