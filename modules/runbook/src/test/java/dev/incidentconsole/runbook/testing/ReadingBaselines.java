package dev.incidentconsole.runbook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the differential tests of issue 14 share, through the runbook test-jar: the inputs (the seeds, the
 * corpus, the bundled runbooks and the generated shell inputs of {@code shell-fuzz.txt}) and the comparison of
 * a reading with its stored baseline (key → value, never the runbook text). With
 * {@code -Dincident.baseline.write=DIR} the baseline is written from the code under test instead.
 */
public final class ReadingBaselines {
    private ReadingBaselines() {
    }

    /** The seeds, the corpus (README.md excluded) and the bundled runbooks; the test is skipped without them. */
    public static List<Path> runbookFiles() throws IOException {
        String project = System.getProperty("incident.project.dir");
        String shared = System.getProperty("incident.shared.dir", "");
        Assumptions.assumeTrue(project != null && !shared.isEmpty() && Files.isDirectory(Path.of(shared, "seeds")),
                "incident.project.dir / incident.shared.dir are not set; run the test through Maven");
        List<Path> files = new ArrayList<>(list(Path.of(shared, "seeds"), ".txt"));
        files.addAll(list(Path.of(shared, "corpus"), ".md").stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList());
        files.addAll(list(Path.of(project, "runbooks"), ".md"));
        return files;
    }

    /** The generated shell inputs, in their stored order (records separated by a {@code %%} line). */
    public static List<String> fuzzInputs() throws IOException {
        String project = System.getProperty("incident.project.dir");
        Assumptions.assumeTrue(project != null, "incident.project.dir is not set; run the test through Maven");
        List<String> out = new ArrayList<>();
        for (String record : Files.readString(Path.of(project, "modules/runbook/src/test/resources/shell-fuzz.txt"))
                .split("\n%%\n", -1)) {
            out.add(record);
        }
        return out;
    }

    /** The first 12 hex digits of the text's SHA-256: a key that names a command without holding it. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The differences of {@code after} from the baseline stored as the class-path resource {@code baseline}
     * (key → "before -> after", "(no command)" where one side has no entry); or, with
     * {@code incident.baseline.write} set, writes the baseline and skips the test.
     */
    public static Map<String, String> differences(Class<?> owner, String baseline, Map<String, String> after)
            throws IOException {
        String write = System.getProperty("incident.baseline.write", "");
        if (!write.isEmpty()) {
            StringBuilder sb = new StringBuilder("# file:line:sha256(command)[0..12)\tvalue before issue 14\n");
            after.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(Path.of(write, baseline), sb.toString());
            Assumptions.abort("wrote " + baseline + " to " + write);
        }
        Map<String, String> before = new TreeMap<>();
        try (InputStream in = owner.getResourceAsStream("/" + baseline)) {
            assertThat(in).as(baseline + " on the test class path").isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> before.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
        }
        Map<String, String> diff = new TreeMap<>();
        before.forEach((k, v) -> {
            String now = after.getOrDefault(k, "(no command)");
            if (!now.equals(v)) {
                diff.put(k, v + " -> " + now);
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                diff.put(k, "(no command) -> " + v);
            }
        });
        return diff;
    }

    private static List<Path> list(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
