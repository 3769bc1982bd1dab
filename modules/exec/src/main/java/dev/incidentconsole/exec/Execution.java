package dev.incidentconsole.exec;

import java.io.InputStream;
import java.time.Duration;

/** One started command on some target, as {@link RunHandle} drives it. Implementations: local, SSH. */
interface Execution {

    InputStream stdout();

    InputStream stderr();

    /** Waits up to {@code millis} for the command to end; true when it has ended. */
    boolean waitFor(long millis) throws InterruptedException;

    /** The exit code once ended, or {@code null} when there is none (killed by a signal, connection lost). */
    Integer exitCode();

    /** Why there is no exit code, e.g. "killed by signal KILL"; empty when there is one. */
    String exitDetail();

    /** Stops the command and every process it started: SIGTERM, then SIGKILL after {@code grace}. */
    void terminate(Duration grace);

    /** Frees what the execution holds (the SSH channel); the command has ended or been abandoned. */
    void release();
}
