package dev.incidentconsole.health.spec;

import dev.incidentconsole.exec.Target;
import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shell command; exit status 0 means up. It runs through exec's {@code CommandRunner}, under the same
 * danger and interactivity rules as a command the engineer runs (a destructive or interactive check is
 * refused, never run).
 *
 * @param command     the command, passed verbatim to the shell (it expands {@code $VARS} itself)
 * @param env         extra environment variables for the command, e.g. {@code PGPASSWORD} ({@code env:} in the
 *                    environment file); a target that cannot pass them (kubectl, a container) is an error
 * @param secretsRead the secrets file's variables the command's shell expands and the process environment does
 *                    not set, passed like {@code env} (which wins) where that shell runs with the environment
 *                    given (this machine, an SSH host); left out on a kubectl or container target, where the
 *                    user wrote no {@code env:} that could fail
 * @param target      the target's name as written ({@code target:} in the environment file): {@code null} (or
 *                    {@code local}) for this machine
 * @param runsOn      the exec target that name stands for, bound by whoever knows the environment's
 *                    {@code targets:} (see {@link #on}); {@code null} while unbound, in which case only this
 *                    machine can be used
 */
public record CommandSpec(String command, Map<String, Secret> env, Map<String, Secret> secretsRead, String target,
                          Target runsOn) implements ProbeSpec {
    public CommandSpec {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secretsRead = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretsRead));
    }

    /** A command for the named target, not bound to an exec target yet. */
    public CommandSpec(String command, Map<String, Secret> env, Map<String, Secret> secretsRead, String target) {
        this(command, env, secretsRead, target, null);
    }

    /** A command for the named target that reads no secrets file, not bound to an exec target yet. */
    public CommandSpec(String command, Map<String, Secret> env, String target) {
        this(command, env, Map.of(), target, null);
    }

    public static CommandSpec of(String command) {
        return new CommandSpec(command, Map.of(), Map.of(), null);
    }

    /** The same command, bound to the exec target its {@link #target()} names. */
    public CommandSpec on(Target where) {
        return new CommandSpec(command, env, secretsRead, target, where);
    }

    /** True when the command runs on this machine without an explicit target. */
    public boolean local() {
        return runsOn == null && (target == null || target.equals("local"));
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public String describe() {
        return "$ " + command + (target != null ? " (on " + target + ")" : "");
    }
}
