package dev.incidentconsole.app.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Workspace;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentSecrets;
import dev.incidentconsole.health.env.EnvironmentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The targets of an environment file: the file-level {@code targets:} and each environment's own, in file
 * order, one per name. A target without {@code production:} is production when an environment that uses it
 * is. An environment that cannot load (an unset variable...) is skipped with a note; so is a second
 * definition of a name already taken.
 */
public final class EnvironmentTargets {
    private final Function<String, String> env;
    private final SshConfigFile sshConfig;

    public EnvironmentTargets(Function<String, String> env, SshConfigFile sshConfig) {
        this.env = env;
        this.sshConfig = sshConfig;
    }

    /**
     * Reads {@code file}'s targets; {@code notes} receives what was skipped.
     *
     * @throws EnvironmentException when the file cannot be read or a target is malformed (naming the field)
     */
    public List<TargetInfo> load(Path file, List<String> notes) throws EnvironmentException {
        return read(file, notes).targets();
    }

    /** {@code file}'s targets and its secrets file. */
    public record Loaded(List<TargetInfo> targets, EnvironmentSecrets secrets) {
    }

    /**
     * Reads {@code file}'s targets and secrets; {@code notes} receives what was skipped.
     *
     * @throws EnvironmentException as {@link #load}
     */
    public Loaded read(Path file, List<String> notes) throws EnvironmentException {
        EnvironmentFile loaded = new EnvironmentLoader(env).load(file);
        TargetSpecs specs = new TargetSpecs(file, sshConfig, env);
        boolean single = single(loaded, file);
        JsonNode shared = loaded.extensions().get("targets");
        Map<JsonNode, Boolean> production = new IdentityHashMap<>();
        Map<JsonNode, String> paths = new IdentityHashMap<>();
        List<JsonNode> order = new ArrayList<>();
        for (String name : loaded.names()) {
            Environment environment;
            try {
                environment = loaded.environment(name);
            } catch (EnvironmentException e) {
                notes.add("Environment \"" + name + "\" skipped: " + e.getMessage());
                continue;
            }
            JsonNode node = environment.targets();
            if (node == null || node.isMissingNode()) {
                continue;
            }
            if (!production.containsKey(node)) {
                order.add(node);
                paths.put(node, node == shared || single ? "targets" : "environments." + name + ".targets");
            }
            production.merge(node, environment.production(), Boolean::logicalOr);
        }
        if (shared != null && !production.containsKey(shared)) {
            // Every environment that would use them failed to load: still offer them, production if any is.
            order.add(shared);
            paths.put(shared, "targets");
            production.put(shared, loaded.names().stream().anyMatch(loaded::isProduction));
        }
        Map<String, TargetInfo> byName = new LinkedHashMap<>();
        for (JsonNode node : order) {
            for (TargetInfo t : specs.read(node, paths.get(node), production.get(node))) {
                TargetInfo first = byName.putIfAbsent(t.name(), t);
                if (first != null && !first.target().equals(t.target())) {
                    notes.add("Target \"" + t.name() + "\" is defined twice in " + file.getFileName()
                            + " (" + paths.get(node) + "); the first definition is used.");
                }
            }
        }
        return new Loaded(List.copyOf(byName.values()), loaded.secrets());
    }

    /**
     * The environment file used when none is given, found as the dashboard finds it: {@code -Dincident.env} or
     * {@code $INCIDENT_ENV}, else {@code environments.yaml} (or {@code .yml}) in {@code runbookFolder}; the settings
     * folder's only for the bundled demo (or no folder), so a chosen workspace without a file of its own uses its
     * runbooks' port tables rather than a file written for another stack (decision 0007). {@code null} when there
     * is none.
     */
    public static Path defaultFile(Path runbookFolder, LaunchOptions options) {
        Path named = options.envFile();
        if (named != null) {
            return named;
        }
        boolean chosen = runbookFolder != null && !Workspace.of(runbookFolder, options.bundledRunbooks()).bundled();
        Path settingsFolder = chosen ? null : options.configDir();
        return Stream.of(runbookFolder, settingsFolder).filter(Objects::nonNull)
                .flatMap(d -> Stream.of(d.resolve("environments.yaml"), d.resolve("environments.yml")))
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** Whether {@code loaded} is a single-environment file (its one environment named after the file). */
    static boolean single(EnvironmentFile loaded, Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return loaded.names().size() == 1 && loaded.names().get(0).equals(base);
    }
}
