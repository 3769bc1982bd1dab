package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SavedSettings;
import dev.incidentconsole.app.settings.Workspace;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetDiscovery;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code targets} share: which environment file and kubeconfig to read. */
public final class TargetOptions {
    private static final Duration KUBECTL_LIST_TIMEOUT = Duration.ofSeconds(10);
    private final LaunchOptions options;
    /** The environment file and the note on stderr both follow the window's workspace: one read of the settings. */
    private final SavedSettings saved;

    @Option(names = "--env", paramLabel = "FILE", description = {"Environment file whose targets: to use (default:"
            + " $INCIDENT_ENV, else environments.yaml in the workspace ($INCIDENT_WORKSPACE, else the window's, else the"
            + " bundled demo), else, for the bundled demo only, in the settings folder)."})
    Path envFile;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig to list contexts from (default: kubectl's own, $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    /** @param options where the environment file, the workspace, the SSH config and the data folder are */
    public TargetOptions(LaunchOptions options) {
        this.options = options;
        this.saved = SavedSettings.once(options.settings()::load);
    }

    /** The environment file to read, or {@code null} when there is none. */
    Path envFile() {
        return envFile != null ? envFile.toAbsolutePath()
                : EnvironmentTargets.defaultFile(Workspace.forCommandLine(options, saved).workspace().folder(),
                        options);
    }

    /**
     * Which workspace the environment file is looked for in, for stderr; {@code null} when {@code --env} or
     * {@code $INCIDENT_ENV} names the file.
     */
    String workspaceNote() {
        return envFile != null || options.envFile() != null ? null : Workspace.forCommandLine(options, saved).note();
    }

    /** Every run's full output goes to {@code <data dir>/runs/}. */
    ExecSettings settings() {
        return ExecSettings.defaults(options.localUser()).withOutputDir(options.dataDir().resolve("runs"));
    }

    /**
     * The target named {@code name}, or the full catalog to name the known ones. Kube contexts are listed
     * (a kubectl call) only when the environment file and the SSH config have no target of that name.
     */
    Optional<TargetInfo> find(CommandRunner runner, String name, Consumer<TargetCatalog> notFound) {
        TargetCatalog quick = new TargetDiscovery(envFile(), options.sshConfig(), options.localUser(), kubeconfig,
                options.environment(), config -> List.of()).discover();
        var found = quick.find(name);
        if (found.isPresent()) {
            return found;
        }
        TargetCatalog full = discover(runner);
        found = full.find(name);
        if (found.isEmpty()) {
            notFound.accept(full);
        }
        return found;
    }

    /** Finds the targets, listing kube contexts with {@code runner}'s kubectl. */
    TargetCatalog discover(CommandRunner runner) {
        return new TargetDiscovery(envFile(), options.sshConfig(), options.localUser(), kubeconfig,
                options.environment(), config -> runner.kubeContexts(config, KUBECTL_LIST_TIMEOUT)).discover();
    }
}
