package dev.incidentconsole.incident.store;

import java.sql.Statement;
import java.time.Duration;

/**
 * How long the team store's writes wait for a lock another session holds on an incident's row (a console whose
 * transaction was left open mid-write), instead of the statement timeout, which would read as an outage. A write that
 * gives up is journaled and sent by a later round.
 */
final class LockWaits {
    /** A journaled entry: tried again next round, and waiting longer would only hold the writer from new appends. */
    static final Duration DRAIN = Duration.ofMillis(200);
    /** An entry written now: long enough for another console's own short write to finish. */
    private static final Duration WRITE = Duration.ofSeconds(1);

    private LockWaits() {
    }

    /** The wait of an entry written now: {@link #WRITE}, at most half the store's timeout. */
    static Duration write(Duration storeTimeout) {
        Duration half = storeTimeout.dividedBy(2);
        return WRITE.compareTo(half) < 0 ? WRITE : half;
    }

    /** {@code work} in its transaction with lock waits cut off after {@code wait} (SQLState 55P03). */
    static <T> JdbcIncidentStore.SqlWork<T> within(Duration wait, JdbcIncidentStore.SqlWork<T> work) {
        return c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
            }
            return work.run(c);
        };
    }
}
