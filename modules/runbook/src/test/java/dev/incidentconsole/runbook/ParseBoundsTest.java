package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.testing.HostileRunbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every hostile shape parses in a child JVM capped at 512 MB (an OutOfMemoryError fails the test), keeps what
 * comes before the cut and says what was cut. The time bound (2 s) is measured by {@code ParseBench hostile} and
 * recorded in docs/performance.md; the guard here only catches hangs.
 */
class ParseBoundsTest {

    private static final long HANG_GUARD_SECONDS = 60;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(HostileRunbooks.class)
    void hostileRunbookParsesWithin512MbAndSaysWhatWasCut(HostileRunbooks shape) throws Exception {
        Path file = shape.write(dir);
        List<String> out = parseInChildJvm(file);

        String summary = out.get(0);
        assertThat(summary).as(shape.description()).startsWith("sections=");
        List<String> warnings = out.subList(1, out.size());
        if (shape.expectedWarning() == null) {
            assertThat(warnings).as(shape.description()).noneMatch(w -> w.contains("cut") || w.contains("larger"));
        } else {
            assertThat(warnings).as(shape.description()).anyMatch(w -> w.contains(shape.expectedWarning()));
        }
        assertThat(warnings).allMatch(w -> w.matches("line \\d+: .+"));
    }

    @ParameterizedTest
    @EnumSource(value = HostileRunbooks.class, names = {"HEADINGS_100K", "TABLE_2400_COLUMNS", "CODE_BLOCK_100K"})
    void whatComesBeforeTheCutIsKept(HostileRunbooks shape) throws Exception {
        String summary = parseInChildJvm(shape.write(dir)).get(0);
        switch (shape) {
            case HEADINGS_100K -> assertThat(summary).startsWith("sections=100000 ");
            case CODE_BLOCK_100K -> assertThat(summary).endsWith(" commands=" + StepReader.MAX_SHELL_LINES);
            default -> assertThat(summary).startsWith("sections=1 ");
        }
    }

    /** The parse's output lines; fails on a non-zero exit (an OutOfMemoryError included) or a hang. */
    private List<String> parseInChildJvm(Path file) throws IOException, InterruptedException {
        Path log = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Xss1m",
                "-cp", System.getProperty("java.class.path"), HostileParseMain.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError(file.getFileName() + " did not finish within " + HANG_GUARD_SECONDS + " s");
        }
        List<String> out = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("SLF4J")).toList();
        assertThat(child.exitValue()).as(file.getFileName() + " exit status; output: " + out).isZero();
        return out;
    }
}
