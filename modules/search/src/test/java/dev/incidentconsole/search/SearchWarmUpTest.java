package dev.incidentconsole.search;

import dev.incidentconsole.runbook.RunbookFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The warm-up initialises classes beside a search in a new process: the search must find exactly what it finds
 * without it, and the two threads must never wait on each other for good (class initialisation locks). Each
 * run is a real JVM, since in this one every class is long initialised.
 */
class SearchWarmUpTest {

    private static final List<String> QUERIES = List.of("too many connections", "redis memory eviction",
            "conection refusd", "\"connection refused\"", "certificate expired", "kubectl rollout undo");

    @TempDir
    Path tmp;

    @Test
    void aSearchBesideTheWarmUpFindsExactlyWhatOneWithoutItFinds() throws Exception {
        String shared = System.getProperty("incident.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "seeds")),
                "the shared seed runbooks (incident.shared.dir) are not here");
        ParserReady.assumeParser();
        Path seeds = Path.of(shared, "seeds");
        Path store = tmp.resolve("index");
        try (RunbookIndex built = RunbookIndex.stored(store, RunbookFiles.find(seeds), Synonyms.bundled(),
                IndexListener.NONE)) {
            assertThat(built.files()).isNotEmpty();
        }

        String cold = search(store, seeds, "cold");
        assertThat(cold).contains("query too many connections\n/").contains("query conection refusd\n/");
        for (int run = 0; run < 4; run++) {
            assertThat(search(store, seeds, "warm")).as("warm run %d", run).isEqualTo(cold);
        }
    }

    @Test
    void theWarmUpRunsOnADaemonThreadThatEndsByItself() throws InterruptedException {
        Thread thread = SearchWarmUp.start();
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("search-warm-up");
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(thread.isAlive()).isFalse();
    }

    /** The searches' output from a new JVM; fails on a hang (a class-initialisation deadlock) or an error. */
    private String search(Path store, Path runbooks, String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WarmUpSearchMain.class.getName(), store.toString(),
                runbooks.toString(), mode));
        command.addAll(QUERIES);
        Path out = tmp.resolve(mode + "-out.txt");
        Path err = tmp.resolve(mode + "-err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The " + mode + " search did not end within 90 s (a deadlock?)");
        }
        assertThat(process.exitValue()).as("exit of the %s search; stderr: %s", mode,
                Files.readString(err, StandardCharsets.UTF_8)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
