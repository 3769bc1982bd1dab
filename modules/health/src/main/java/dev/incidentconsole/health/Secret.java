package dev.incidentconsole.health;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.Objects;

/**
 * A credential (password, token, API key). {@link #toString()} masks it so it cannot leak into logs,
 * exceptions or the UI by accident; call {@link #reveal()} only where the value is sent to the service.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The clear value, to hand to the protocol that needs it. Never log it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : SecretMasker.MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
