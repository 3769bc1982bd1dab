package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated, truncated and generated inputs: the parser must never throw, must keep its model
 * consistent, and must not hang (the 2 s bound per input only catches hangs; speed is measured in bench).
 */
class ParserFuzzTest {

    private static final Duration HANG = Duration.ofSeconds(2);
    /** Megabyte-sized inputs legitimately take longer on a busy two-core machine; this still only catches hangs. */
    private static final Duration LARGE_HANG = Duration.ofSeconds(10);
    private static final String[] FRAGMENTS = {"```", "~~~", "```bash", "```console\n$ ", "**Symptoms:**", "**",
        "# ", "## ", "###### ", "- ", "1. ", "   ", "\t", "> ", "|", "| a | b |\n|---|---|\n", "---\n", "\\",
        "`", "[x](", "](y)", "<!--", "-->", "<details>", "\0", "\uFFFD", "\r\n", "\r", "\n", "{#id}", "${X}",
        "<pod-name>", "kubectl delete pod x", "**Last Updated:** 2024-13-45", "| Service | Port |\n|--|--|\n| a | x |"};

    private final RunbookParser parser = new RunbookParser();
    private final Random random = new Random(20240611L);

    @Test
    void mutatedRealRunbooksNeverBreakTheParser() {
        List<String> sources = new ArrayList<>();
        tryAdd(sources, true);
        tryAdd(sources, false);
        if (sources.isEmpty()) {
            sources.add("# Title\n\n**Symptoms:** slow\n\n```bash\nkubectl get pods\n```\n");
        }
        int inputs = 0;
        for (int round = 0; round < 1000; round++) {
            String base = sources.get(random.nextInt(sources.size()));
            check(mutate(round % 20 == 0 ? base : slice(base)));
            inputs++;
        }
        assertThat(inputs).isEqualTo(1000);
    }

    @Test
    void generatedMarkdownSoupNeverBreaksTheParser() {
        for (int round = 0; round < 1500; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(80);
            for (int i = 0; i < parts; i++) {
                sb.append(random.nextInt(4) == 0 ? randomText(random.nextInt(30))
                        : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextInt(3) == 0) {
                    sb.append('\n');
                }
            }
            check(sb.toString());
        }
    }

    @Test
    void pathologicalShapesFinishAndKeepTheirWarnings() {
        List<String> inputs = List.of(
                "> ".repeat(2000) + "deep quote",
                "- ".repeat(3000) + "deep list",
                "  ".repeat(2000) + "- item\n".repeat(500),
                "*".repeat(100_000),
                "[".repeat(10_000) + "]".repeat(10_000),
                "`".repeat(50_000),
                "| a ".repeat(5000) + "|\n" + "|---".repeat(5000) + "|\n" + "| x ".repeat(5000) + "|\n",
                "```bash\n" + "echo 'unterminated\n".repeat(2_000),
                "# h\n".repeat(10_000),
                "**Diagnosis:**\n".repeat(3_000),
                "---\n" + "key: [".repeat(5000) + "\n---\n# T\n",
                "---\na: &a [x]\nb: *a\n---\n# Aliases\n");
        for (String input : inputs) {
            assertThat(check(input, LARGE_HANG).title()).isNotNull();
        }
        Runbook huge = check("x".repeat(SourceText.MAX_CHARS + 1000), LARGE_HANG);
        assertThat(huge.warnings()).anyMatch(w -> w.message().contains("larger than"));
    }

    @Test
    void randomBytesFromDiskAreDecodedOrReportedAsBinary(@TempDir Path dir) throws IOException {
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            random.nextBytes(bytes);
            if (round % 2 == 0) {
                byte[] text = "# Title\n\n```bash\nls\n```\n".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(text, 0, bytes, 0, Math.min(text.length, bytes.length));
            }
            Path file = Files.write(dir.resolve("r" + round + ".md"), bytes);
            Runbook r = assertTimeoutPreemptively(HANG, () -> parser.parse(file));
            assertConsistent(r, new String(bytes, StandardCharsets.UTF_8));
            if (bytes.length > 100) {
                assertThat(r.warnings()).as("random bytes must be reported").isNotEmpty();
            }
        }
    }

    private Runbook check(String input) {
        return check(input, HANG);
    }

    private Runbook check(String input, Duration bound) {
        Runbook r = assertTimeoutPreemptively(bound, () -> parser.parse(Path.of("fuzz.md"), input),
                () -> "hang on input starting " + input.substring(0, Math.min(80, input.length())));
        assertConsistent(r, input);
        return r;
    }

    /** Invariants every model must keep, whatever the input. */
    private static void assertConsistent(Runbook r, String input) {
        int lines = input.split("\r\n|\r|\n", -1).length;
        assertThat(r.title()).isNotNull();
        for (int i = 0; i < r.sections().size(); i++) {
            Section s = r.sections().get(i);
            assertThat(s.index()).isEqualTo(i);
            assertThat(s.line()).isBetween(1, lines);
            assertThat(s.endLine()).isBetween(s.line(), lines);
            assertThat(s.path()).isNotEmpty();
            for (Step step : s.steps()) {
                assertThat(step.line()).isBetween(1, lines);
                assertThat(step.commands()).allSatisfy(c -> assertThat(c.line()).isBetween(step.line(), lines));
            }
        }
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.line()).isBetween(0, lines));
        assertThat(r.services()).allSatisfy(e -> assertThat(e.port()).isBetween(1, 65535));
    }

    private String mutate(String base) {
        String s = base;
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s = s.substring(0, at);
                case 1 -> s = s.substring(at);
                case 2 -> s = s.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + s.substring(at);
                case 3 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + random.nextInt(200)));
                case 4 -> s = s.substring(0, at) + randomText(random.nextInt(20)) + s.substring(at);
                default -> s = shuffleLines(s);
            }
        }
        return s;
    }

    /** Up to 80 consecutive lines: a truncated runbook, and cheap enough to try many. */
    private String slice(String s) {
        String[] lines = s.split("\n", -1);
        int from = random.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + random.nextInt(80));
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
    }

    private String shuffleLines(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        for (int i = 0; i < Math.min(10, lines.size()); i++) {
            java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        }
        return String.join("\n", lines);
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            sb.appendCodePoint(kind < 6 ? 32 + random.nextInt(95) : kind < 9 ? random.nextInt(0x3000)
                    : 0x1F600 + random.nextInt(80));
        }
        return sb.toString();
    }

    private static void tryAdd(List<String> sources, boolean seeds) {
        try {
            (seeds ? SharedInputs.seedFiles() : SharedInputs.corpusFiles()).stream()
                    .map(SharedInputs::read).forEach(sources::add);
        } catch (org.opentest4j.TestAbortedException absent) {
            // shared inputs are optional here: the generated inputs still run
        }
    }
}
