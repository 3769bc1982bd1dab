package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 MiB of output: the file holds all of it, the heap only the tail (surefire runs with -Xmx256m). */
class LargeOutputTest {
    static final long LINES = 2_097_152;
    static final int WIDTH = 99;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesGoToTheFileWhileTheHeapStaysBounded() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong maxRetained = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        try (CommandRunner runner = Runners.local(dir)) {
            RunHandle handle = runner.start(RunRequest.of("seq -f '%0" + WIDTH + ".0f' 1 " + LINES, LocalTarget.here()));
            handle.addListener(line -> {
                if (line.seq() % 250_000 == 0) {
                    memory.gc();
                    maxRetained.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                }
            });
            RunResult result = handle.await(Runners.WAIT.multipliedBy(4));

            assertThat(result.succeeded()).as("%s", result.message()).isTrue();
            assertThat(result.lineCount()).isEqualTo(LINES);
            assertThat(Files.size(result.outputFile())).isEqualTo(LINES * (WIDTH + 1)).isEqualTo(200L << 20);
            assertThat(result.tail()).hasSize(runner.settings().tailLines());
            assertThat(result.tail().get(result.tail().size() - 1).text()).isEqualTo(padded(LINES));
            assertThat(result.tail().get(0).text()).isEqualTo(padded(LINES - runner.settings().tailLines() + 1));
            assertThat(result.tail().get(0).seq()).isEqualTo(LINES - runner.settings().tailLines() + 1);
        }
        assertThat(samples.get()).isGreaterThanOrEqualTo(8);
        assertThat(maxRetained.get()).as("heap retained after GC during the run").isLessThan(96L << 20);
    }

    private static String padded(long n) {
        return String.format("%0" + WIDTH + "d", n);
    }
}
