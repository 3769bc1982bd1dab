package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL drill for the embedded store: child JVMs append and report each committed entry; they are
 * killed at random moments while appending, 50 times in all, two at a time on the same file (so one is
 * often killed while the other writes). Every reported entry must be there afterwards.
 */
class EmbeddedStoreCrashTest {
    private static final int KILLS = 50;
    private static final int LANES = 2;

    @TempDir
    Path dir;

    @Test
    void everyEntryReportedCommittedSurvivesFiftyKills() throws Exception {
        Path db = dir.resolve("incidents.db");
        Set<UUID> reported = ConcurrentHashMap.newKeySet();
        // The file is created and migrated once up front, as the app does; the lanes' first children would
        // otherwise race two schema migrations on a fresh file, which is not what this test is about.
        IncidentStores.embedded(db, StoreOptions.defaults()).close();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        List<Future<Integer>> kills = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int first = lane * (KILLS / LANES);
            kills.add(lanes.submit(() -> {
                int killed = 0;
                for (int run = first; run < first + KILLS / LANES; run++) {
                    killed += runAndKill(db, run, reported) ? 1 : 0;
                }
                return killed;
            }));
        }
        int killedWhileAppending = 0;
        for (Future<Integer> f : kills) {
            killedWhileAppending += f.get(5, TimeUnit.MINUTES);
        }
        lanes.shutdown();
        assertThat(killedWhileAppending).as("children killed by SIGKILL").isEqualTo(KILLS);
        assertThat(reported).hasSizeGreaterThan(KILLS);

        try (IncidentStore store = IncidentStores.embedded(db, StoreOptions.defaults())) {
            Set<UUID> stored = new java.util.HashSet<>();
            for (Incident incident : store.list(false)) {
                List<TimelineEntry> entries = store.entries(incident.id(), 0);
                entries.forEach(e -> stored.add(e.id()));
                assertThat(entries).extracting(TimelineEntry::seq)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
                assertThat(store.get(incident.id())).contains(Incident.replay(entries));
            }
            assertThat(stored).containsAll(reported);
        }
    }

    /** Starts a child, lets it append for a random moment, kills it; true when it died of SIGKILL. */
    private boolean runAndKill(Path db, int run, Set<UUID> reported) throws Exception {
        Path err = dir.resolve("child-" + run + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString())
                .redirectError(err.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertThat(ready).as("child %d started; its stderr: %s", run, new ChildError(child, err)).startsWith("READY");
            // The start-up cost is paid before the clock starts, so every kill lands while appending.
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(20, 300));
            String line;
            while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
                addIfComplete(reported, line);
            }
            // SIGKILL through the process handle: Process.destroyForcibly would also close our end of the pipe.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // Lines already in the pipe were printed after their append returned: they count too.
            while ((line = out.readLine()) != null) {
                addIfComplete(reported, line);
            }
        }
        return child.exitValue() == 128 + 9;
    }

    /** A kill can cut the last line short; a partial UUID is not a report. */
    private static void addIfComplete(Set<UUID> reported, String line) {
        if (line.length() == 36) {
            reported.add(UUID.fromString(line));
        }
    }

    /** Reads the child's stderr only when an assertion message is built, after the child has exited. */
    private record ChildError(Process child, Path err) {
        @Override
        public String toString() {
            try {
                child.waitFor(5, TimeUnit.SECONDS);
                return Files.readString(err);
            } catch (Exception e) {
                return "unreadable: " + e;
            }
        }
    }
}
