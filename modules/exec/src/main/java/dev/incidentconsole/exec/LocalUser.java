package dev.incidentconsole.exec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The user the console runs as, as the app read it once at launch: home folder, login name, environment variables
 * and temporary folder. Exec reads none of these from the process itself; the app hands them in (through
 * {@link ExecSettings#defaults(LocalUser)}), so a test or another front end can run commands as another user.
 *
 * @param home      the home folder ({@code ~} in paths shown to the user; {@code ~/.kube} for kubectl)
 * @param name      the login name (output folders are per user)
 * @param variables the environment variables local tools see ({@code PATH}, {@code KUBECONFIG}, ...)
 * @param tempDir   the temporary folder
 */
public record LocalUser(Path home, String name, Map<String, String> variables, Path tempDir) {
    private static final String FALLBACK_PATH = "/usr/bin:/bin";

    public LocalUser {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tempDir, "tempDir");
        variables = Map.copyOf(variables);
    }

    /** The variable's value, or {@code null} when it is unset. */
    public String variable(String variable) {
        return variables.get(variable);
    }

    /** The directories local tools are looked up in: {@code $PATH}, else {@value #FALLBACK_PATH}. */
    public String path() {
        return variables.getOrDefault("PATH", FALLBACK_PATH);
    }
}
