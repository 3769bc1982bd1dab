package dev.incidentconsole.search;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens an index kept across runs ({@link RunbookIndex#stored}): read-only when nothing changed, else writable. */
final class StoredOpen {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(StoredOpen.class);
    }

    private StoredOpen() {
    }

    /** See {@link RunbookIndex#stored(Path, List, Synonyms, IndexListener)}. */
    static RunbookIndex upToDate(Path folder, List<Path> runbookFiles, Synonyms synonyms, IndexListener listener)
            throws IOException {
        RunbookIndex unchanged = readOnly(folder, runbookFiles, synonyms, listener);
        if (unchanged != null) {
            return unchanged;
        }
        RunbookIndex index = writable(folder, synonyms, listener);
        try {
            index.update(runbookFiles);
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** See {@link RunbookIndex#stored(Path, Synonyms, IndexListener)}. */
    static RunbookIndex writable(Path folder, Synonyms synonyms, IndexListener listener) throws IOException {
        try {
            return new RunbookIndex(synonyms, listener, new SearchThreads(), ParallelScoring.MIN_PART_DOCS, folder, true);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException locked) {
                throw locked;
            }
            if (!(e.getCause() instanceof CorruptIndexException || e.getCause() instanceof IndexFormatTooOldException
                    || e.getCause() instanceof IndexFormatTooNewException)) {
                throw e.getCause();
            }
            log().warn("The search index in {} cannot be read ({}); building it again.", folder,
                    e.getCause().toString());
            IndexFolder.wipe(folder);
            return new RunbookIndex(synonyms, listener, new SearchThreads(), ParallelScoring.MIN_PART_DOCS, folder, true);
        }
    }

    /**
     * The stored index opened read-only, or null when it is missing, unreadable (the writable open then rebuilds
     * it), of another version, or when a file was changed, added or removed since its last update.
     */
    private static RunbookIndex readOnly(Path folder, List<Path> runbookFiles, Synonyms synonyms,
                                         IndexListener listener) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        IndexFolder kept = null;
        DirectoryReader reader = null;
        try {
            kept = IndexFolder.kept(folder);
            reader = DirectoryReader.open(kept.directory());
            Map<String, String> data = reader.getIndexCommit().getUserData();
            FileStamps stamps = FileStamps.of(data.entrySet(), SearchFields.INDEX_FORMAT);
            if (SearchFields.INDEX_FORMAT.equals(data.get(FileStamps.FORMAT_KEY))
                    && StoredUpdate.unchanged(stamps, runbookFiles)) {
                return new RunbookIndex(synonyms, listener, kept, reader, stamps.keys());
            }
        } catch (IOException | RuntimeException e) {
            log().debug("Stored index {} not opened read-only: {}", folder, e.toString());
        }
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            log().debug("Could not close the reader of {}", folder, e);
        }
        RunbookIndex.closeQuietly(kept);
        return null;
    }
}
