package dev.incidentconsole.exec;

import dev.incidentconsole.exec.kube.KubectlArgs;
import dev.incidentconsole.exec.kube.KubectlShim;
import dev.incidentconsole.exec.ssh.HostKeyDecision;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.DangerRules;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The entry point: prepares, checks and starts commands on {@link Target}s.
 *
 * <p>{@link #start} returns as soon as the command runs (it blocks only while connecting to an SSH host,
 * at most the pool's connect timeout, plus the time the engineer takes to answer a host key question).
 * Destructive commands, judged after substitution, need a {@link Confirmation} for their exact text.
 * Thread-safe; {@link #close()} cancels what is still running and closes the SSH connections.
 */
public final class CommandRunner implements Closeable {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExecSettings settings;
    private final SshConnections ssh;
    private final CommandPreparer preparer;
    private final ExecutorService executor;
    private final Set<RunHandle> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong runs = new AtomicLong();

    public CommandRunner(ExecSettings settings, SshConnections ssh) {
        this(settings, ssh, DangerRules::check);
    }

    /** A runner judging destructiveness with {@code dangerCheck} instead of the runbook's rules. */
    CommandRunner(ExecSettings settings, SshConnections ssh, Function<String, Danger> dangerCheck) {
        this.settings = settings;
        this.ssh = ssh;
        this.preparer = new CommandPreparer(settings, dangerCheck);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exec-" + runs.get());
            t.setDaemon(true);
            return t;
        });
    }

    /** A runner with an SSH pool that knows no config and trusts only hosts already in known_hosts. */
    public static CommandRunner withoutSshPrompts(ExecSettings settings) {
        return new CommandRunner(settings, new SshConnections(SshConfigFile.empty(settings.user()), HostKeyDecision.REJECT,
                PassphraseProvider.NONE, Duration.ofSeconds(15), Duration.ofSeconds(30)));
    }

    /** Substitutes, checks and wraps {@code request} without running it, to show the engineer. */
    public PreparedCommand prepare(RunRequest request) throws ExecException {
        return preparer.prepare(request);
    }

    /**
     * Starts {@code request}.
     *
     * @throws CommandRefusedException when the command is destructive and not confirmed as shown
     * @throws ExecException           with the reason it could not start (missing variable or tool, kubectl
     *                                 without a context to talk to ({@code NO_KUBE_CONTEXT}), SSH
     *                                 connect, host key or login failure, ...)
     */
    public RunHandle start(RunRequest request) throws ExecException {
        return start(prepare(request), request.confirmation());
    }

    /**
     * Starts a command {@link #prepare prepared} earlier, as it was shown: it is not substituted or judged
     * again, so a caller that looks at the prepared command before running it pays for one reading.
     *
     * @param confirmation the engineer's confirmation of {@code prepared}'s text, or {@code null}
     * @throws CommandRefusedException when {@code prepared} is destructive and {@code confirmation} does not
     *                                 cover its text
     * @throws ExecException           as {@link #start(RunRequest)}
     */
    public RunHandle start(PreparedCommand prepared, Confirmation confirmation) throws ExecException {
        return start(prepared, confirmation, () -> false);
    }

    /**
     * As {@link #start(PreparedCommand, Confirmation)}, for a caller whose engineer may press Stop while it starts:
     * {@code stopped} is asked last thing before the command is sent, after connecting to an SSH host (which may
     * take up to the connect timeout), so a Stop pressed meanwhile keeps the command from ever running.
     *
     * @param stopped true once the run must not start; called on this thread
     * @throws ExecException {@code STOPPED} when {@code stopped} said so (nothing ran), or as
     *                       {@link #start(RunRequest)}
     */
    public RunHandle start(PreparedCommand prepared, Confirmation confirmation, BooleanSupplier stopped)
            throws ExecException {
        return start(prepared, confirmation, true, stopped);
    }

    /**
     * Starts a health check's command, as {@link #start(PreparedCommand, Confirmation)} without a confirmation,
     * but without asking a kube target's API server whether it answers: the check's own timeout already bounds it,
     * its output is not read by an engineer waiting, and it runs every few seconds.
     */
    public RunHandle startCheck(PreparedCommand prepared) throws ExecException {
        return start(prepared, null, false, () -> false);
    }

    private RunHandle start(PreparedCommand prepared, Confirmation confirmation, boolean probeApi,
                            BooleanSupplier stopped) throws ExecException {
        refuseUnconfirmed(prepared, confirmation);
        KubeContextGuard.check(prepared.parsed(), prepared.target(), kubectlEnvironment(prepared.target()),
                settings.user().home());
        Execution execution = execute(prepared.runText(), prepared.target(), stopped);
        OutputSink sink;
        try {
            sink = new OutputSink(outputFile(), settings.tailLines(), settings.tailChars(), prepared.masker()
                    .forCommand(prepared.text())); // as written: runText may wrap it in sh -c '...'
        } catch (IOException e) {
            execution.terminate(Duration.ZERO);
            throw new ExecException(ExecException.Reason.IO, "Cannot create the output file in "
                    + settings.outputDir() + ": " + e.getMessage() + ".", e);
        }
        RunHandle handle = new RunHandle(prepared, sink, settings, executor);
        running.add(handle);
        handle.completion().whenComplete((r, e) -> running.remove(handle));
        handle.begin(execution);
        if (probeApi && prepared.target() instanceof KubeTarget kube
                && (kube.pod() != null || KubeContextGuard.callsKubectlOnAClusterFromHere(prepared.parsed()))) {
            Path kubectl = kubectl();
            Map<String, String> env = kubectlEnvironment(kube);
            executor.execute(() -> KubeApiProbe.silence(kubectl, kube, env, executor)
                    .filter(line -> !handle.isDone()).ifPresent(sink::note));
        }
        return handle;
    }

    /** Starts {@code request} and waits up to {@code await} for its result. */
    public RunResult run(RunRequest request, Duration await) throws ExecException {
        return start(request).await(await);
    }

    private Execution execute(String text, Target target, BooleanSupplier stopped) throws ExecException {
        if (!(target instanceof SshTarget || target instanceof DockerTarget) && stopped.getAsBoolean()) {
            throw ExecException.stoppedBeforeStart();
        }
        if (target instanceof LocalTarget local) {
            return LocalExecution.start(Executables.localShell(settings.user().path()), text, local.workingDir(),
                    local.environment());
        } else if (target instanceof SshTarget remote) {
            return SshExecution.start(ssh, remote, text, stopped);
        } else if (target instanceof KubeTarget kube) {
            return LocalExecution.start(Executables.localShell(settings.user().path()), text, null, kubeEnvironment(kube));
        } else if (target instanceof DockerTarget docker) {
            if (docker.host() instanceof LocalTarget local && Executables.find("docker",
                    local.environment().getOrDefault("PATH", settings.user().path())).isEmpty()) {
                throw new ExecException(ExecException.Reason.TOOL_MISSING, "docker was not found on PATH; install"
                        + " Docker or run this step on a host that has it.");
            }
            return execute(text, docker.host(), stopped);
        }
        throw new IllegalStateException("unknown target " + target);
    }

    /** The variables kubectl will see on a local or kube target: the user's, with the target's on top. */
    private Map<String, String> kubectlEnvironment(Target target) {
        Map<String, String> env = new HashMap<>(settings.user().variables());
        if (target instanceof LocalTarget local) {
            env.putAll(local.environment());
        }
        return env;
    }

    private Map<String, String> kubeEnvironment(KubeTarget kube) throws ExecException {
        Path kubectl = kubectl();
        Map<String, String> env = new HashMap<>(KubectlShim.environment(kubectl, kube.context(), kube.namespace()));
        env.put("PATH", shimDir() + ":" + settings.user().path());
        if (kube.kubeconfig() != null) {
            env.put("KUBECONFIG", kube.kubeconfig().toString());
        }
        return env;
    }

    private Path shimDir() throws ExecException {
        try {
            return KubectlShim.install(settings.outputDir().toAbsolutePath().resolveSibling("bin"));
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.IO, "Cannot write the kubectl helper script: "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * The shell text that runs {@code prepared} interactively in a terminal emulator on its target, for commands
     * that need one ({@link Interactivity#needsTerminal()}): {@code ssh -t}, {@code kubectl exec -it},
     * {@code docker exec -it}, or for a kube context the same scoping as a captured run. Nothing runs here, but the
     * terminal will run it, so a destructive command needs its confirmation as for {@link #start}.
     *
     * @param confirmation the engineer's confirmation of {@code prepared}'s text, or {@code null}
     * @throws CommandRefusedException when {@code prepared} is destructive and {@code confirmation} does not
     *                                 cover its text
     * @throws ExecException           when kubectl is missing for a kube target, the command names another context
     *                                 than the target's, or the kubectl helper script cannot be written
     */
    public String terminalScript(PreparedCommand prepared, Confirmation confirmation) throws ExecException {
        refuseUnconfirmed(prepared, confirmation);
        KubeContextGuard.check(prepared.parsed(), prepared.target(), kubectlEnvironment(prepared.target()),
                settings.user().home());
        if (prepared.target() instanceof KubeTarget kube && kube.pod() == null) {
            // kubectl() refuses when it is missing: the text alone would run on the terminal's own context.
            return TerminalScript.of(prepared, shimDir(), kubectl());
        }
        return TerminalScript.of(prepared, null, null);
    }

    private static void refuseUnconfirmed(PreparedCommand prepared, Confirmation confirmation)
            throws CommandRefusedException {
        if (prepared.dangerous() && (confirmation == null || !confirmation.covers(prepared.text()))) {
            throw new CommandRefusedException(prepared.danger(), prepared.text());
        }
    }

    private Path kubectl() throws ExecException {
        return Executables.find(settings.kubectl(), settings.user().path()).orElseThrow(() -> new ExecException(
                ExecException.Reason.TOOL_MISSING, "kubectl was not found (looked for '" + settings.kubectl()
                + "' on PATH); install kubectl or set its path in the settings."));
    }

    /**
     * The context names in {@code kubeconfig} ({@code null} for the default), via
     * {@code kubectl config get-contexts -o name}, waiting at most {@code timeout}.
     */
    public List<String> kubeContexts(Path kubeconfig, Duration timeout) throws ExecException {
        return KubeContexts.list(kubectl(), KubectlArgs.getContexts(), kubeconfig, timeout);
    }

    private Path outputFile() {
        return settings.outputDir().resolve(LocalDateTime.now().format(FILE_TIME) + "-" + runs.incrementAndGet()
                + "-" + ProcessHandle.current().pid() + ".log");
    }

    public SshConnections ssh() {
        return ssh;
    }

    public ExecSettings settings() {
        return settings;
    }

    /** Cancels every run still going, closes the SSH connections and stops the reader threads. */
    @Override
    public void close() {
        running.forEach(RunHandle::cancel);
        for (RunHandle handle : List.copyOf(running)) {
            try {
                // The run's own limit on its stop, then its output's drain: the connections close only after that.
                handle.await(RunHandle.stopLimit(settings).plus(settings.drainTimeout()).plusSeconds(1));
            } catch (ExecException e) {
                // it could not be stopped in time; the process is orphaned, as a terminal would leave it
            }
        }
        ssh.close();
        executor.shutdownNow();
    }
}
