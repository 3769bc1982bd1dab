package dev.incidentconsole.app.targets;

import dev.incidentconsole.exec.Target;

/**
 * A target as the engineer picks it: the exec target plus what to show beside its name.
 *
 * @param target where commands run
 * @param kind   {@code local}, {@code ssh}, {@code kubectl} or {@code docker}
 * @param where  a short description of the place, e.g. {@code oncall@db-1.internal:2222}
 * @param source where it was defined, e.g. {@code environments.yaml}, {@code ~/.ssh/config}, {@code kubeconfig}
 */
public record TargetInfo(Target target, String kind, String where, String source) {

    public String name() {
        return target.name();
    }

    public boolean production() {
        return target.production();
    }
}
