package dev.incidentconsole.search;

import static dev.incidentconsole.search.OpsAnalyzerTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synonyms compiled once and kept in a folder: reused by later processes, rebuilt when stale or damaged. */
class KeptSynonymsTest {
    @TempDir
    Path dir;

    /** A later process: loads (or builds) the kept synonyms and prints their rule count. */
    public static final class Load {
        public static void main(String[] args) throws IOException {
            Synonyms synonyms = Synonyms.kept(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : null);
            System.out.println("rules " + synonyms.ruleCount());
        }
    }

    @Test
    void aSecondProcessMapsTheKeptSynonymsWithoutBuildingThem() throws Exception {
        Path folder = dir.resolve("index");
        Path user = Files.writeString(dir.resolve("ours.txt"), "lantern, ingest pipeline\n");

        String first = runJvm(folder, user, dir.resolve("first.log"));
        Path kept = KeptSynonyms.file(folder, user);
        byte[] written = Files.readAllBytes(kept);
        Files.setLastModifiedTime(kept, FileTime.fromMillis(1_000_000));
        String second = runJvm(folder, user, dir.resolve("second.log"));

        assertThat(second).isEqualTo(first).isEqualTo("rules " + (Synonyms.bundled().ruleCount() + 1) + "\n");
        assertThat(Files.readString(dir.resolve("first.log"))).contains("SolrSynonymParser");
        assertThat(Files.readString(dir.resolve("second.log"))).as("no rule parsed, no FST built")
                .doesNotContain("SolrSynonymParser", "FSTCompiler");
        assertThat(Files.readAllBytes(kept)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(kept).toMillis()).as("not written again").isEqualTo(1_000_000);
    }

    @Test
    void keptSynonymsExpandEveryRuleAsFreshlyBuiltOnesDo() throws IOException {
        Path user = Files.writeString(dir.resolve("ours.txt"), "# ours\nlantern, ingest pipeline\nmq => rabbitmq\n");
        Synonyms fresh = Synonyms.withUserFile(user);
        Synonyms.kept(dir, user);
        Synonyms kept = Synonyms.kept(dir, user);

        assertThat(kept).isNotSameAs(fresh);
        assertThat(kept.ruleCount()).isEqualTo(fresh.ruleCount());
        assertThat(kept.spellings()).isEqualTo(fresh.spellings());
        for (String rule : ruleLines(user)) {
            assertThat(tokens(OpsAnalyzer.forQuery(kept), rule)).as(rule)
                    .isEqualTo(tokens(OpsAnalyzer.forQuery(fresh), rule));
        }
        assertThat(tokens(OpsAnalyzer.forQuery(kept), "lantern")).contains("ingest", "pipelin");
    }

    @Test
    void aChangedUserFileIsPickedUp() throws IOException {
        Path user = Files.writeString(dir.resolve("ours.txt"), "lantern, ingest pipeline\n");
        int bundled = Synonyms.bundled().ruleCount();
        assertThat(Synonyms.kept(dir, user).ruleCount()).isEqualTo(bundled + 1);

        Files.writeString(user, "lantern, ingest pipeline\nbeacon, heartbeat\n");

        Synonyms changed = Synonyms.kept(dir, user);
        assertThat(changed.ruleCount()).isEqualTo(bundled + 2);
        assertThat(tokens(OpsAnalyzer.forQuery(changed), "beacon")).contains("heartbeat");
        assertThat(Synonyms.kept(dir, null).ruleCount()).as("the bundled rules alone are kept apart").isEqualTo(bundled);
        assertThat(Synonyms.kept(dir, user).ruleCount()).isEqualTo(bundled + 2);
    }

    @Test
    void aDamagedKeptFileIsBuiltAgainAndRewritten() throws IOException {
        Synonyms.kept(dir, null);
        Path kept = KeptSynonyms.file(dir, null);
        byte[] good = Files.readAllBytes(kept);
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(kept, damaged);

        Synonyms rebuilt = Synonyms.kept(dir, null);

        assertThat(tokens(OpsAnalyzer.forQuery(rebuilt), "429")).contains("too", "mani", "request", "rate", "limit");
        assertThat(Files.readAllBytes(kept)).as("rewritten whole").isEqualTo(good);
        Files.write(kept, java.util.Arrays.copyOf(good, good.length / 3));
        assertThat(Synonyms.kept(dir, null).ruleCount()).isEqualTo(Synonyms.bundled().ruleCount());
        Files.write(kept, new byte[0]);
        assertThat(Synonyms.kept(dir, null).ruleCount()).isEqualTo(Synonyms.bundled().ruleCount());
        assertThat(Files.readAllBytes(kept)).isEqualTo(good);
    }

    @Test
    void anUnwritableFolderOnlyCostsTheBuild() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");

        assertThat(Synonyms.kept(notAFolder, null).ruleCount()).isEqualTo(Synonyms.bundled().ruleCount());
    }

    @Test
    void aBadUserFileIsReportedAsWithoutKeeping() throws IOException {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> Synonyms.kept(dir, missing)).isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
        Path bad = Files.writeString(dir.resolve("bad.txt"), "a => \n");
        assertThatThrownBy(() -> Synonyms.kept(dir, bad)).isInstanceOf(IOException.class).hasMessageContaining(bad.toString());
    }

    private static List<String> ruleLines(Path user) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
            lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        lines.addAll(Files.readAllLines(user));
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replace("=>", ",")).toList();
    }

    private static String runJvm(Path folder, Path user, Path classLog) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), Load.class.getName(), folder.toString(), user.toString())
                .redirectError(classLog.resolveSibling(classLog.getFileName() + ".err").toFile())
                .redirectOutput(classLog.resolveSibling(classLog.getFileName() + ".out").toFile()).start();
        // Output to a file, so the hang guard holds: reading the pipe would block until the child ends.
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(classLog.resolveSibling(classLog.getFileName() + ".out"));
        assertThat(process.exitValue()).as(() -> out + readQuietly(classLog.resolveSibling(classLog.getFileName() + ".err")))
                .isZero();
        return out;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
