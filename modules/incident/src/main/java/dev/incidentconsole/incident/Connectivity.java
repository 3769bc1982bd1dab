package dev.incidentconsole.incident;

/** Whether a store reaches its database; the embedded store is always {@link #ONLINE}. */
public enum Connectivity {
    ONLINE,
    /** The database is unreachable: appends go to the local journal, reads fail with UNAVAILABLE. */
    OFFLINE
}
