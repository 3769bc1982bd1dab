package dev.incidentconsole.exec;

/**
 * The one checked exception of this module: {@link #reason()} says what went wrong so callers can react
 * (ask again, offer a terminal, show a warning); {@link #getMessage()} is one sentence for the engineer.
 */
public class ExecException extends Exception {

    /** Why a command could not be prepared, started or awaited. */
    public enum Reason {
        /** The request itself is malformed (bad variable name, NUL byte in a value, missing target). */
        INVALID_REQUEST,
        /** A placeholder has no value. */
        MISSING_VARIABLE,
        /** A destructive command was started without a matching {@link Confirmation}. */
        NOT_CONFIRMED,
        /** A binary the target needs (kubectl, docker, a shell) is not installed or not on PATH. */
        TOOL_MISSING,
        /** A helper call (e.g. listing kube contexts) ran but failed. */
        TOOL_FAILED,
        /** The process or remote channel could not be started. */
        START_FAILED,
        /** kubectl would run without a cluster context (and fall back to localhost:8080). */
        NO_KUBE_CONTEXT,
        /** ~/.ssh/config or another configuration file could not be read or parsed. */
        CONFIG_INVALID,
        /** The SSH host, or the API server of a kube target, could not be reached, or the connection broke. */
        CONNECT_FAILED,
        /** The SSH server rejected every key offered. */
        AUTH_FAILED,
        /** A private key file could not be read or decrypted. */
        KEY_UNREADABLE,
        /** The host presented a key that is not in known_hosts and the engineer did not accept it. */
        HOST_KEY_REJECTED,
        /** The host presented a key different from the one recorded in known_hosts: possible attack. */
        HOST_KEY_CHANGED,
        /** {@link RunHandle#await} gave up before the command finished; the command keeps running. */
        STILL_RUNNING,
        /** The waiting thread was interrupted. */
        INTERRUPTED,
        /** The caller stopped the run while it was starting (connecting): the command was not sent, nothing ran. */
        STOPPED,
        /** Reading or writing a local file failed. */
        IO
    }

    private final Reason reason;

    public ExecException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExecException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The run was stopped while it was starting: nothing was sent. */
    static ExecException stoppedBeforeStart() {
        return new ExecException(Reason.STOPPED, "Stopped before it started; the command did not run.");
    }
}
