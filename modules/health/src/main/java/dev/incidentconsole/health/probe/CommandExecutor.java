package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a check command somewhere and reports how it ended. The default {@link LocalCommandExecutor} runs
 * {@code sh -c} on this machine; the command runner can supply executors for SSH hosts or kube contexts.
 *
 * <p>Contract: implementations are thread-safe; {@link #run} returns within about {@code timeout}, killing
 * the command (and everything it started) when it overruns or when the calling thread is interrupted.
 */
public interface CommandExecutor {

    /**
     * @param command the command text, handed to the shell as is
     * @param env     extra environment variables; reveal them only to the process
     * @param target  where to run: {@code null} for this machine, else an executor-specific name
     * @param timeout the longest the command may run
     * @throws IOException when the command cannot be started (unknown target, no shell...)
     * @throws InterruptedException when the calling thread is interrupted; the command has been killed
     */
    CommandOutcome run(String command, Map<String, Secret> env, String target, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * How a command ended.
     *
     * @param exitCode the exit status, or -1 when it was killed
     * @param output   the tail of its combined stdout and stderr (at most a few KB)
     * @param timedOut whether it was killed for overrunning its timeout
     */
    record CommandOutcome(int exitCode, String output, boolean timedOut) {
    }
}
