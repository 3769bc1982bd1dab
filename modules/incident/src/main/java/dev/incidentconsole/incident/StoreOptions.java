package dev.incidentconsole.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every store.
 *
 * @param redactor      masks secrets before anything is written
 * @param timeout       longest a store call blocks (lock wait, statement, connect)
 * @param retryInterval how often an offline store tries to reach its database again
 */
public record StoreOptions(Redactor redactor, Duration timeout, Duration retryInterval) {
    public StoreOptions {
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (timeout.toMillis() < 1000) {
            throw new IllegalArgumentException("A store timeout under one second is too short: " + timeout);
        }
    }

    /** Standard redaction, 10 s timeout, retry every second. */
    public static StoreOptions defaults() {
        return new StoreOptions(Redactor.standard(), Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    public StoreOptions withRedactor(Redactor r) {
        return new StoreOptions(r, timeout, retryInterval);
    }

    public StoreOptions withRetryInterval(Duration d) {
        return new StoreOptions(redactor, timeout, d);
    }
}
