package dev.incidentconsole.health.probe;

import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.runbook.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Up when the command exits 0; the reason of a failure is the exit code and the last line the command wrote
 * to stderr (else to stdout), after the line it continues when it is indented (psql's hint under its error). The
 * command runs through exec's {@link CommandRunner} on the spec's target. It is judged first, as exec judges
 * a command the engineer runs, and refused when destructive (a health check must never run one unattended),
 * interactive (it would wait for a terminal) or endless (it would only ever time out); the reason names the
 * service and where it was defined. An overrun stops the command the way exec cancels a run: the local
 * process tree, or the remote process over SSH.
 */
final class CommandProbe implements Probe {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProbe.class);
    private static final int MAX_DETAIL = 2000;
    /** Indented lines a failure's reason takes before the line they continue. */
    private static final int MAX_CONTINUED = 3;
    /** Time past the probe's own budget to let exec stop the command and hand back what it printed. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(2);

    private final CommandSpec spec;
    private final CommandRunner runner;
    private final String where;

    /**
     * @param where the service and where it was defined, for refusals, e.g.
     *              {@code service "db" (environments.yaml line 12)}
     */
    CommandProbe(CommandSpec spec, CommandRunner runner, String where) {
        this.spec = spec;
        this.runner = runner;
        this.where = where;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Target target;
        try {
            target = CheckTargets.resolve(spec);
        } catch (IllegalArgumentException e) {
            return context.down(e.getMessage() + " (" + where + ")");
        }
        RunRequest request = new RunRequest(spec.command(), List.of(), target, Map.of(), context.remaining(),
                null, null, List.of());
        RunHandle handle;
        try {
            PreparedCommand prepared = runner.prepare(request);
            String refusal = refusal(prepared);
            if (refusal != null) {
                return context.down("refused: " + refusal + " (" + where + ")");
            }
            handle = runner.startCheck(prepared);
        } catch (ExecException e) {
            return context.down("cannot run the command: " + e.getMessage());
        }
        context.onAbort(handle::cancel);
        try {
            return outcome(context, handle.await(context.remaining().plus(runner.settings().killGrace())
                    .plus(runner.settings().drainTimeout()).plus(STOP_MARGIN)));
        } catch (ExecException e) {
            handle.cancel();
            if (e.reason() == ExecException.Reason.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
            return context.down(Failures.timeout(context) + " (command killed)");
        }
    }

    /** Why {@code prepared} must not run as a health check, or {@code null} when it may. */
    private static String refusal(PreparedCommand prepared) {
        if (prepared.dangerous()) {
            return prepared.danger().reason().replaceFirst("\\.$", "")
                    + "; a health check never runs a destructive command";
        }
        if (prepared.interactivity().needsTerminal()) {
            return prepared.interactivity().reason() + "; a health check runs without a terminal";
        }
        if (prepared.interactivity().endless()) {
            return prepared.interactivity().reason() + "; a health check must end on its own";
        }
        return null;
    }

    private ProbeResult outcome(ProbeContext context, RunResult result) {
        deleteOutputFile(result);
        String output = result.tail().stream().map(OutputLine::text).collect(Collectors.joining("\n")).strip();
        String tail = output.length() > MAX_DETAIL ? output.substring(output.length() - MAX_DETAIL) : output;
        return switch (result.status()) {
            case SUCCEEDED -> context.up("exit 0").withDetail("output", tail);
            case FAILED -> {
                // stderr first: its lines say why, and the two streams' relative order is not kept
                String last = lastLine(String.join("\n", result.stderr()).strip());
                last = last.isEmpty() ? lastLine(String.join("\n", result.stdout()).strip()) : last;
                // masked alone: a form read on a whole line ("requirepass X", a netrc "password X") is no longer
                // one after the "exit N: " prefix, where ProbeResult masks the reason
                last = SecretMasker.standard().mask(last);
                yield context.down("exit " + result.exitCode() + (last.isEmpty() ? "" : ": " + last))
                        .withDetail("output", tail);
            }
            case TIMED_OUT, CANCELLED -> context.down(Failures.timeout(context) + " (command killed)")
                    .withDetail("output", tail);
            default -> context.down(result.message()).withDetail("output", tail);
        };
    }

    /** The tail is all a check keeps: its file would add one per check to the runs folder. */
    private static void deleteOutputFile(RunResult result) {
        try {
            Files.deleteIfExists(result.outputFile());
        } catch (IOException e) {
            LOG.debug("Could not delete the check's output file {}: {}", result.outputFile(), e.toString());
        }
    }

    /**
     * The last line, after the line it continues when it is indented: psql ends a refused connection with a
     * tab-indented hint ("Is the server running on that host...?") under the error that names host and port.
     */
    private static String lastLine(String output) {
        String[] lines = output.split("\r?\n");
        int from = lines.length - 1;
        for (int back = 0; back < MAX_CONTINUED && from > 0 && lines[from].matches("\\s+\\S.*"); back++) {
            from--;
        }
        String last = Arrays.stream(lines, from, lines.length).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("; "));
        return last.length() > 200 ? last.substring(0, 200) + "..." : last;
    }
}
