package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.runbook.Placeholders;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values to pre-fill placeholders with: what the target says ({@code namespace} from a kube target, a variable
 * of its {@code env:}, the SSH host...), else what the engineer typed for a placeholder of the same name in
 * this session. Names match as {@link Placeholders#nameKey} says ({@code <pod-name>} = {@code $POD_NAME} = {@code pod}).
 * Kept in memory only, never written to disk. Thread-safe.
 */
public final class KnownValues {
    private final Map<String, String> typed = new ConcurrentHashMap<>();

    /** Remembers the values the engineer ran a command with. */
    public void remember(Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                typed.put(key(name), value);
            }
        });
    }

    /** The value to pre-fill {@code name} with on {@code target}, if any. */
    public Optional<String> lookup(String name, TargetInfo target) {
        String key = key(name);
        return Optional.ofNullable(target == null ? null : fromTarget(key, target.target()))
                .or(() -> Optional.ofNullable(typed.get(key)));
    }

    private static String fromTarget(String key, Target target) {
        if (target instanceof KubeTarget kube) {
            return switch (key) {
                case "namespace", "ns", "kubenamespace", "k8snamespace" -> kube.namespace();
                case "context", "kubecontext", "cluster" -> kube.context();
                case "pod" -> kube.pod();
                case "container" -> kube.container();
                default -> null;
            };
        }
        if (target instanceof DockerTarget docker) {
            return key.equals("container") ? docker.container()
                    : fromTarget(key, docker.host());
        }
        if (target instanceof SshTarget ssh) {
            String env = variable(key, ssh.environment());
            return env != null ? env : switch (key) {
                case "host", "server" -> ssh.host().host();
                case "user" -> ssh.host().user();
                default -> null;
            };
        }
        return target instanceof LocalTarget local ? variable(key, local.environment()) : null;
    }

    private static String variable(String key, Map<String, String> environment) {
        return environment.entrySet().stream().filter(e -> key(e.getKey()).equals(key)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    static String key(String name) {
        return Placeholders.nameKey(name);
    }
}
