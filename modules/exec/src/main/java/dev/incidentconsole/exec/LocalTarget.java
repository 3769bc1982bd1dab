package dev.incidentconsole.exec;

import java.nio.file.Path;
import java.util.Map;

/**
 * The engineer's own machine: commands run through {@code bash -c} (or {@code sh -c} where bash is
 * missing) in {@code workingDir} with {@code environment} added to the inherited environment.
 *
 * @param workingDir  directory the command starts in; {@code null} for the application's directory
 * @param environment variables added to (or overriding) the inherited environment
 */
public record LocalTarget(String name, Path workingDir, Map<String, String> environment, boolean production)
        implements Target {

    public LocalTarget {
        environment = Map.copyOf(environment);
    }

    /** The local machine, inherited environment, not production. */
    public static LocalTarget here() {
        return new LocalTarget("local", null, Map.of(), false);
    }
}
