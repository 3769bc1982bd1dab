package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} keeps its index in the data folder: a second process reuses it without writing (no new commit),
 * and so are the compiled synonyms kept beside it; a changed runbook is found by the next process. Each run is a real JVM, as a terminal would start it.
 */
class SearchIndexReuseTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result search(String... query) throws IOException, InterruptedException {
        return search(List.of(), query);
    }

    private Result search(List<String> jvmOptions, String... query) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dincident.data.dir=" + dir.resolve("data"), "-Dincident.config.dir=" + dir.resolve("config"),
                "dev.incidentconsole.app.Main", "search", "--runbooks", dir.resolve("runbooks").toString()));
        cmd.addAll(List.of(query));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("search finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /** The commit points of every search index in the data folder: a new one means the index was written. */
    private List<String> commits() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("data/search-index"))) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_")).sorted().toList();
        }
    }

    @Test
    void theNextProcessReusesTheIndexAndSeesAChangedRunbook() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Path db = dir.resolve("runbooks/db.md");
        Files.writeString(db, "# Database\n\n## Too many clients\n\nPgBouncer pool is full; raise default_pool_size.\n");
        Files.writeString(dir.resolve("runbooks/k8s.md"), "# Kubernetes\n\n## CrashLoopBackOff\n\nRead the logs.\n");

        Result first = search("pool", "is", "full");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Too many clients");
        List<String> built = commits();
        assertThat(built).hasSize(1);

        Path synonyms;
        try (Stream<Path> kept = Files.list(dir.resolve("data/search-index"))) {
            synonyms = kept.filter(p -> p.getFileName().toString().startsWith("synonyms-")).findFirst().orElseThrow();
        }
        FileTime compiled = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(synonyms, compiled);

        Result second = search("pool", "is", "full");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(commits()).as("reused without writing").isEqualTo(built);
        assertThat(Files.getLastModifiedTime(synonyms)).as("the kept synonyms reused, not compiled again").isEqualTo(compiled);

        Files.writeString(db, "# Database\n\n## Replication lag\n\nThe standby replays WAL slowly.\n");
        Files.setLastModifiedTime(db, FileTime.from(Instant.now().plusSeconds(5)));
        Result third = search("standby", "replays");
        assertThat(third.out()).contains("Replication lag").doesNotContain("Too many clients");
        assertThat(commits()).isNotEqualTo(built);
    }

    @Test
    void aSearchThatLogsNothingNeverStartsLoggingAndADamagedIndexIsStillReported() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(dir.resolve("runbooks/db.md"),
                "# Database\n\n## Too many clients\n\nThe pool is full: raise its size.\n");
        assertThat(search("pool").exit()).isZero();

        Path classes = dir.resolve("classes.log");
        Result quiet = search(List.of("-Xlog:class+load=info:file=" + classes), "pool");
        assertThat(quiet.out()).contains("Too many clients");
        assertThat(Files.readString(classes)).as("SLF4J and Logback never started")
                .doesNotContain("org.slf4j.LoggerFactory", "ch.qos.logback.classic.LoggerContext");

        for (String commit : commits()) {
            try (Stream<Path> found = Files.walk(dir.resolve("data/search-index"))) {
                for (Path p : found.filter(f -> f.getFileName().toString().equals(commit)).toList()) {
                    Files.writeString(p, "not a commit point");
                }
            }
        }
        Result damaged = search("pool");
        assertThat(damaged.out()).contains("Too many clients");
        assertThat(damaged.err()).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  .*cannot be read");
    }
}
