package dev.incidentconsole.search;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IndexFolderTest {

    @TempDir
    Path tmp;

    @Test
    void theFolderIsGoneAfterClose() throws IOException {
        IndexFolder folder = new IndexFolder(tmp);
        assertThat(folder.path()).isDirectory().hasParent(tmp);
        assertThat(folder.path().getFileName().toString()).startsWith(IndexFolder.PREFIX);
        Files.writeString(folder.path().resolve("_0.cfs"), "segment");
        folder.close();
        assertThat(folder.path()).doesNotExist();
    }

    @Test
    void aFolderLeftByAKilledAppIsDeletedByTheNextOne() throws IOException {
        Path left = leftBehind("old", 10);
        new IndexFolder(tmp).close();
        assertThat(left).doesNotExist();
    }

    @Test
    void aFolderWhoseIndexIsOpenIsKept() throws IOException {
        Path inUse = leftBehind("running", 10);
        try (FSDirectory dir = FSDirectory.open(inUse); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            new IndexFolder(tmp).close();
            assertThat(inUse).isDirectory();
        }
    }

    @Test
    void aFolderJustCreatedIsKeptEvenBeforeItsIndexLocksIt() throws IOException {
        Path starting = leftBehind("starting", 0);
        new IndexFolder(tmp).close();
        assertThat(starting).isDirectory();
    }

    private Path leftBehind(String name, int minutesAgo) throws IOException {
        Path folder = Files.createDirectory(tmp.resolve(IndexFolder.PREFIX + name));
        Files.writeString(folder.resolve("_0.cfs"), "segment");
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(minutesAgo, ChronoUnit.MINUTES)));
        return folder;
    }
}
