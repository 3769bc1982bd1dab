package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables handed to a command in its environment on top of its target's: a local shell's environment, or over
 * SSH the wrapper's stdin ({@link RemoteScript}), never a command line. A kubectl target or a container runs the
 * command where these cannot reach it (kubectl and the docker CLI run here, the command in the pod or container).
 */
public final class TargetVariables {
    private TargetVariables() {
    }

    /** Whether a command on {@code target} sees variables added to it. */
    public static boolean reach(Target target) {
        return target instanceof LocalTarget || target instanceof SshTarget
                || target instanceof DockerTarget t && t.container() == null && reach(t.host());
    }

    /**
     * {@code target} with {@code variables} added to its environment (they win over its own).
     *
     * @throws IllegalArgumentException when {@link #reach} is false for {@code target}
     */
    public static Target add(Target target, Map<String, String> variables) {
        if (variables.isEmpty()) {
            return target;
        }
        if (target instanceof LocalTarget t) {
            return new LocalTarget(t.name(), t.workingDir(), merged(t.environment(), variables), t.production());
        }
        if (target instanceof SshTarget t) {
            return new SshTarget(t.name(), t.host(), t.workingDir(), merged(t.environment(), variables), t.production());
        }
        if (target instanceof DockerTarget t && t.container() == null) {
            return new DockerTarget(t.name(), add(t.host(), variables), null, t.production());
        }
        throw new IllegalArgumentException("variables cannot reach a command on " + target.name());
    }

    /**
     * The values of {@code target}'s environment whose names mark them as secrets ({@code REDIS_PASSWORD},
     * {@code PGPASSWORD}, {@code API_TOKEN}...): a command that prints one ({@code echo "$PGPASSWORD"},
     * {@code CONFIG GET requirepass}) prints it bare, so its output masks them.
     */
    public static List<String> secretValues(Target target) {
        if (target instanceof DockerTarget t) {
            return secretValues(t.host());
        }
        Map<String, String> env = target instanceof LocalTarget t ? t.environment()
                : target instanceof SshTarget t ? t.environment() : Map.<String, String>of();
        return env.entrySet().stream().filter(e -> SecretMasker.namesSecret(e.getKey(), e.getValue()))
                .map(Map.Entry::getValue).toList();
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> added) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(added);
        return all;
    }
}
