package dev.incidentconsole.app.targets;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.LocalUser;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.ssh.HostKeyDecision;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.SshAgent;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.probe.Probes;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the check commands of an environment to the targets its {@code targets:} define, read as the Run
 * view reads them ({@link TargetSpecs}): {@code command: {run: ..., target: db-1}} then runs on that SSH
 * host, kube context or container. A target nobody defines is an error naming the file, line and field.
 * The SSH client config is read once, on first need. Thread-safe.
 */
public final class ServiceTargets {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceTargets.class);
    private static final Pattern LINE = Pattern.compile(" line (\\d+)$");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final Supplier<SshConfigFile> sshConfig;
    private final Function<String, String> env;
    private final SshAgent agent;
    private volatile SshConfigFile loaded;

    /**
     * @param sshConfig the OpenSSH client config that SSH target hosts may name aliases of
     * @param env       the process environment, for {@code ${VAR}} in target fields
     */
    public ServiceTargets(Supplier<SshConfigFile> sshConfig, Function<String, String> env) {
        this(sshConfig, env, SshAgent.none());
    }

    /** @param agent the ssh-agent the check runner logs in with first */
    public ServiceTargets(Supplier<SshConfigFile> sshConfig, Function<String, String> env, SshAgent agent) {
        this.sshConfig = sshConfig;
        this.env = env;
        this.agent = agent;
    }

    /** Targets as the launch options say: their SSH config (none if unreadable) and agent, their environment. */
    public static ServiceTargets of(LaunchOptions options) {
        return new ServiceTargets(() -> readable(options.sshConfig(), options.localUser()), options::env,
                options.sshAgent());
    }

    /**
     * A runner for the checks on these targets: the SSH config and the ssh-agent of the launch options, so jump hosts and agent keys work as in the Run view, but no prompts: a host
     * whose key is not in known_hosts is not trusted, an encrypted key without the agent is not used. The
     * caller closes it.
     *
     * @param user who runs local check commands (home, PATH, temporary folder)
     */
    public CommandRunner checkRunner(LocalUser user) {
        return new CommandRunner(Probes.settings(user), new SshConnections(this::ssh, HostKeyDecision.REJECT,
                PassphraseProvider.NONE, CONNECT_TIMEOUT, KEEP_ALIVE, agent));
    }

    /** Reads what binding needs from disk now (the SSH config), so a later {@link #bind} does no I/O. */
    public void preload() {
        ssh();
    }

    /**
     * {@code environment} with each check command that names a {@code target:} bound to it; unchanged when
     * none does (then its {@code targets:} are not even read).
     *
     * @param file the file the environment came from, for the targets' relative paths and for messages
     * @throws EnvironmentException for a malformed target, or a {@code target:} naming none of the targets
     */
    public Environment bind(EnvironmentFile file, Environment environment) throws EnvironmentException {
        if (environment.services().stream().noneMatch(ServiceTargets::needsTarget)) {
            return environment;
        }
        String prefix = EnvironmentTargets.single(file, file.file()) ? "" : "environments." + environment.name() + ".";
        String targetsPath = environment.targets() == file.extensions().get("targets") ? "targets" : prefix + "targets";
        Map<String, TargetInfo> byName = new LinkedHashMap<>();
        for (TargetInfo t : new TargetSpecs(file.file(), ssh(), env).read(environment.targets(), targetsPath,
                environment.production())) {
            byName.putIfAbsent(t.name(), t);
        }
        List<ServiceSpec> bound = new ArrayList<>();
        for (int i = 0; i < environment.services().size(); i++) {
            ServiceSpec service = environment.services().get(i);
            if (!needsTarget(service)) {
                bound.add(service);
                continue;
            }
            CommandSpec command = (CommandSpec) service.probe();
            TargetInfo target = find(byName, command.target());
            if (target == null && !command.target().equalsIgnoreCase("local")) {
                throw new EnvironmentException(file.file(), line(service), prefix + "services[" + i
                        + "].command.target", "no target named \"" + command.target() + "\"; "
                        + (byName.isEmpty() ? "define it under targets:" : "the environment's targets are "
                        + String.join(", ", byName.keySet())));
            }
            bound.add(service.withProbe(command.on(target != null ? target.target() : LocalTarget.here())));
        }
        return new Environment(environment.name(), environment.production(), environment.description(), bound,
                environment.targets(), environment.extensions());
    }

    private static boolean needsTarget(ServiceSpec service) {
        return service.probe() instanceof CommandSpec c && c.target() != null && c.runsOn() == null;
    }

    private static TargetInfo find(Map<String, TargetInfo> byName, String name) {
        TargetInfo exact = byName.get(name);
        return exact != null ? exact : byName.values().stream().filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    /** The line {@code EnvironmentLoader} put in the service's origin ({@code env.yaml line 12}), else 0. */
    private static int line(ServiceSpec service) {
        Matcher m = LINE.matcher(service.origin());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private SshConfigFile ssh() {
        SshConfigFile config = loaded;
        if (config == null) {
            config = sshConfig.get();
            loaded = config;
        }
        return config;
    }

    private static SshConfigFile readable(Path file, LocalUser user) {
        if (file == null || !Files.exists(file)) {
            return SshConfigFile.empty(user);
        }
        try {
            return SshConfigFile.load(file, user);
        } catch (ExecException e) {
            LOG.warn("SSH config {} not used for check targets: {}", file, e.getMessage());
            return SshConfigFile.empty(user);
        }
    }
}
