package dev.incidentconsole.incident.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link TimelineSql#CHANNEL} over a dedicated connection and thread, reconnecting after an
 * outage. Each notification names an incident with new entries; after every (re)connect it reports
 * {@code connected} so the store can catch up on what it missed while deaf. It connects in the background
 * after {@link #start()}, so it may not be {@link #listening()} yet, or ever (the database may refuse it).
 */
final class PgNotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotificationListener.class);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final long retryMillis;
    private final Consumer<String> onNotify;
    private final Runnable connected;
    private final Runnable lost;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    PgNotificationListener(DataSource dataSource, long retryMillis, Consumer<String> onNotify, Runnable connected,
                           Runnable lost) {
        this.dataSource = dataSource;
        this.retryMillis = retryMillis;
        this.onNotify = onNotify;
        this.connected = connected;
        this.lost = lost;
        this.thread = new Thread(this::loop, "incident-store-listen");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether notifications arrive now; false until the first connect and while reconnecting. */
    boolean listening() {
        return listening;
    }

    private void loop() {
        Connection conn = null;
        while (!closed) {
            try {
                if (conn == null) {
                    conn = dataSource.getConnection();
                    conn.setAutoCommit(true);
                    try (Statement st = conn.createStatement()) {
                        st.execute("LISTEN " + TimelineSql.CHANNEL);
                    }
                    listening = true;
                    connected.run();
                }
                PGNotification[] notes = conn.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        onNotify.accept(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                JdbcIncidentStore.closeQuietly(conn);
                conn = null;
                if (closed) {
                    break;
                }
                if (listening) {
                    LOG.info("Lost the notification connection to the incident database: {}", e.getMessage());
                    listening = false;
                    lost.run();
                }
                sleep(retryMillis);
            } catch (RuntimeException e) {
                LOG.warn("Notification handling failed: {}", e.toString());
            }
        }
        JdbcIncidentStore.closeQuietly(conn);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(POLL_MILLIS * 8L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
