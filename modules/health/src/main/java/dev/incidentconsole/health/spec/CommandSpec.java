package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shell command; exit status 0 means up.
 *
 * @param command the command, passed verbatim to the shell (it expands {@code $VARS} itself)
 * @param env     extra environment variables for the command, e.g. {@code PGPASSWORD}
 * @param target  where to run it: {@code null} for this machine; other values (an SSH host, a kube
 *                context) are for {@link dev.incidentconsole.health.probe.CommandExecutor}s that support them
 */
public record CommandSpec(String command, Map<String, Secret> env, String target) implements ProbeSpec {
    public CommandSpec {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static CommandSpec of(String command) {
        return new CommandSpec(command, Map.of(), null);
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
