package dev.incidentconsole.health.env;

import dev.incidentconsole.shell.ExpandedVariables;
import dev.incidentconsole.shell.ShellCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An environment file's secrets file ({@code secrets:}), seen from a command: which of its variables a command's
 * shell reads. A command's text is handed to the shell as written, so its {@code $NAME}s from the secrets file are
 * set only when they are passed in its environment; a health check and a step the engineer runs get them this one
 * way. Immutable, thread-safe.
 */
public final class EnvironmentSecrets {
    /** No secrets file. */
    public static final EnvironmentSecrets NONE = new EnvironmentSecrets(name -> null, Map.of());

    private final Function<String, String> env;
    private final Map<String, String> secrets;

    /**
     * @param env     the process environment: a name it sets is the shell's own, not the file's to hand over
     * @param secrets the secrets file's variables
     */
    EnvironmentSecrets(Function<String, String> env, Map<String, String> secrets) {
        this.env = env;
        this.secrets = Map.copyOf(secrets);
    }

    /**
     * The secrets file's variables that {@code command}'s shell expands ({@link ExpandedVariables}: also in a script a
     * child shell on this machine reads; not those in single quotes, escaped, in comments or in a script run on
     * another host or in a container) and the process environment does not set, name to value, in the order the
     * command reads them.
     */
    public Map<String, String> readBy(String command) {
        Map<String, String> read = new LinkedHashMap<>();
        if (secrets.isEmpty()) {
            return read;
        }
        for (String name : ExpandedVariables.of(ShellCommand.parse(command))) {
            if (fromFile(name)) {
                read.put(name, secrets.get(name));
            }
        }
        return read;
    }

    /** Whether {@code name}'s value comes from the secrets file (the process environment does not set it). */
    boolean fromFile(String name) {
        return env.apply(name) == null && secrets.containsKey(name);
    }

    /** {@code name}'s value: the process environment's, else the secrets file's; {@code null} when neither sets it. */
    String lookup(String name) {
        String value = env.apply(name);
        return value != null ? value : secrets.get(name);
    }
}
