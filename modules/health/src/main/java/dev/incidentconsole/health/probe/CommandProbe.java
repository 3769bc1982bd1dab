package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.spec.CommandSpec;
import java.io.IOException;

/** Up when the command exits 0; the reason of a failure is the exit code and the last line of output. */
final class CommandProbe implements Probe {
    private static final int MAX_DETAIL = 2000;
    private final CommandSpec spec;
    private final CommandExecutor executor;

    CommandProbe(CommandSpec spec, CommandExecutor executor) {
        this.spec = spec;
        this.executor = executor;
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        CommandExecutor.CommandOutcome outcome;
        try {
            outcome = executor.run(spec.command(), spec.env(), spec.target(), context.remaining());
        } catch (IOException e) {
            return context.down("cannot run the command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return context.down(Failures.timeout(context) + " (command killed)");
        }
        String output = outcome.output().strip();
        String tail = output.length() > MAX_DETAIL ? output.substring(output.length() - MAX_DETAIL) : output;
        if (outcome.timedOut()) {
            return context.down(Failures.timeout(context) + " (command killed)").withDetail("output", tail);
        }
        if (outcome.exitCode() == 0) {
            return context.up("exit 0").withDetail("output", tail);
        }
        String last = lastLine(output);
        return context.down("exit " + outcome.exitCode() + (last.isEmpty() ? "" : ": " + last))
                .withDetail("output", tail);
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\r?\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 200 ? last.substring(0, 200) + "..." : last;
    }
}
