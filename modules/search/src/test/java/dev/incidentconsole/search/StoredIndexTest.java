package dev.incidentconsole.search;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An index kept on disk is reused while its files are unchanged and follows them when they change. */
class StoredIndexTest {

    @TempDir
    Path tmp;
    private Path books;
    private Path store;

    @BeforeEach
    void runbooks() throws IOException {
        books = Files.createDirectories(tmp.resolve("runbooks"));
        store = tmp.resolve("index");
        write("db.md", "# Database\n\n## Too many clients\n\nPgBouncer pool is full; raise default_pool_size.\n");
        write("redis.md", "# Redis\n\n## Failover\n\nPromote the replica with SENTINEL FAILOVER mymaster.\n");
        write("k8s.md", "# Kubernetes\n\n## CrashLoopBackOff\n\nRead the previous container logs.\n");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(books.resolve(name), text);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(books)) {
            return s.sorted().toList();
        }
    }

    /** Opens the stored index as a new run of the command line would, updates it, and searches. */
    private Run run(String query) throws IOException {
        try (RunbookIndex index = RunbookIndex.stored(store, Synonyms.bundled(), IndexListener.NONE)) {
            int parsed = index.update(files());
            return new Run(parsed, index.search(SearchQuery.of(query)).stream().map(SearchHit::title).toList(),
                    index.files().size());
        }
    }

    private void corruptCommit() throws IOException {
        try (Stream<Path> s = Files.list(store)) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
    }

    record Run(int parsed, List<String> titles, int files) {
    }

    @Test
    void aSecondRunParsesNothingAndFindsTheSame() throws IOException {
        Run first = run("pool is full");
        Run second = run("pool is full");
        assertThat(first.parsed()).isEqualTo(3);
        assertThat(second.parsed()).isZero();
        assertThat(second.titles()).isEqualTo(first.titles()).first().isEqualTo("Too many clients");
        assertThat(second.files()).isEqualTo(3);
    }

    @Test
    void aChangedFileIsParsedAgainAndItsNewTextFound() throws IOException {
        run("pool");
        write("db.md", "# Database\n\n## Replication lag\n\nThe standby replays WAL slowly.\n");
        Files.setLastModifiedTime(books.resolve("db.md"), FileTime.from(Instant.now().plusSeconds(5)));
        Run after = run("standby replays");
        assertThat(after.parsed()).isEqualTo(1);
        assertThat(after.titles()).first().isEqualTo("Replication lag");
        assertThat(run("pool is full").titles()).doesNotContain("Too many clients");
    }

    @Test
    void aTouchedFileWithTheSameContentIsNotParsedAgain() throws IOException {
        run("pool");
        Files.setLastModifiedTime(books.resolve("db.md"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(run("pool").parsed()).isZero();
        assertThat(run("pool").parsed()).isZero();
    }

    @Test
    void anAddedFileIsIndexedAndADeletedOneForgotten() throws IOException {
        run("pool");
        write("tls.md", "# TLS\n\n## Certificate expired\n\nRenew with certbot renew.\n");
        Files.delete(books.resolve("redis.md"));
        Run after = run("certbot renew sentinel failover");
        assertThat(after.parsed()).isEqualTo(1);
        assertThat(after.titles()).contains("Certificate expired").doesNotContain("Failover");
        assertThat(after.files()).isEqualTo(3);
    }

    @Test
    void aCorruptIndexIsBuiltAgain() throws IOException {
        run("pool");
        corruptCommit();
        Run after = run("pool is full");
        assertThat(after.parsed()).isEqualTo(3);
        assertThat(after.titles()).first().isEqualTo("Too many clients");
    }

    @Test
    void anIndexOfAnotherFormatIsBuiltAgain() throws IOException {
        run("pool");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(store), new IndexWriterConfig())) {
            w.setLiveCommitData(Map.of(FileStamps.FORMAT_KEY, "search-0").entrySet());
            w.commit();
        }
        Run after = run("pool is full");
        assertThat(after.parsed()).isEqualTo(3);
        assertThat(after.titles()).containsOnlyOnce("Too many clients");
    }

    /** Opens the index as the command line does: read-only when nothing changed. */
    private List<String> search(String query) throws IOException {
        try (RunbookIndex index = RunbookIndex.stored(store, files(), Synonyms.bundled(), IndexListener.NONE)) {
            return index.search(SearchQuery.of(query)).stream().map(SearchHit::title).toList();
        }
    }

    @Test
    void anUnchangedIndexIsOpenedReadOnlyWithoutTheWriteLockAndFindsTheSame() throws IOException {
        List<String> first = search("pool is full");
        try (RunbookIndex index = RunbookIndex.stored(store, files(), Synonyms.bundled(), IndexListener.NONE)) {
            assertThatThrownBy(() -> index.update(files())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
            // It has no parser: re-indexing a file is refused, not reported as a file the parser failed on.
            assertThatThrownBy(() -> index.reindex(files().get(0))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
            assertThat(index.search(SearchQuery.of("pool is full")).stream().map(SearchHit::title).toList())
                    .isEqualTo(first).first().isEqualTo("Too many clients");
            assertThat(index.files()).hasSize(3);
            // A writer can open the same index meanwhile: the read-only open took no lock.
            try (RunbookIndex writer = RunbookIndex.stored(store, Synonyms.bundled(), IndexListener.NONE)) {
                assertThat(writer.update(files())).isZero();
            }
        }
    }

    @Test
    void aFileChangedAddedOrDeletedAfterAReadOnlyRunIsFollowed() throws IOException {
        search("pool");
        search("pool");
        write("db.md", "# Database\n\n## Replication lag\n\nThe standby replays WAL slowly.\n");
        Files.setLastModifiedTime(books.resolve("db.md"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(search("standby replays")).first().isEqualTo("Replication lag");
        write("tls.md", "# TLS\n\n## Certificate expired\n\nRenew with certbot renew.\n");
        assertThat(search("certbot renew")).first().isEqualTo("Certificate expired");
        Files.delete(books.resolve("redis.md"));
        assertThat(search("sentinel failover")).doesNotContain("Failover");
        assertThat(search("pool is full")).doesNotContain("Too many clients");
    }

    @Test
    void aCorruptIndexFoundByTheCommandLineIsBuiltAgain() throws IOException {
        search("pool");
        corruptCommit();
        assertThat(search("pool is full")).first().isEqualTo("Too many clients");
        assertThat(search("pool is full")).first().isEqualTo("Too many clients");
    }

    @Test
    void theWindowsTemporaryIndexCannotBeUpdatedAsAStoredOne() throws IOException {
        try (RunbookIndex index = new RunbookIndex(Fixtures.TMP)) {
            assertThatThrownBy(() -> index.update(files())).isInstanceOf(IllegalStateException.class);
        }
    }
}
