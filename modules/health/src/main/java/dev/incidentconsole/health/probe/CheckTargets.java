package dev.incidentconsole.health.probe;

import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.CommandSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a check command runs: its bound exec target, with the check's {@code env:} and the secrets it reads
 * added to the target's environment.
 */
final class CheckTargets {
    private CheckTargets() {
    }

    /**
     * @throws IllegalArgumentException with a sentence for the engineer when the spec names a target nobody
     *                                  bound, or has {@code env:} variables the target cannot hand to the command
     */
    static Target resolve(CommandSpec spec) {
        Target target = spec.runsOn();
        if (target == null) {
            if (!spec.local()) {
                throw new IllegalArgumentException("no target named \"" + spec.target() + "\" is known; define it"
                        + " under targets: in the environment file");
            }
            target = LocalTarget.here();
        }
        if (!takesVariables(target)) {
            if (!spec.env().isEmpty()) {
                // kubectl runs here and the command in a pod or container: the variables would reach neither.
                String where = target instanceof KubeTarget ? "a kubectl target" : "a container";
                throw new IllegalArgumentException("env: cannot be passed to a command on " + where + " (target \""
                        + target.name() + "\"); set the variables in the command or in the container");
            }
            return target; // the secrets read: nothing the user wrote asks for them, and the pod has its own
        }
        Map<String, Secret> env = new LinkedHashMap<>(spec.secretsRead());
        env.putAll(spec.env());
        return env.isEmpty() ? target : withVariables(target, env);
    }

    private static boolean takesVariables(Target target) {
        return target instanceof LocalTarget || target instanceof SshTarget
                || target instanceof DockerTarget t && t.container() == null && takesVariables(t.host());
    }

    private static Target withVariables(Target target, Map<String, Secret> env) {
        if (target instanceof LocalTarget t) {
            return new LocalTarget(t.name(), t.workingDir(), merged(t.environment(), env), t.production());
        }
        if (target instanceof SshTarget t) {
            return new SshTarget(t.name(), t.host(), t.workingDir(), merged(t.environment(), env), t.production());
        }
        DockerTarget t = (DockerTarget) target; // takesVariables: the docker CLI on a host that takes them
        return new DockerTarget(t.name(), withVariables(t.host(), env), null, t.production());
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, Secret> env) {
        Map<String, String> all = new HashMap<>(base);
        env.forEach((k, v) -> all.put(k, v.reveal()));
        return all;
    }
}
