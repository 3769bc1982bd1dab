package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Live re-indexing of runbook folders on disk, with the real parser and the real file system watcher. */
class RunbookWatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<Path> indexed = new CopyOnWriteArrayList<>();
    private final List<Path> removed = new CopyOnWriteArrayList<>();
    private final Map<Path, String> failures = new ConcurrentHashMap<>();
    private RunbookIndex index;

    @BeforeEach
    void open() {
        ParserReady.assumeParser();
        index = new RunbookIndex(Synonyms.bundled(), new IndexListener() {
            @Override
            public void indexed(Runbook runbook, int sections) {
                indexed.add(runbook.file());
            }

            @Override
            public void removed(Path file) {
                removed.add(file);
            }

            @Override
            public void failed(Path file, String message) {
                failures.put(file, message);
            }
        }, Fixtures.TMP);
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    private List<String> titles(String text) {
        return index.search(SearchQuery.of(text)).stream().map(SearchHit::title).toList();
    }

    private static String runbook(String heading, String body) {
        return "# Service Runbook\n\n## " + heading + "\n\n" + body + "\n";
    }

    @Test
    void theIndexListsExactlyTheRunbooksTheOutlineFinds(@TempDir Path elsewhere) throws IOException {
        Files.writeString(dir.resolve("redis.md"), runbook("Redis Failover", "Promote the replica."));
        Files.writeString(dir.resolve(".draft.md"), runbook("Hidden Draft", "Notes in progress."));
        Files.writeString(elsewhere.resolve("pg.md"), runbook("Vacuum Stuck", "Autovacuum never finishes."));
        Files.createSymbolicLink(dir.resolve("pg.md"), elsewhere.resolve("pg.md"));
        Files.createSymbolicLink(dir.resolve("shared"), elsewhere);
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        index.watch(List.of(dir));
        assertThat(index.files()).containsExactlyInAnyOrderElementsOf(RunbookFiles.find(dir))
                .contains(dir.resolve("pg.md"), dir.resolve("shared/pg.md"))
                .doesNotContain(dir.resolve(".draft.md"));
    }

    @Test
    void existingFilesAreIndexedWhenWatchingStarts() throws IOException {
        Files.writeString(dir.resolve("redis.md"), runbook("Redis Failover", "Promote the replica with Sentinel."));
        Files.createDirectories(dir.resolve("team/db"));
        Files.writeString(dir.resolve("team/db/pg.md"), runbook("Vacuum Stuck", "Autovacuum never finishes."));
        Files.writeString(dir.resolve("notes.json"), "{\"not a runbook\": \"sentinel\"}");
        Files.writeString(dir.resolve(".draft.md"), runbook("Hidden Draft", "Sentinel notes in progress."));
        index.watch(List.of(dir));
        assertThat(titles("sentinel")).containsExactly("Redis Failover");
        assertThat(titles("autovacuum")).containsExactly("Vacuum Stuck");
        assertThat(index.files()).hasSize(2);
    }

    @Test
    void plainTextRunbooksAreIndexedAndFollowedLikeMarkdown() throws IOException {
        Files.writeString(dir.resolve("pgbouncer.txt"), runbook("Pool Saturation", "Clients wait for a server connection."));
        index.watch(List.of(dir));
        assertThat(titles("clients wait")).containsExactly("Pool Saturation");

        Path later = dir.resolve("celery.TXT");
        Files.writeString(later, runbook("Worker Lost", "The broker dropped the prefetch."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titles("prefetch")).containsExactly("Worker Lost"));
        Files.writeString(later, runbook("Worker Lost", "Visibility timeout expired."));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(titles("visibility timeout")).containsExactly("Worker Lost");
            assertThat(titles("prefetch")).isEmpty();
        });
    }

    @Test
    void createdModifiedAndDeletedFilesAreFollowed() throws IOException {
        index.watch(List.of(dir));
        Path file = dir.resolve("queue.md");
        Files.writeString(file, runbook("Queue Backlog", "Tasks pile up in the broker."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titles("broker")).containsExactly("Queue Backlog"));

        Files.writeString(file, runbook("Worker Starvation", "Kubernetes evicted the flower pods."));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(titles("flower")).containsExactly("Worker Starvation");
            assertThat(titles("broker")).isEmpty();
        });

        Files.delete(file);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(titles("flower")).isEmpty();
            assertThat(removed).contains(file.toAbsolutePath().normalize());
        });
    }

    @Test
    void newSubfoldersAreWatchedAndDeletedFoldersForgotten() throws IOException {
        index.watch(List.of(dir));
        Path sub = Files.createDirectories(dir.resolve("payments"));
        Files.writeString(sub.resolve("stripe.md"), runbook("Webhook Signature Errors", "Rotate the signing secret."));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(titles("signing secret")).containsExactly("Webhook Signature Errors"));

        Files.writeString(sub.resolve("refunds.md"), runbook("Refund Queue Stalled", "Refund jobs never finish."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titles("refund")).isNotEmpty());

        Files.delete(sub.resolve("stripe.md"));
        Files.delete(sub.resolve("refunds.md"));
        Files.delete(sub);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.files()).isEmpty());
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheRestStillWorks() throws IOException {
        Files.writeString(dir.resolve("good.md"), runbook("Disk Full", "Delete old WAL archives."));
        Path broken = Files.createSymbolicLink(dir.resolve("broken.md"), dir.resolve("missing-target.md"));
        index.watch(List.of(dir));
        assertThat(failures).containsOnlyKeys(broken.toAbsolutePath().normalize());
        assertThat(failures.get(broken.toAbsolutePath().normalize())).contains("broken.md").endsWith(".");
        assertThat(titles("wal archives")).containsExactly("Disk Full");

        Path later = dir.resolve("later.md");
        Files.writeString(later, runbook("Certificate Expiry", "Renew with cert-manager."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(titles("cert-manager")).containsExactly("Certificate Expiry"));
    }

    @Test
    void watchingAMissingFolderFailsWithItsName() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> index.watch(List.of(missing)))
                .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
    }
}
