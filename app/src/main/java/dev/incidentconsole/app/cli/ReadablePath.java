package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SavedSettings;
import dev.incidentconsole.app.settings.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks a runbook path given on the command line or in the settings before anything is read from it. */
final class ReadablePath {

    private ReadablePath() {
    }

    /** Why the path cannot be read ("does not exist", "cannot be read; check its permissions"), or empty. */
    static Optional<String> problem(Path path) {
        if (Files.isReadable(path)) {
            return Optional.empty();
        }
        return Optional.of(Files.exists(path) ? "cannot be read; check its permissions" : "does not exist");
    }

    /**
     * The workspace a run uses when {@code --runbooks} names none, after its note went to {@code err}.
     *
     * @throws ParameterException naming the folder and where it came from when it cannot be read
     */
    static Workspace workspace(CommandLine cli, PrintWriter err, LaunchOptions options, SavedSettings saved) {
        Workspace.Choice choice = Workspace.forCommandLine(options, saved);
        err.println(choice.note());
        err.flush();
        Path folder = choice.workspace().folder();
        Optional<String> problem = problem(folder);
        if (problem.isPresent()) {
            throw new ParameterException(cli, "The runbook folder " + folder + " (" + choice.source() + ") "
                    + problem.get() + "; pass --runbooks or set " + Workspace.ENV_VARIABLE + " to a folder of runbooks.");
        }
        return choice.workspace();
    }
}
