package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Index lines that link to runbooks which are not there are warnings naming the file. */
class IndexLinksTest {
    @TempDir
    Path dir;

    /** Seed 004's index links to five runbooks that do not exist beside it. */
    @Test
    void seed004sIndexLinksToMissingRunbooksAreWarningsNamingEachFile() throws Exception {
        Runbook index = new RunbookParser().parse(SharedInputs.seed("004_"));
        List<String> warnings = index.warnings().stream().map(ParseWarning::toString).toList();
        assertThat(warnings).hasSize(16).contains(
                "line 24: the index entry \"Queue backing up\" links to ./high-queue-depth.md, which does not exist ("
                        + SharedInputs.seeds().toAbsolutePath().normalize().resolve("high-queue-depth.md") + ")");
        assertThat(warnings).anyMatch(w -> w.contains("./tenant-onboarding.md"));
    }

    @Test
    void aLinkToAFileThatExistsIsNoWarningAndTextParsedWithoutAFileIsNotChecked() throws Exception {
        Files.writeString(dir.resolve("redis.md"), "# Redis\n");
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/my notes.md"), "# Notes\n");
        String text = """
                # Index

                ## By Symptom

                - Cache answers nothing → [Redis](./redis.md#redisdown)
                - Writes fail → [Notes](db/my%20notes.md), [Runbook](https://wiki.example.com/db.md)
                - Disk full → [Disk](./disk.md)
                """;
        Path file = Files.writeString(dir.resolve("index.md"), text);

        Runbook parsed = new RunbookParser().parse(file);
        assertThat(parsed.warnings()).extracting(ParseWarning::message).containsExactly(
                "the index entry \"Disk full\" links to ./disk.md, which does not exist (" + dir.resolve("disk.md") + ")");
        assertThat(new RunbookParser().parse(file, text).warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "./redis.md#redisdown | /rb/redis.md",
            "../db/pg.md?plain=1  | /db/pg.md",
            "my%20notes.md        | /rb/my notes.md",
            "https://x/y.md       | ''",
            "#local-anchor        | ''",
            "mailto:oncall@x      | ''",
    })
    void linkTargetsResolveNextToTheIndex(String target, String expected) {
        assertThat(IndexLinks.file(Path.of("/rb/index.md"), target).map(Path::toString).orElse(""))
                .isEqualTo(expected);
    }
}
