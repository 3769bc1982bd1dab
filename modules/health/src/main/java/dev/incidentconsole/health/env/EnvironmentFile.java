package dev.incidentconsole.health.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded environment file: its environments by name, and what needs attention. Immutable, thread-safe.
 *
 * <p>An environment whose {@code ${VARIABLE}}s cannot be resolved (or, in production, that holds a secret
 * in clear) still loads; {@link #environment(String)} then throws the first problem, so another
 * environment of the same file stays usable.
 */
public final class EnvironmentFile {
    private final Path file;
    private final String defaultName;
    private final Map<String, Environment> environments;
    private final Map<String, List<EnvironmentException>> problems;
    private final List<String> warnings;
    private final Map<String, JsonNode> extensions;
    private final List<String> secretValues;
    private final EnvironmentSecrets secrets;

    EnvironmentFile(Path file, String defaultName, Map<String, Environment> environments,
                    Map<String, List<EnvironmentException>> problems, List<String> warnings,
                    Map<String, JsonNode> extensions, List<String> secretValues, EnvironmentSecrets secrets) {
        this.file = file;
        this.defaultName = defaultName;
        this.environments = environments;
        this.problems = problems;
        this.warnings = List.copyOf(warnings);
        this.extensions = Map.copyOf(extensions);
        this.secretValues = List.copyOf(secretValues);
        this.secrets = secrets;
    }

    /** The file's {@code secrets:} file, for the commands run in its environments (checks and steps alike). */
    public EnvironmentSecrets secrets() {
        return secrets;
    }

    public Path file() {
        return file;
    }

    /** Environment names in file order. */
    public List<String> names() {
        return List.copyOf(environments.keySet());
    }

    /** The {@code default:} environment, else the first one. */
    public String defaultName() {
        return defaultName;
    }

    public boolean isProduction(String name) {
        Environment env = environments.get(name);
        return env != null && env.production();
    }

    /**
     * The environment, ready to watch.
     *
     * @throws EnvironmentException for an unknown name, or the environment's first problem (unset variable...)
     */
    public Environment environment(String name) throws EnvironmentException {
        Environment env = environments.get(name);
        if (env == null) {
            throw new EnvironmentException(file, 0, "", "no environment named \"" + name + "\"; this file has "
                    + String.join(", ", environments.keySet()));
        }
        List<EnvironmentException> found = problems(name);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        return env;
    }

    public Environment defaultEnvironment() throws EnvironmentException {
        return environment(defaultName);
    }

    /** What keeps the environment from loading; empty when it is ready. */
    public List<EnvironmentException> problems(String name) {
        return problems.getOrDefault(name, List.of());
    }

    /** Things to fix that do not block loading, e.g. a secret written in clear outside production. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The secret values a {@code ${VAR}} filled into the file (from the environment or the secrets file; by the
     * variable's name, or a secrets-file value shaped like a secret): in a URL's path or query no masking rule
     * recognises them. Mask them
     * ({@code SecretMasker.withSecrets}) in whatever describes a check and is stored or shown.
     */
    public List<String> secretValues() {
        return secretValues;
    }

    /** Top-level keys this module does not read ({@code targets:} among them), kept as trees. */
    public Map<String, JsonNode> extensions() {
        return extensions;
    }
}
