package dev.incidentconsole.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
}
