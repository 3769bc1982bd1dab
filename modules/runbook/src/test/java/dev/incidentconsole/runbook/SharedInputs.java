package dev.incidentconsole.runbook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real runbooks outside the repository (seeds and corpus); tests skip when they are absent. */
final class SharedInputs {

    private SharedInputs() {
    }

    static Path seeds() {
        return folder("seeds");
    }

    static Path seed(String prefix) {
        try (Stream<Path> files = Files.list(seeds())) {
            Path found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            assumeTrue(found != null, "seed " + prefix + "* is not in " + seeds() + "; skipping");
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> seedFiles() {
        return list(seeds(), ".txt");
    }

    /** The 52 public runbooks (README.md excluded). */
    static List<Path> corpusFiles() {
        return list(folder("corpus"), ".md").stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String name) {
        String shared = System.getProperty("incident.shared.dir", "");
        Path dir = shared.isEmpty() ? null : Path.of(shared, name);
        assumeTrue(dir != null && Files.isDirectory(dir),
                "shared test inputs not found (" + dir + "); set incident.shared.dir to run this test");
        return dir;
    }

    private static List<Path> list(Path dir, String extension) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
