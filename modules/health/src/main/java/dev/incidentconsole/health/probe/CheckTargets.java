package dev.incidentconsole.health.probe;

import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.exec.TargetVariables;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.CommandSpec;
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
        if (!TargetVariables.reach(target)) {
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
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((name, value) -> values.put(name, value.reveal()));
        return TargetVariables.add(target, values);
    }
}
