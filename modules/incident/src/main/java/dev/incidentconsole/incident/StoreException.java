package dev.incidentconsole.incident;

import java.util.Objects;

/**
 * The one checked exception of incident stores and imports. The message is one sentence for the user
 * (what failed and what to do); {@link #reason()} tells code how to react.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a store call failed. */
    public enum Reason {
        /** No incident (or entry) with that id. */
        NOT_FOUND,
        /** The incident id is taken by a different incident, or an entry contradicts the timeline. */
        CONFLICT,
        /** The database cannot be reached; appends are journaled locally meanwhile, reads fail. */
        UNAVAILABLE,
        /** A blocking call did not finish within the store's timeout. */
        TIMEOUT,
        /** The input (import file, entry) is not valid. */
        INVALID_INPUT,
        /** The database or journal is damaged or was written by a newer version. */
        CORRUPT,
        /** The store was closed. */
        CLOSED,
        /** Any other database or file error. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
