package dev.incidentconsole.search;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder the index lives in: a temporary one while the app runs, or one kept across runs (the CLI's,
 * {@link RunbookIndex#stored}). Memory-mapped files, not Lucene's
 * {@code ByteBuffersDirectory}: reading postings through the latter's buffer slices took a fifth of every
 * search on a large index (and its heap). The window rebuilds its index from the runbooks at each start, so a
 * temporary folder is deleted on close, and ones left behind by a killed app (no process holds their write
 * lock) are deleted by the next one.
 */
final class IndexFolder implements Closeable {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(IndexFolder.class);
    }
    static final String PREFIX = "incident-console-search-";
    /** A folder this young may belong to an index still starting, before it takes its lock. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final Path path;
    private final MMapDirectory directory;
    private final boolean temporary;

    /** A new index folder under {@code tmp}, after deleting stale ones there. */
    IndexFolder(Path tmp) throws IOException {
        deleteStale(tmp);
        path = Files.createTempDirectory(tmp, PREFIX);
        directory = new MMapDirectory(path);
        temporary = true;
    }

    private IndexFolder(Path kept, boolean temporary) throws IOException {
        path = Files.createDirectories(kept);
        directory = new MMapDirectory(path);
        this.temporary = temporary;
    }

    /** A folder the index is kept in across runs: created if missing, never deleted on close. */
    static IndexFolder kept(Path folder) throws IOException {
        return new IndexFolder(folder, false);
    }

    /** Deletes a kept folder's index files, to build it again (it is corrupt or from an older version). */
    static void wipe(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            delete(folder);
        }
    }

    MMapDirectory directory() {
        return directory;
    }

    Path path() {
        return path;
    }

    /** Closes the directory and deletes the folder; call after the writer is closed. */
    @Override
    public void close() throws IOException {
        directory.close();
        if (temporary) {
            delete(path);
        }
    }

    private static void deleteStale(Path tmp) {
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.getLastModifiedTime(folder).compareTo(FileTime.from(before)) < 0 && unlocked(folder)) {
                    delete(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            log().debug("Could not clean up old search index folders in {}", tmp, e);
        }
    }

    /** Whether no index writer, in this process or another, holds the folder's lock. */
    private static boolean unlocked(Path folder) throws IOException {
        try (FSDirectory dir = FSDirectory.open(folder); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return true;
        } catch (LockObtainFailedException held) {
            return false;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
