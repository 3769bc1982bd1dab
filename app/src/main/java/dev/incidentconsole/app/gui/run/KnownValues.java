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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values to pre-fill placeholders with: what the target says ({@code namespace} from a kube target, a variable
 * of its {@code env:}, the SSH host...), else what the engineer typed for a placeholder of the same name in
 * this session. Names match as {@link Placeholders#nameKey} says ({@code <pod-name>} = {@code $POD_NAME} = {@code pod}).
 * Kept in memory only, never written to disk. Thread-safe.
 */
public final class KnownValues {
    private final Map<String, String> typed = new ConcurrentHashMap<>();
    /** Keys whose value was typed into a password field: offered back only to another password field. */
    private final Set<String> secret = ConcurrentHashMap.newKeySet();

    /** Remembers the values the engineer ran a command with. */
    public void remember(Map<String, String> values) {
        remember(values, Set.of());
    }

    /**
     * Remembers the values the engineer ran a command with; those named in {@code secretNames} were typed into a
     * password field and are pre-filled only into one ({@link #lookup(String, TargetInfo, boolean)}).
     */
    public void remember(Map<String, String> values, Set<String> secretNames) {
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                typed.put(key(name), value);
                if (secretNames.contains(name)) {
                    secret.add(key(name));
                } else {
                    secret.remove(key(name));
                }
            }
        });
    }

    /** The value to pre-fill {@code name} with on {@code target}, if any, a secret one excepted. */
    public Optional<String> lookup(String name, TargetInfo target) {
        return lookup(name, target, false);
    }

    /**
     * The value to pre-fill {@code name} with on {@code target}, if any; a value typed into a password field only
     * when {@code intoSecret} (the field hides it too), so a secret never lands in a field that shows it.
     */
    public Optional<String> lookup(String name, TargetInfo target, boolean intoSecret) {
        String key = key(name);
        return Optional.ofNullable(target == null ? null : fromTarget(key, target.target()))
                .or(() -> Optional.ofNullable(typed.get(key)).filter(v -> intoSecret || !secret.contains(key)));
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
