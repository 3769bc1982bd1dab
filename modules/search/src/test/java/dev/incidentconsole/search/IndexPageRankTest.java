package dev.incidentconsole.search;

import dev.incidentconsole.runbook.RunbookParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A team's folder has a README index ("By symptom: Disk full: [PostgreSQL disk space](db/disk.md)"). Searching
 * the symptom it lists must land on the runbook the index points to, not on the index line itself.
 */
class IndexPageRankTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "disk full, gitlab__postgresql-disk-space.md",
            "pgbouncer saturated, gitlab__pgbouncer-saturation.md",
            "too many connections, gitlab__pgbouncer-saturation.md",
    })
    void symptomListedInAnIndexFindsTheRunbookItPointsToFirst(String typed, String target) throws IOException {
        String shared = System.getProperty("incident.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus")),
                "the shared corpus (incident.shared.dir) is not available");
        Path db = Files.createDirectories(folder.resolve("db"));
        for (String name : List.of("gitlab__postgresql-disk-space.md", "gitlab__pgbouncer-saturation.md",
                "gitlab__postgresql-locking.md")) {
            Files.copy(Path.of(shared, "corpus", name), db.resolve(name));
        }
        Path readme = Files.writeString(folder.resolve("README.md"), """
                # Team runbooks index

                ## By symptom
                - Too many connections: [PgBouncer saturation](db/gitlab__pgbouncer-saturation.md)
                - PgBouncer saturated: [PgBouncer saturation](db/gitlab__pgbouncer-saturation.md)
                - Disk full: [PostgreSQL disk space](db/gitlab__postgresql-disk-space.md)
                - Locks: [PostgreSQL locking](db/gitlab__postgresql-locking.md)
                """);
        RunbookParser parser = new RunbookParser();
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            index.addAll(List.of(parser.parse(readme), parser.parse(db.resolve("gitlab__postgresql-disk-space.md")),
                    parser.parse(db.resolve("gitlab__pgbouncer-saturation.md")),
                    parser.parse(db.resolve("gitlab__postgresql-locking.md"))));
            List<SearchHit> hits = index.search(SearchQuery.of(typed).withLimit(3));
            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).file().getFileName()).as("first hit of %s", hits.stream()
                    .map(h -> h.file().getFileName() + " " + h.pathString()).toList()).hasToString(target);
        }
    }
}
