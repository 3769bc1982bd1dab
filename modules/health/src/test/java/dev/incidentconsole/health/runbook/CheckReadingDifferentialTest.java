package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * health's reading of check commands compared with the code before issue 14's one shell model: every
 * command of the seeds, the corpus, the bundled runbooks and the generated shell inputs (the runbook
 * module's {@code shell-fuzz.txt}) read as a port-table check, and the services each runbook offers (its
 * health URLs found among its curls). The baseline holds keys and values, never the runbook text.
 * {@code -Dincident.baseline.write=DIR} writes the baseline from the code under test instead.
 */
class CheckReadingDifferentialTest {
    private static final String BASELINE = "health-check-reading-before.tsv";
    private static final Map<String, String> ENV = Map.of("TOKEN", "t0k", "PW", "pw", "HOST", "db.internal",
            "PGPASSWORD", "pgpw", "NAMESPACE", "prod");

    /** key → "before -> after": the intended changes, each explained. */
    static final Map<String, String> INTENDED = new TreeMap<>(Map.of());

    @Test
    void checkCommandsReadAsBeforeExceptWhereIntended() throws IOException {
        String project = System.getProperty("incident.project.dir");
        String shared = System.getProperty("incident.shared.dir", "");
        Assumptions.assumeTrue(project != null && !shared.isEmpty() && Files.isDirectory(Path.of(shared, "seeds")),
                "incident.project.dir / incident.shared.dir are not set; run the test through Maven");
        List<Path> files = new ArrayList<>(list(Path.of(shared, "seeds"), ".txt"));
        files.addAll(list(Path.of(shared, "corpus"), ".md").stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList());
        files.addAll(list(Path.of(project, "runbooks"), ".md"));
        CheckCommands checks = new CheckCommands(ENV::get);
        RunbookServices services = new RunbookServices(ENV::get, "localhost");
        RunbookParser parser = new RunbookParser();
        Map<String, String> after = new TreeMap<>();
        for (Path file : files) {
            String name = file.getParent().getFileName() + "/" + file.getFileName();
            Runbook runbook = parser.parse(file);
            for (Command c : runbook.commands()) {
                after.put(name + ":" + c.line() + ":" + hash(c.text()), hidden(reading(checks.parse(c.text(), "localhost", 8080))));
            }
            after.put(name + ":services", "services " + hash(services.offer(runbook).stream().map(CheckReadingDifferentialTest::service)
                    .collect(Collectors.joining(" ; "))));
        }
        String[] inputs = Files.readString(Path.of(project, "modules/runbook/src/test/resources/shell-fuzz.txt"))
                .split("\n%%\n", -1);
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].isEmpty()) {
                after.put("fuzz/" + i + ":" + hash(inputs[i]), reading(checks.parse(inputs[i], "localhost", 8080)));
            }
        }
        compare(after);
    }

    private static String reading(CheckCommands.Parsed p) {
        return (p.probe().kind() + " " + p.probe() + " @" + p.host() + " via " + p.via() + " " + p.notes())
                .replace('\n', '\u23CE').replace('\t', '\u21E5');
    }

    /** A reading of runbook text as its first word (the probe kind) and a hash, so no runbook text is stored. */
    private static String hidden(String reading) {
        return reading.isEmpty() ? "-" : reading.split(" ", 2)[0] + " " + hash(reading);
    }

    private static String service(ServiceSpec s) {
        return (s.name() + " " + s.host() + ":" + s.port() + " " + s.probe().kind() + " " + s.probe())
                .replace('\n', '\u23CE').replace('\t', '\u21E5');
    }

    private static void compare(Map<String, String> after) throws IOException {
        String write = System.getProperty("incident.baseline.write", "");
        if (!write.isEmpty()) {
            StringBuilder sb = new StringBuilder("# file:line:sha256(command)[0..12)\treading before issue 14\n");
            after.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(Path.of(write, BASELINE), sb.toString());
            Assumptions.abort("wrote " + BASELINE + " to " + write);
        }
        Map<String, String> before = new TreeMap<>();
        try (var in = CheckReadingDifferentialTest.class.getResourceAsStream("/" + BASELINE)) {
            assertThat(in).as(BASELINE + " on the test class path").isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .forEach(l -> before.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
        }
        Map<String, String> diff = new TreeMap<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.getOrDefault(k, "(no command)"))) {
                diff.put(k, v + " -> " + after.getOrDefault(k, "(no command)"));
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                diff.put(k, "(no command) -> " + v);
            }
        });
        assertThat(diff).as("differences from " + BASELINE).isEqualTo(INTENDED);
    }

    private static List<Path> list(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
