package dev.incidentconsole.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hit's explanation is the same in every process and reads in the typed words' order. Lucene walks a boolean
 * query's optional clauses in an order that depends on per-JVM identity hashes, so only fresh JVMs show a drift.
 */
class MatchOrderTest {

    /** Queries whose synonyms come from several typed words, mixing single terms and synonym groups. */
    private static final List<String> QUERIES = List.of("disk full replication lag", "pods restart crashloop lag",
            "too many connections pool exhausted lag", "connection reset lag behind standby",
            "throttled 429 restart disk");

    @TempDir
    Path dir;

    /** A fresh process: every query's hits over the fixtures, each with its explanation, one per line. */
    public static final class Explain {
        public static void main(String[] args) throws IOException {
            System.out.print(String.join("\n", explanations()));
        }
    }

    static List<String> explanations() throws IOException {
        List<String> out = new ArrayList<>();
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            index.addAll(Fixtures.all());
            for (String q : QUERIES) {
                index.search(SearchQuery.of(q)).forEach(h -> out.add(q + " | " + h.title() + " | " + h.matched()));
            }
        }
        return out;
    }

    @Test
    void theExplanationIsTheSameInEveryFreshJvm() throws Exception {
        String first = runJvm(dir.resolve("first.err"));
        assertThat(first).contains("SYNONYM");
        for (int i = 0; i < 3; i++) {
            assertThat(runJvm(dir.resolve(i + ".err"))).as("run " + (i + 2)).isEqualTo(first);
        }
    }

    @Test
    void synonymsFollowTheTypedWordsTheyStandFor() throws IOException {
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            index.addAll(Fixtures.all());
            List<Match> matched = index.search(SearchQuery.of("disk full replication lag")).stream()
                    .filter(h -> h.title().equals("Replication Lag")).findFirst().orElseThrow().matched();
            List<String> synonyms = matched.stream().filter(m -> m.field() == Match.Field.SYNONYM)
                    .map(Match::word).toList();
            assertThat(matched.subList(0, 2)).containsExactly(new Match("replication", Match.Field.HEADING),
                    new Match("lag", Match.Field.HEADING));
            assertThat(synonyms).containsExactly("behind");
            List<Match> volume = index.search(SearchQuery.of("lag disk full")).stream()
                    .filter(h -> h.title().equals("Data Volume Full")).findFirst().orElseThrow().matched();
            assertThat(volume.stream().map(Match::word).toList())
                    .as("the typed word the section holds, then the synonym's words in their order")
                    .containsExactly("full", "no", "space", "left", "device");
        }
    }

    private static String runJvm(Path err) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Explain.class.getName()).redirectError(err.toFile())
                .redirectOutput(err.resolveSibling(err.getFileName() + ".out").toFile()).start();
        // Output to a file, so the hang guard holds: reading the pipe would block until the child ends.
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(err.resolveSibling(err.getFileName() + ".out"));
        String errors = Files.readString(err);
        assertThat(process.exitValue()).as(() -> out + errors).isZero();
        return out;
    }
}
