package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-text index of runbook sections, searchable by symptom, alert, component and command.
 *
 * <p>The window's index is rebuilt from the runbook files at start-up, in a temporary folder ({@link IndexFolder})
 * that {@link #close()} deletes; the command line's is kept on disk ({@link #stored}). Each runbook becomes one document per heading with content (a procedure with its
 * labelled parts counts as one), see
 * {@link #search(SearchQuery)} for matching. {@link #watch(List)} keeps it in step with the files on disk.
 *
 * <p>Thread-safe: any number of threads may search while others add, remove or the watcher re-indexes; a search
 * sees each runbook either entirely before or entirely after a change. Changes are visible to searches as soon
 * as {@code add}/{@code remove} return.
 */
public final class RunbookIndex implements Closeable {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunbookIndex.class);
    }
    /** How long a file must stay unchanged before the watcher re-indexes it. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    /** Enough for 10,000 runbook files to be indexed without a flush, so a start-up build is one segment. */
    private static final double RAM_BUFFER_MB = 256;

    private final Analyzer analyzer = SearchFields.indexAnalyzer();
    private final IndexFolder folder;
    /** Null when opened read-only ({@link #stored(Path, List, Synonyms, IndexListener)} with nothing changed). */
    private final IndexWriter writer;
    private final SearchThreads threads;
    private final int minPartDocs;
    private final SearcherManager searchers;
    /** Null when opened read-only: a search that parses nothing does not build the Markdown parser either. */
    private final RunbookLoader loader;
    private final IndexListener listener;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    /** What a stored index knows of its files; null for the window's temporary index. */
    private final FileStamps stamps;
    private volatile FolderSync folderSync;
    private volatile QueryBuilder queries;

    /**
     * An empty index with the bundled synonyms and no listener.
     *
     * @param temporaryFolder where the index makes its own folder, deleted on {@link #close()} (the app passes
     *                        the JVM's temporary folder from its launch options); index folders that a killed app
     *                        left there are deleted
     */
    public RunbookIndex(Path temporaryFolder) {
        this(Synonyms.bundled(), IndexListener.NONE, temporaryFolder);
    }

    /**
     * An empty index.
     *
     * @param temporaryFolder as {@link #RunbookIndex(Path)}
     * @throws UncheckedIOException when its folder or index cannot be created there
     */
    public RunbookIndex(Synonyms synonyms, IndexListener listener, Path temporaryFolder) {
        this(synonyms, listener, new SearchThreads(), ParallelScoring.MIN_PART_DOCS, temporaryFolder);
    }

    /** Tests choose the threads, and parts small enough to split their small indexes. */
    RunbookIndex(Synonyms synonyms, IndexListener listener, SearchThreads threads, int minPartDocs,
                 Path temporaryFolder) {
        this(synonyms, listener, threads, minPartDocs, temporaryFolder, false);
    }

    /** @param kept whether {@code place} is the folder of a stored index, else where a temporary one is made */
    RunbookIndex(Synonyms synonyms, IndexListener listener, SearchThreads threads, int minPartDocs, Path place,
                 boolean kept) {
        this.threads = threads;
        this.minPartDocs = minPartDocs;
        this.listener = listener;
        this.queries = new QueryBuilder(synonyms);
        this.loader = new RunbookLoader(this, listener);
        IndexFolder created = null;
        try {
            created = kept ? IndexFolder.kept(place) : new IndexFolder(place);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setCommitOnClose(false)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(created.directory(), config);
            stamps = kept ? FileStamps.of(writer.getLiveCommitData(), SearchFields.INDEX_FORMAT) : null;
            if (stamps != null && stamps.keys().isEmpty()) {
                writer.deleteAll(); // new, empty, or of another format: built from scratch
            } else if (stamps != null) {
                stamps.keys().forEach(k -> files.put(k, Path.of(k)));
            }
            searchers = new SearcherManager(writer, null);
            folder = created;
        } catch (IOException e) {
            closeQuietly(created);
            threads.close();
            throw new UncheckedIOException("Cannot create the search index in " + (kept ? place
                    : "a temporary folder in " + place) + ": " + e.getMessage(), e);
        }
    }

    /** A stored index opened for reading only: no writer, no write lock, no helper threads. */
    RunbookIndex(Synonyms synonyms, IndexListener listener, IndexFolder kept, DirectoryReader reader,
                         Set<String> keys) throws IOException {
        this.threads = new SearchThreads(1);
        this.minPartDocs = ParallelScoring.MIN_PART_DOCS;
        this.listener = listener;
        this.queries = new QueryBuilder(synonyms);
        this.writer = null;
        this.loader = null;
        this.stamps = null;
        this.folder = kept;
        this.searchers = new SearcherManager(reader, null);
        keys.forEach(k -> files.put(k, Path.of(k)));
    }

    /**
     * An index kept in a folder across runs, for the command line: a search then reads the index instead of
     * parsing every runbook again. Call {@link #update} before searching. An index that is corrupt or was written
     * by another version is deleted and built again.
     *
     * @param folder   where the index lives (created if missing); one per set of runbook folders searched together
     * @param listener hears of files {@link #update} cannot read or parse
     * @throws IOException when the folder cannot be created or another process is writing the index (then build a
     *                     temporary one with {@link #RunbookIndex(Synonyms, IndexListener)})
     */
    public static RunbookIndex stored(Path folder, Synonyms synonyms, IndexListener listener) throws IOException {
        return StoredOpen.writable(folder, synonyms, listener);
    }

    /**
     * The index kept in {@code folder} for exactly these runbook files, brought up to date: what the command line
     * searches. When the index is of this version and every file has the size and modification time recorded at
     * its last update, with none added or removed, nothing is written: the index is opened for reading only (no
     * writer, no write lock, no helper threads), which is most of a repeated search's start-up. Otherwise it is
     * opened as by {@link #stored(Path, Synonyms, IndexListener)} and {@link #update}d. The returned index is for
     * searching; it cannot be {@link #add}ed to, {@link #watch}ed or updated again.
     *
     * @param runbookFiles every runbook file the index should hold
     * @throws IOException as {@link #stored(Path, Synonyms, IndexListener)}
     */
    public static RunbookIndex stored(Path folder, List<Path> runbookFiles, Synonyms synonyms, IndexListener listener)
            throws IOException {
        return StoredOpen.upToDate(folder, runbookFiles, synonyms, listener);
    }

    /**
     * Makes a {@link #stored} index hold exactly these runbook files, and commits it when anything changed. A file
     * whose size and modification time are as recorded is not read; one whose content hash is unchanged is not
     * parsed again; changed and new files are parsed and indexed, files no longer listed removed. A file that
     * cannot be read or parsed goes to the listener and is tried again next time. Call before searching, from one
     * thread.
     *
     * @return how many files were parsed and indexed
     * @throws IllegalStateException on the window's temporary index
     */
    public int update(List<Path> runbookFiles) {
        if (stamps == null) {
            throw new IllegalStateException(writer == null ? "this stored index was opened read-only"
                    : "update is for stored indexes; use addAll or watch");
        }
        return new StoredUpdate(this, stamps).run(runbookFiles);
    }

    /** Deletes a file's documents without making it visible yet (a stored update refreshes once at the end). */
    void drop(String key) throws IOException {
        writer().deleteDocuments(new Term(SearchFields.FILE, key));
        files.remove(key);
    }

    /** Makes a stored update visible as one segment and commits it with what it knows of its files. */
    void commit(Map<String, String> commitData) throws IOException {
        refreshAfterBulk();
        writer().setLiveCommitData(commitData.entrySet());
        writer().commit();
    }

    /** Reports a file that could not be read to the listener and the log. */
    void unreadable(Path file, IOException e) {
        loader.failed(file, "it cannot be read (" + e.getMessage() + ")");
    }

    /** Replaces the synonyms used by later searches; the index itself is unaffected (synonyms are query-time). */
    public void setSynonyms(Synonyms synonyms) {
        this.queries = new QueryBuilder(synonyms);
    }

    /** Indexes a parsed runbook, replacing any earlier version of the same file; returns the documents added. */
    public int add(Runbook runbook) {
        int n = put(runbook);
        refreshAfterEdit();
        return n;
    }

    /** Indexes many runbooks and makes them visible at once (faster than {@link #add} one by one). */
    public void addAll(Collection<Runbook> runbooks) {
        runbooks.forEach(this::put);
        refreshAfterBulk();
    }

    /** Removes a runbook file, or every runbook under a folder; returns whether anything was indexed there. */
    public boolean remove(Path fileOrFolder) {
        String key = SectionDocuments.fileKey(fileOrFolder);
        List<String> gone = files.keySet().stream()
                .filter(k -> k.equals(key) || k.startsWith(key + fileOrFolder.getFileSystem().getSeparator()))
                .toList();
        try {
            for (String k : gone) {
                writer().deleteDocuments(new Term(SearchFields.FILE, k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index", e);
        }
        refresh();
        gone.forEach(k -> RunbookLoader.notify(() -> listener.removed(files.remove(k))));
        return !gone.isEmpty();
    }

    /** Runbook files currently indexed. */
    public Set<Path> files() {
        return Set.copyOf(files.values());
    }

    /**
     * Reads, parses and indexes one file. A file that cannot be read is reported to the listener and logged,
     * never thrown; the index keeps its earlier version. A file that no longer exists is removed.
     *
     * @return whether the file is now indexed from its current content
     */
    public boolean reindex(Path file) {
        return load(file, true);
    }

    /** {@link #reindex} without making the change visible yet: bulk loads refresh once at the end. */
    boolean load(Path file, boolean visibleNow) {
        writer(); // throws when read-only, before a loader that is not there
        return loader.load(file, visibleNow);
    }

    /**
     * Indexes every Markdown runbook ({@code .md}, {@code .markdown}) under the folders, sub-folders included
     * and hidden ones skipped, and drops indexed files under them that are gone. Blocks until done; files that
     * fail go to the listener.
     *
     * @throws IOException when a folder does not exist or is not a folder
     */
    public void indexFolders(List<Path> folders) throws IOException {
        folders().indexFolders(folders);
    }

    /**
     * Indexes the folders like {@link #indexFolders} (blocking), then keeps the index in step with them until
     * {@link #close()}: a created or saved runbook is re-indexed once its file has been quiet for
     * {@link #DEBOUNCE}, a deleted one (or a whole folder) removed, new sub-folders followed. The watching runs
     * on two daemon threads; outcomes go to the listener.
     *
     * @throws IOException when a folder does not exist or cannot be watched
     */
    public void watch(List<Path> folders) throws IOException {
        folders().watch(folders);
    }

    /** The best sections for the query, best first; empty for blank text without filters. */
    public List<SearchHit> search(SearchQuery query) {
        QueryBuilder builder = queries;
        threads.begin();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                QueryBuilder.Prepared prepared = builder.prepare(query, searcher.getIndexReader());
                return prepared.query() == null ? List.of()
                        : new HitReader(searcher, analyzer, threads, minPartDocs).read(prepared, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the runbook index failed", e);
        } finally {
            threads.end();
        }
    }

    @Override
    public void close() throws IOException {
        FolderSync sync = folderSync;
        if (sync != null) {
            sync.close();
        }
        try (folder; threads) {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
        }
    }

    /** Indexes a runbook without making it visible yet; returns the documents added. */
    int put(Runbook runbook) {
        List<Document> docs = SectionDocuments.of(runbook);
        String key = SectionDocuments.fileKey(runbook.file());
        try {
            writer().updateDocuments(new Term(SearchFields.FILE, key), docs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index", e);
        }
        files.put(key, Path.of(key));
        return docs.size();
    }

    /**
     * Makes a bulk load visible as one segment. Every further segment costs each search its own term lookups and
     * scorers: on the 10,000-file benchmark a second segment holding 8% of the sections took the median search
     * from 3.5 to 5 ms.
     * A no-op when the load already fit in one (the RAM buffer is sized for that).
     */
    void refreshAfterBulk() {
        mergeAndRefresh(1);
    }

    /**
     * Makes a single edit visible. Each edit adds a small segment, and searches pay for every segment (see
     * {@link #refreshAfterBulk}): the small ones are merged into one straight away, which costs milliseconds,
     * while the large one from the last bulk load is left alone.
     */
    void refreshAfterEdit() {
        mergeAndRefresh(2);
    }

    private void mergeAndRefresh(int maxSegments) {
        try {
            writer().forceMerge(maxSegments);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot merge the search index", e);
        }
        refresh();
    }

    private IndexWriter writer() {
        if (writer == null) {
            throw new IllegalStateException("This stored index was opened read-only, for searching");
        }
        return writer;
    }

    /** How many segments searches go through (tests). */
    int segments() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the search index", e);
        }
    }

    private synchronized FolderSync folders() {
        if (folderSync == null) {
            folderSync = new FolderSync(this);
        }
        return folderSync;
    }

    static void closeQuietly(IndexFolder created) {
        if (created != null) {
            try {
                created.close();
            } catch (IOException e) {
                log().debug("Could not delete {}", created.path(), e);
            }
        }
    }
}
