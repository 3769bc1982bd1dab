package dev.incidentconsole.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds binaries on the local PATH, as a shell would. */
public final class Executables {

    private Executables() {
    }

    /**
     * {@code name} if it is a path to an executable file, else the first executable {@code name} in the directories
     * of {@code pathVar} (a PATH value, e.g. {@link LocalUser#path()}).
     */
    public static Optional<Path> find(String name, String pathVar) {
        if (name.contains("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path.toAbsolutePath())
                    : Optional.empty();
        }
        if (pathVar == null) {
            return Optional.empty();
        }
        for (String dir : pathVar.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The shell local commands run in: bash where installed, else {@code /bin/sh}. */
    static Path localShell(String pathVar) {
        return find("bash", pathVar).orElse(Path.of("/bin/sh"));
    }
}
