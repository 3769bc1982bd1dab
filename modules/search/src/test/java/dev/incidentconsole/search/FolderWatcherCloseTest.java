package dev.incidentconsole.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the watcher while its thread still handles events it has taken must not blow up that thread: a window
 * closing (or switching workspace) while runbooks are being saved did, and the test harness then reported it as
 * the next test's failure.
 */
class FolderWatcherCloseTest {

    @Test
    void closingWhileFilesAreBeingWrittenThrowsNothingOnTheWatchersThreads(@TempDir Path folder) throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            for (int round = 0; round < 40 && uncaught.isEmpty(); round++) {
                Path dir = Files.createDirectory(folder.resolve("r" + round));
                FolderWatcher watcher = new FolderWatcher(List.of(dir), new Ignore(), Duration.ofMillis(1));
                watcher.register(dir);
                watcher.start();
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 400; i++) {
                        try {
                            Files.writeString(dir.resolve("f" + i + ".md"), "# " + i);
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                writer.start();
                Thread.sleep(round % 5);
                watcher.close();
                writer.join();
            }
            Thread.sleep(100);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
    }

    private static final class Ignore implements FolderWatcher.Sink {
        @Override
        public void changed(Path file) {
        }

        @Override
        public void gone(Path path) {
        }

        @Override
        public void resync(Path folder) {
        }
    }
}
