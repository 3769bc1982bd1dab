package dev.incidentconsole.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder of runbooks with what sits beside them: its {@code environments.yaml} (the dashboard's services and the
 * run targets) and its {@link #SYNONYMS_FILE}. The window opens one at a time; the bundled runbooks are the demo,
 * used only when no other is chosen.
 *
 * @param folder  absolute, normalized
 * @param bundled whether this is the demo shipped with the app
 */
public record Workspace(Path folder, boolean bundled) {
    /** Variable naming the workspace of command-line runs (see {@link #forCommandLine}). */
    public static final String ENV_VARIABLE = LaunchOptions.WORKSPACE_VARIABLE;
    /** A Solr-format synonyms file in the folder, used when the settings name none (not a runbook: not *.txt). */
    public static final String SYNONYMS_FILE = "synonyms.conf";

    public Workspace {
        folder = Objects.requireNonNull(folder).toAbsolutePath().normalize();
    }

    /** The workspace at {@code folder}, the demo when it is {@code bundled}, the bundled runbooks' folder. */
    public static Workspace of(Path folder, Path bundled) {
        Path f = folder.toAbsolutePath().normalize();
        return new Workspace(f, f.equals(bundled.toAbsolutePath().normalize()));
    }

    /** The bundled demo runbooks at {@code bundled}. */
    public static Workspace demo(Path bundled) {
        return of(bundled, bundled);
    }

    /** What the window calls it: the folder's name, or "Demo runbooks (bundled)". */
    public String label() {
        if (bundled) {
            return "Demo runbooks (bundled)";
        }
        return folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    }

    /** The folder's own synonyms file, or {@code null} when it has none. Reads the file system. */
    public Path synonymsFile() {
        Path file = folder.resolve(SYNONYMS_FILE);
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * A workspace and why it was picked, for the command line's note on stderr.
     *
     * @param workspace the folder to use
     * @param source    {@code null} when the user named it on the command line, else e.g. {@code "$INCIDENT_WORKSPACE"}
     */
    public record Choice(Workspace workspace, String source) {
        /** The line to print on stderr, or {@code null} when the folder was named explicitly. */
        public String note() {
            return source == null ? null : "Runbooks: " + workspace.folder() + " (" + source + ")";
        }
    }

    /**
     * The workspace a command-line run uses when {@code --runbooks} names none: {@code $INCIDENT_WORKSPACE} (or
     * {@code -Dincident.workspace}), else
     * the window's current workspace from the settings, else the bundled demo. Scripts that need a fixed folder
     * pass {@code --runbooks} or set the variable.
     *
     * @param options  the variable, the settings file's place and the bundled folder
     * @param saved    the settings, where the window keeps its choice (read only when no variable names the
     *                 workspace; an unreadable file counts as no choice): a command that reads the settings
     *                 itself too passes its {@link SavedSettings#once} read
     */
    public static Choice forCommandLine(LaunchOptions options, SavedSettings saved) {
        Path bundled = options.bundledRunbooks();
        String named = options.workspace();
        if (named != null) {
            return new Choice(of(Path.of(named), bundled), "$" + ENV_VARIABLE);
        }
        try {
            Path chosen = saved.load().workspace();
            if (chosen != null && Files.isDirectory(chosen)) {
                return new Choice(of(chosen, bundled), "the window's workspace, " + options.settings().file());
            }
        } catch (IOException e) {
            return new Choice(demo(bundled), "bundled demo; " + e.getMessage());
        }
        return new Choice(demo(bundled), "bundled demo");
    }
}
