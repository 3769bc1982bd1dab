package dev.incidentconsole.app.targets;

import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.health.env.EnvironmentSecrets;
import dev.incidentconsole.runbook.Runner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets the engineer can pick, in the order shown (the local machine first, then the environment
 * file's, then SSH hosts and kube contexts found on this machine), names unique, plus notes on what could
 * not be listed. Immutable.
 *
 * @param targets the targets, never empty
 * @param notes   one sentence each, e.g. "kubectl is not installed: no kube contexts listed."
 * @param problem the environment file's error when it could not be read, else {@code null}
 * @param secrets the environment file's secrets file: a step's run gets the variables it reads from there
 */
public record TargetCatalog(List<TargetInfo> targets, List<String> notes, String problem, EnvironmentSecrets secrets) {
    /** {@link TargetInfo#source()} of targets found in the kubeconfig. */
    public static final String KUBECONFIG = "kubeconfig";
    /** {@link TargetInfo#source()} of targets found in the SSH config. */
    public static final String SSH_CONFIG = "~/.ssh/config";
    /** {@link TargetInfo#source()} of the built-in local target. */
    public static final String BUILT_IN = "built in";

    public TargetCatalog {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a target catalog needs at least the local target");
        }
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
        secrets = secrets == null ? EnvironmentSecrets.NONE : secrets;
    }

    /** A catalog without an environment file's secrets. */
    public TargetCatalog(List<TargetInfo> targets, List<String> notes, String problem) {
        this(targets, notes, problem, EnvironmentSecrets.NONE);
    }

    /** Only this machine: before discovery has run, or when nothing else is configured. */
    public static TargetCatalog localOnly() {
        return new TargetCatalog(List.of(local()), List.of(), null);
    }

    static TargetInfo local() {
        return new TargetInfo(LocalTarget.here(), "local", "this machine", BUILT_IN);
    }

    /** The target named {@code name}, exactly or else ignoring case. */
    public Optional<TargetInfo> find(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst()
                .or(() -> targets.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst());
    }

    /**
     * The target a command driving {@code runner} should start on: the first kubectl target of the
     * environment file for kubectl and helm, its first docker target for docker, else the first target
     * (this machine). Discovered kube contexts are never suggested: which one is meant cannot be guessed.
     */
    public TargetInfo suggest(Runner runner) {
        String kind = runner == null ? "" : switch (runner) {
            case KUBECTL, HELM -> "kubectl";
            case DOCKER, DOCKER_COMPOSE -> "docker";
            default -> "";
        };
        return targets.stream().filter(t -> t.kind().equals(kind) && !t.source().equals(KUBECONFIG)
                        && !t.source().equals(SSH_CONFIG)).findFirst().orElse(targets.get(0));
    }

    /** Names, for a "no target named X" message. */
    public String names() {
        return String.join(", ", targets.stream().map(TargetInfo::name).toList());
    }

    /** Lower-case kinds in the catalog, for tests and summaries. */
    public List<String> kinds() {
        return targets.stream().map(t -> t.kind().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
