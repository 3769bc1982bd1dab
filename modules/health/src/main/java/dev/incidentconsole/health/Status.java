package dev.incidentconsole.health;

/** What the dashboard shows for a service, or what one probe attempt found. */
public enum Status {
    /** Answering within its threshold and meeting every expectation. */
    UP,
    /** Answering, but slower than its latency threshold or not meeting a body/value expectation. */
    DEGRADED,
    /** Not answering: for a service, only after the configured number of consecutive failed attempts. */
    DOWN,
    /** Not checked yet. */
    UNKNOWN;

    /** Lower-case name, as printed by the CLI and stored in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the service answered at all (UP or DEGRADED). */
    public boolean answering() {
        return this == UP || this == DEGRADED;
    }
}
