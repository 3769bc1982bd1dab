package dev.incidentconsole.exec;

/** How a run ended. */
public enum RunStatus {
    /** Exit code 0. */
    SUCCEEDED,
    /** A non-zero exit code. */
    FAILED,
    /** Stopped because it ran longer than its timeout. */
    TIMED_OUT,
    /** Stopped by {@link RunHandle#cancel()}. */
    CANCELLED,
    /** Lost before it could report an exit code (e.g. the SSH connection dropped). */
    ERROR
}
