package dev.incidentconsole.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A runner and a local target for each test, {@code @RegisterExtension final LocalWork work = LocalWork.local();}: in a
 * folder of the test's own ({@link #dir}: the runner's output under {@code runs/}, the target's working directory
 * {@code work/}, empty), the runner closed and the folder removed after the test.
 */
final class LocalWork implements BeforeEachCallback, AfterEachCallback {
    private final Function<Path, CommandRunner> runners;
    private Path dir;
    private CommandRunner runner;
    private LocalTarget target;

    private LocalWork(Function<Path, CommandRunner> runners) {
        this.runners = runners;
    }

    /** With the runner's own danger rules ({@link Runners#local}). */
    static LocalWork local() {
        return new LocalWork(Runners::local);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("local-work");
        runner = runners.apply(dir);
        target = new LocalTarget("t", Files.createDirectory(dir.resolve("work")), Map.of(), false);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            runner.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    CommandRunner runner() {
        return runner;
    }

    LocalTarget target() {
        return target;
    }

    /** The test's folder. */
    Path dir() {
        return dir;
    }

    /** The target's working directory. */
    Path work() {
        return dir.resolve("work");
    }
}
