package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.Confirmation;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.OutputListener;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.ShellQuote;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.runbook.SecretMasker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident-console run [--env FILE] [--target NAME] [--yes] [--timeout SECONDS] -- COMMAND...}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one command on a target (default: this machine) and stream its output:",
                "stdout to stdout, stderr to stderr. One COMMAND argument is shell text",
                "('ls | wc -l'); several are words, each quoted as needed. Destructive",
                "commands need --yes. The full output is also saved in the data folder's runs/.",
                "SSH logs in with the ssh-agent's keys ($SSH_AUTH_SOCK) first, then IdentityFile."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"N:the command's own exit code", "2:usage error, or no target of that name",
                "3:destructive command refused (not run); add --yes",
                "124:stopped at the --timeout", "125:could not run it (connection, missing tool, no exit code)",
                "126:the command needs a terminal (interactive); run it in your own terminal",
                "130:interrupted (Ctrl-C)"})
public final class RunCommand implements Callable<Integer> {
    private final LaunchOptions options;

    /** @param options the SSH config and agent to use */
    public RunCommand(LaunchOptions options) {
        this.options = options;
    }

    static final int REFUSED = 3;
    static final int TIMED_OUT = 124;
    static final int NOT_RUN = 125;
    static final int NEEDS_TERMINAL = 126;
    static final int INTERRUPTED = 130;
    /** How long Ctrl-C waits for the command to stop: a remote one's kill (SIGTERM, then SIGKILL) included. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    @Mixin
    TargetOptions targets;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", defaultValue = "local",
            description = "Where to run it: a name from 'incident-console targets' (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = {"-y", "--yes"}, description = "Confirm a destructive command (rm -rf, DROP, FLUSHALL, delete...).")
    boolean yes;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the command after this long (0: no limit; default: 10 minutes, none for -f/watch).")
    Long timeout;

    @Option(names = "--show-secrets", description = "Print the output and the command as they are; by default"
            + " passwords, tokens and keys in them are masked, as in the window and the run log.")
    boolean showSecrets;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command, after --.")
    List<String> command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeout != null && timeout < 0) {
            err.println("--timeout must be 0 (no limit) or a number of seconds.");
            return 2;
        }
        RunPrompts prompts = new RunPrompts(System.console(), err);
        SshConnections ssh = new SshConnections(sshConfig(err), prompts, prompts, Duration.ofSeconds(15),
                Duration.ofSeconds(30), options.sshAgent());
        try (CommandRunner runner = new CommandRunner(targets.settings(), ssh)) {
            Optional<TargetInfo> chosen = targets.find(runner, target, catalog -> err.println("No target named \""
                    + target + "\"; known targets: " + catalog.names() + "."
                    + (catalog.problem() == null ? "" : " " + catalog.problem())));
            if (chosen.isEmpty()) {
                return 2;
            }
            return run(runner, chosen.get(), out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(CommandRunner runner, TargetInfo where, PrintWriter out, PrintWriter err) {
        RunRequest request = RunRequest.of(text(), where.target());
        if (timeout != null) {
            request = request.withTimeout(Duration.ofSeconds(timeout));
        }
        try {
            PreparedCommand prepared = runner.prepare(request);
            if (prepared.interactivity().needsTerminal()) {
                err.println("Not run: " + prepared.interactivity().reason() + ", which needs a terminal; run it in"
                        + " your own terminal instead.");
                return NEEDS_TERMINAL;
            }
            if (prepared.dangerous()) {
                if (!yes) {
                    err.println("Refused: " + prepared.danger().reason() + " (rule " + prepared.danger().rule()
                            + "). Not run: " + shown(prepared.text()));
                    err.println("Check the command and the target (" + where.name() + "), then add --yes to run it.");
                    return REFUSED;
                }
            }
            if (where.production()) {
                err.println("Running on production target " + where.name() + " (" + where.where() + ").");
                err.flush();
            }
            RunHandle handle = runner.start(prepared, prepared.dangerous() ? Confirmation.of(prepared) : null);
            return finish(handle, out, err);
        } catch (ExecException e) {
            err.println(e.getMessage());
            return NOT_RUN;
        }
    }

    private int finish(RunHandle handle, PrintWriter out, PrintWriter err) throws ExecException {
        SecretMasker masker = SecretMasker.standard().forCommand(handle.prepared().text());
        handle.addListener(new Printer(out, err, showSecrets ? null : masker.lines(), showSecrets ? null : masker.lines()));
        // Ctrl-C stops the command too: locally the shell gets the signal anyway, remote ones need a cancel, and
        // the hook waits for it, as the JVM halts once its hooks return and a remote kill takes a second channel.
        Thread cancel = new Thread(() -> stopBeforeExit(handle, err), "run-cancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        RunResult result;
        try {
            result = handle.await(Duration.ofDays(365));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook is running
            }
        }
        out.flush();
        return switch (result.status()) {
            case SUCCEEDED, FAILED -> result.exitCode();
            case TIMED_OUT -> {
                err.println(result.message());
                yield TIMED_OUT;
            }
            case CANCELLED -> INTERRUPTED;
            case ERROR -> {
                err.println(result.message());
                yield NOT_RUN;
            }
        };
    }

    private static void stopBeforeExit(RunHandle handle, PrintWriter err) {
        if (!(handle.prepared().target() instanceof LocalTarget)) {
            // A remote kill can take seconds on a slow link, and a second Ctrl-C does nothing once the JVM exits.
            err.println("Stopping the command on " + handle.prepared().target().name() + "...");
            err.flush();
        }
        handle.cancel();
        try {
            handle.await(STOP_WAIT);
        } catch (ExecException e) {
            // still running after the wait, or interrupted: the JVM exits anyway
        }
    }

    /** One argument is shell text; several are words, quoted where needed (like the argv of {@code timeout}). */
    private String text() {
        if (command.size() == 1) {
            return command.get(0);
        }
        return command.stream().map(w -> ShellQuote.isBare(w) ? w : ShellQuote.quote(w))
                .collect(Collectors.joining(" "));
    }

    private SshConfigFile sshConfig(PrintWriter err) {
        try {
            return SshConfigFile.load(options.sshConfig(), options.localUser());
        } catch (ExecException e) {
            err.println(e.getMessage() + " Continuing without it.");
            return SshConfigFile.empty(options.localUser());
        }
    }

    private String shown(String command) {
        return showSecrets ? command : SecretMasker.standard().maskRunCommand(command);
    }

    /**
     * Writes each line to its stream as it arrives (one reader thread at a time, by the listener contract),
     * masked per stream unless the maskers are null.
     */
    private record Printer(PrintWriter out, PrintWriter err, SecretMasker.LineMasker outMask,
                           SecretMasker.LineMasker errMask) implements OutputListener {
        @Override
        public void onLine(OutputLine line) {
            PrintWriter to = line.isError() ? err : out;
            SecretMasker.LineMasker mask = line.isError() ? errMask : outMask;
            to.println(mask == null ? line.text() : mask.mask(line.text()));
            to.flush();
        }
    }
}
