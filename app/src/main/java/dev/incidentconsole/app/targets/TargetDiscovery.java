package dev.incidentconsole.app.targets;

import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.LocalUser;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the targets: this machine, the environment file's {@code targets:}, the hosts of the SSH config and
 * the contexts of the kubeconfig. Slow (reads files, runs {@code kubectl config get-contexts}): call it off
 * the UI thread. A name already taken keeps its first owner; a later SSH alias or context of the same name
 * is listed as {@code ssh:NAME} / {@code kube:NAME}.
 */
public final class TargetDiscovery {
    private final LocalUser user;
    private final Path envFile;
    private final Path sshConfig;
    private final Path kubeconfig;
    private final Function<String, String> env;
    private final KubeContextLister kubeContexts;

    /** Lists the context names of a kubeconfig ({@code null}: kubectl's default). */
    @FunctionalInterface
    public interface KubeContextLister {
        List<String> list(Path kubeconfig) throws ExecException;
    }

    /**
     * @param envFile      environment file, or {@code null} for none
     * @param sshConfig    OpenSSH client config, usually {@link SshConfigFile#defaultPath}
     * @param user         the local user: {@code ~}, and the login name of SSH hosts that name none
     * @param kubeconfig   kubeconfig to list, or {@code null} for kubectl's default ({@code $KUBECONFIG}, ~/.kube/config)
     * @param env          the process environment, for {@code ${VAR}} in the environment file
     * @param kubeContexts lists contexts, e.g. {@code CommandRunner::kubeContexts} with a timeout
     */
    public TargetDiscovery(Path envFile, Path sshConfig, LocalUser user, Path kubeconfig, Function<String, String> env,
                           KubeContextLister kubeContexts) {
        this.user = user;
        this.envFile = envFile;
        this.sshConfig = sshConfig;
        this.kubeconfig = kubeconfig;
        this.env = env;
        this.kubeContexts = kubeContexts;
    }

    public TargetCatalog discover() {
        List<String> notes = new ArrayList<>();
        Map<String, TargetInfo> byName = new LinkedHashMap<>();
        TargetInfo local = TargetCatalog.local();
        byName.put(local.name(), local);
        SshConfigFile ssh = sshConfig(notes);
        String problem = null;
        EnvironmentSecrets secrets = EnvironmentSecrets.NONE;
        if (envFile != null) {
            try {
                EnvironmentTargets.Loaded loaded = new EnvironmentTargets(env, ssh).read(envFile, notes);
                // The file's own "local" replaces the built-in one (it may set a working dir or variables).
                loaded.targets().forEach(t -> byName.put(t.name(), t));
                secrets = loaded.secrets();
            } catch (EnvironmentException e) {
                problem = e.getMessage();
            }
        }
        for (String alias : ssh.aliases()) {
            try {
                SshTarget t = SshTarget.of(ssh.resolve(alias), Targets.looksLikeProduction(alias));
                add(byName, new TargetInfo(t, "ssh", t.host().display(), TargetCatalog.SSH_CONFIG), "ssh:");
            } catch (ExecException | IllegalArgumentException e) {
                notes.add("SSH host " + alias + " skipped: " + e.getMessage());
            }
        }
        addKubeContexts(byName, notes);
        return new TargetCatalog(List.copyOf(byName.values()), notes, problem, secrets);
    }

    private SshConfigFile sshConfig(List<String> notes) {
        if (sshConfig == null || !Files.exists(sshConfig)) {
            return SshConfigFile.empty(user);
        }
        try {
            return SshConfigFile.load(sshConfig, user);
        } catch (ExecException e) {
            notes.add(e.getMessage());
            return SshConfigFile.empty(user);
        }
    }

    private void addKubeContexts(Map<String, TargetInfo> byName, List<String> notes) {
        List<String> contexts;
        try {
            contexts = kubeContexts.list(kubeconfig);
        } catch (ExecException e) {
            notes.add(e.reason() == ExecException.Reason.TOOL_MISSING
                    ? "kubectl is not installed: no kube contexts listed." : e.getMessage());
            return;
        }
        for (String context : contexts) {
            KubeTarget t = new KubeTarget(context, context, null, kubeconfig, null, null,
                    Targets.looksLikeProduction(context));
            add(byName, new TargetInfo(t, "kubectl", Targets.kubeWhere(t), TargetCatalog.KUBECONFIG), "kube:");
        }
    }

    private static void add(Map<String, TargetInfo> byName, TargetInfo t, String prefix) {
        if (!byName.containsKey(t.name())) {
            byName.put(t.name(), t);
            return;
        }
        String name = prefix + t.name();
        if (!byName.containsKey(name)) {
            byName.put(name, new TargetInfo(renamed(t, name), t.kind(), t.where(), t.source()));
        }
    }

    private static dev.incidentconsole.exec.Target renamed(TargetInfo t, String name) {
        if (t.target() instanceof SshTarget s) {
            return new SshTarget(name, s.host(), s.workingDir(), s.environment(), s.production());
        }
        KubeTarget k = (KubeTarget) t.target();
        return new KubeTarget(name, k.context(), k.namespace(), k.kubeconfig(), k.pod(), k.container(), k.production());
    }
}
