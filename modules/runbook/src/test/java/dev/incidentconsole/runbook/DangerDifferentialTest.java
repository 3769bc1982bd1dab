package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.testing.InlineCommandSteps;
import dev.incidentconsole.runbook.testing.OutputNoLongerCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The commands and danger verdicts over the seeds, the corpus and the bundled runbooks, compared with
 * those before issue 14 ({@code danger-verdicts-before.tsv}: file, line, a hash of the command text and
 * the rule, never the runbook text itself). Every difference must be one of {@link #INTENDED}, each
 * with the reason it changed; a difference not listed, or a listed one that no longer happens, fails.
 */
class DangerDifferentialTest {
    private static final String BASELINE = "/danger-verdicts-before.tsv";

    /** key (file:line:hash) → "before -> after": the intended changes, each explained. */
    static final Map<String, String> INTENDED = new TreeMap<>(Map.ofEntries(
            // pg_restore -d writes into a live database: now flagged (seed 000 and seed 002's four restores)
            Map.entry("seeds/000_8a79b9de71f785a0.txt:230:afe7b6ac9842", "- -> pg-restore"),
            Map.entry("seeds/002_572c25c714beff75.txt:465:5a955b84fea5", "- -> pg-restore"),
            Map.entry("seeds/002_572c25c714beff75.txt:947:3cf968769e7a", "- -> pg-restore"),
            Map.entry("seeds/002_572c25c714beff75.txt:956:34f6dca2af62", "- -> pg-restore"),
            Map.entry("seeds/002_572c25c714beff75.txt:1482:ff7f9fc2f752", "- -> pg-restore"),
            // a configuration line in a shell block (recovery_target_time = '...') is no longer a runnable step
            Map.entry("seeds/002_572c25c714beff75.txt:468:3da9e589216f", "- -> (no command)"),
            // the same rule: a Ruby console line (queue = Sidekiq::Queue.new(...)) is not a shell command
            Map.entry("corpus/gitlab__large-sidekiq-queue.md:125:0d18f2d42c86", "- -> (no command)"),
            // session 12: a restart of a data service (PgBouncer, Redis, PostgreSQL) drops every client at once, as
            // patronictl restart and systemctl stop do (DataServices); stateless restarts stay unflagged
            Map.entry("runbooks/on-call-quick-reference.md:65:58e2331387b9", "- -> data-service-restart"),
            Map.entry("runbooks/on-call-quick-reference.md:122:58e2331387b9", "- -> data-service-restart"),
            Map.entry("runbooks/redis-failover.md:82:18ca019b60e0", "- -> data-service-restart"),
            Map.entry("seeds/000_8a79b9de71f785a0.txt:72:58e2331387b9", "- -> data-service-restart"),
            Map.entry("seeds/000_8a79b9de71f785a0.txt:139:58e2331387b9", "- -> data-service-restart"),
            Map.entry("seeds/002_572c25c714beff75.txt:500:d99cffea8885", "- -> data-service-restart"),
            Map.entry("seeds/002_572c25c714beff75.txt:501:c6cf31a55098", "- -> data-service-restart"),
            Map.entry("seeds/003_18a3cb0d6890033e.txt:137:2d2ff22c0339", "- -> data-service-restart")));

    static {
        // printed output (a command's table, log lines) that was read as commands: each listed with its reason there
        INTENDED.putAll(OutputNoLongerCommands.each("- -> (no command)"));
        INTENDED.putAll(OutputNoLongerCommands.reread("-", "-"));
        // inline code read as a step (two of them destructive, judged as fenced ones): explained there
        INTENDED.putAll(InlineCommandSteps.each(InlineCommandSteps.After::danger));
    }

    @Test
    void verdictsDifferFromBeforeOnlyWhereIntended() throws IOException {
        Map<String, String> before = baseline();
        Map<String, String> after = verdicts();
        Map<String, String> diff = new TreeMap<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.getOrDefault(e.getKey(), "(no command)");
            if (!now.equals(e.getValue())) {
                diff.put(e.getKey(), e.getValue() + " -> " + now);
            }
        }
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                diff.put(e.getKey(), "(no command) -> " + e.getValue());
            }
        }
        assertThat(diff).as("differences from the verdicts before issue 14").isEqualTo(INTENDED);
    }

    private static Map<String, String> baseline() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = DangerDifferentialTest.class.getResourceAsStream(BASELINE)) {
            assertThat(in).as(BASELINE + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int tab = line.lastIndexOf('\t');
                    out.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return out;
    }

    /** Every command of every input: key (folder/file:line:hash) → danger rule, or "-" when not flagged. */
    static Map<String, String> verdicts() throws IOException {
        Map<String, String> out = new TreeMap<>();
        forEachCommand((key, c) -> out.put(key, c.danger() == null ? "-" : c.danger().rule()));
        return out;
    }

    /** Calls {@code each} with every command of the seeds, the corpus and the bundled runbooks and its key. */
    static void forEachCommand(java.util.function.BiConsumer<String, Command> each) throws IOException {
        String project = System.getProperty("incident.project.dir");
        Assumptions.assumeTrue(project != null, "incident.project.dir is not set; run the test through Maven");
        List<Path> files = new ArrayList<>(SharedInputs.seedFiles());
        files.addAll(SharedInputs.corpusFiles());
        try (Stream<Path> bundled = Files.list(Path.of(project, "runbooks"))) {
            bundled.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        RunbookParser parser = new RunbookParser();
        for (Path file : files) {
            String name = file.getParent().getFileName() + "/" + file.getFileName();
            for (Command c : parser.parse(file).commands()) {
                each.accept(name + ":" + c.line() + ":" + hash(c.text()), c);
            }
        }
    }

    private static String hash(String text) {
        return ShellDifferentialTest.hash(text);
    }

    /** Writes the baseline from the current rules; run once, on the code before the change. */
    public static void main(String[] args) throws IOException {
        StringBuilder sb = new StringBuilder("# file:line:sha256(command)[0..12)\trule before issue 14 (- = not flagged)\n");
        verdicts().forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        Files.writeString(Path.of(args[0]), sb.toString());
    }
}
