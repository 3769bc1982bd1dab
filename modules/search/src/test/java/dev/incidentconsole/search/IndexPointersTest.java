package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index lines are left out of a page's searchable text only when they point to another runbook: an index line or
 * an "Error" table row whose link goes to web docs or nowhere is the only answer to its symptom.
 */
class IndexPointersTest {

    /** One line pointing to a runbook, one to a vendor's web page, one to a file that is not there, one to itself. */
    private static final String TEAM_INDEX = """
            # Team index

            ## By symptom
            - Disk full: [PostgreSQL disk space](db/disk.md)
            - Invoice emails stuck in the outbox: [Mailer vendor FAQ](https://mailer.example.com/faq#outbox)
            - Zookeeper session expired: [ZK notes](../other-team/zookeeper.md)
            - Index page itself: [this page](README.md#by-symptom)
            """;

    @TempDir
    Path folder;
    private final RunbookParser parser = new RunbookParser();

    @BeforeEach
    void teamRunbooks() throws IOException {
        Files.createDirectories(folder.resolve("db"));
        Files.writeString(folder.resolve("db/disk.md"), """
                # PostgreSQL disk space

                ## Disk full
                Free space by dropping old WAL segments with pg_archivecleanup.
                """);
    }

    @Test
    void indexLineLinkingToAnotherRunbookIsLeftOutButWebAndMissingLinksStay() throws IOException {
        Runbook readme = parse("README.md", TEAM_INDEX);

        SectionUnit bySymptom = unit(readme, "By symptom");

        assertThat(bySymptom.body()).doesNotContainIgnoringCase("disk full")
                .contains("Invoice emails stuck in the outbox", "Zookeeper session expired", "Index page itself");
    }

    @Test
    void externalLinkIndexLineIsFoundBySearchingItsSymptom() throws IOException {
        Runbook readme = parse("README.md", TEAM_INDEX);
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            index.addAll(List.of(readme, parser.parse(folder.resolve("db/disk.md"))));

            List<SearchHit> hits = index.search(SearchQuery.of("invoice emails stuck outbox").withLimit(3));

            assertThat(hits).extracting(h -> h.file().getFileName() + " " + h.pathString()).first().asString()
                    .startsWith("README.md").contains("By symptom");
        }
    }

    @Test
    void errorTableRowWithADocsLinkInsideARunbookKeepsItsText() throws IOException {
        Runbook runbook = parse("db/connections.md", """
                # PostgreSQL connections

                ## Troubleshooting

                | Error | Fix |
                |-------|-----|
                | FATAL: too many connections for role | Raise max_connections, see [docs](https://www.postgresql.org/docs/current/runtime-config-connection.html) |
                | FATAL: remaining connection slots are reserved | Kill idle sessions, see [docs](https://www.postgresql.org/docs/) |
                """);

        SectionUnit troubleshooting = unit(runbook, "Troubleshooting");

        assertThat(runbook.index()).as("the rows are read as index entries").hasSize(2);
        assertThat(troubleshooting.body()).contains("too many connections for role", "Raise max_connections",
                "remaining connection slots are reserved");
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            index.add(runbook);
            assertThat(index.search(SearchQuery.of("remaining connection slots reserved")))
                    .extracting(SearchHit::pathString).first().asString().contains("Troubleshooting");
        }
    }

    @Test
    void proseLineStartingWithAKeysLettersButAnotherWordStays() throws IOException {
        Runbook readme = parse("README.md", """
                # Team index

                ## By component
                - DB: [PostgreSQL disk space](db/disk.md)

                dbadmin rotates the replication credentials every night at 02:00.
                """);

        SectionUnit byComponent = unit(readme, "By component");

        assertThat(byComponent.body()).contains("dbadmin rotates the replication credentials")
                .doesNotContain("PostgreSQL disk space");
    }

    private Runbook parse(String name, String markdown) throws IOException {
        return parser.parse(Files.writeString(folder.resolve(name), markdown));
    }

    private static SectionUnit unit(Runbook runbook, String heading) {
        return SectionUnit.of(runbook).stream().filter(u -> u.head().title().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + heading + " in " + SectionUnit.of(runbook)));
    }
}
