package dev.incidentconsole.incident;

/** Whether a store reaches its database; the embedded store is always {@link #ONLINE}. Only OFFLINE means unreachable. */
public enum Connectivity {
    ONLINE,
    /** The database is unreachable: appends go to the local journal, reads fail with UNAVAILABLE. */
    OFFLINE,
    /**
     * The database answers, but journaled entries of some incident have waited several rounds for a lock another
     * session holds (one idle in a transaction on that incident's rows): they stay queued, in order, while other
     * incidents' entries are written.
     */
    WAITING_FOR_LOCK
}
