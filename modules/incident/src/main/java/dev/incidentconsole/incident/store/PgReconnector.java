package dev.incidentconsole.incident.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team store's watch: runs one round (offline, try to get back; online, check the writer and send what waits)
 * every retry interval on a daemon thread, until closed. A round that throws is logged and the next one still runs.
 */
final class PgReconnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgReconnector.class);

    private final ScheduledExecutorService scheduler;

    PgReconnector(long intervalMillis, Runnable round) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "incident-store-reconnect");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // An exception would cancel the schedule, and with it every later check.
                LOG.warn("Checking the incident database connection failed: {}", e.toString());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
