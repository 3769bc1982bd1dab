package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command wrote before it exited is read to the end, however far behind the readers are. */
class OutputDrainTest {
    @TempDir
    Path dir;
    CommandRunner runner;

    @BeforeEach
    void open() {
        runner = Runners.local(dir);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void linesStillInThePipeWhenTheCommandExitsAreAllRead() throws Exception {
        // 4,000 short lines fit the pipe's buffer, so seq exits at once (the sleep lets the listener come first);
        // a listener taking 1 ms a line keeps the reader about 4 s behind it, twice the drain timeout. The old
        // fixed wait ended the run near line 2,000.
        RunHandle handle = runner.start(RunRequest.of("sleep 0.5; seq 1 4000", LocalTarget.here()));
        handle.addListener(line -> sleepOneMillisecond());
        RunResult result = handle.await(Runners.WAIT);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.lineCount()).isEqualTo(4000);
        List<String> file = Files.readAllLines(result.outputFile());
        assertThat(file.get(file.size() - 1)).endsWith("4000");
    }

    @Test
    void aSilentBackgroundChildHoldingThePipeDoesNotKeepTheRunOpen() throws Exception {
        RunHandle handle = runner.start(RunRequest.of("echo started; sleep 60 &", LocalTarget.here()));
        RunResult result = handle.await(Duration.ofSeconds(20)); // hang guard, not a speed check

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.stdout()).containsExactly("started");
    }

    private static void sleepOneMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
