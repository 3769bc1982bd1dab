package dev.incidentconsole.app.gui.library;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.search.IndexListener;
import dev.incidentconsole.search.RunbookIndex;
import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.SearchQuery;
import dev.incidentconsole.search.Synonyms;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbooks the app searches and browses: a live {@link RunbookIndex} over a set of folders, plus the parsed
 * runbooks it holds. Changing the folders builds a fresh index and swaps it in (searches keep using the old one
 * meanwhile); edits on disk re-index live through the index's watcher.
 *
 * <p>Thread-safe. {@link #configure} blocks while it reads every file: call it off the FX thread. The change
 * callback runs on an indexing thread.
 */
public final class RunbookLibrary implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookLibrary.class);

    /** What the library holds at one moment; runbooks sorted by title, components by how many sections name them. */
    public record Snapshot(List<Path> folders, List<Runbook> runbooks, List<String> components,
                           Map<Path, String> failures, List<String> problems) {
        public Snapshot {
            folders = List.copyOf(folders);
            runbooks = List.copyOf(runbooks);
            components = List.copyOf(components);
            failures = Map.copyOf(failures);
            problems = List.copyOf(problems);
        }

        public long sections() {
            return runbooks.stream().mapToLong(r -> r.sections().size()).sum();
        }
    }

    /** No index until the first configure: building one (Lucene, the synonyms) took 0.5 s of the window's start. */
    private volatile Generation current = new Generation();
    private final Path temporaryFolder;
    private volatile Runnable onChange = () -> { };
    private boolean closed;

    /**
     * @param temporaryFolder where each index makes its own folder, deleted when it is replaced or closed: the
     *                        JVM's temporary folder from the launch options
     */
    public RunbookLibrary(Path temporaryFolder) {
        this.temporaryFolder = temporaryFolder;
    }

    /** Called (on an indexing thread) after every change: a configure, or a file re-indexed or removed. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /**
     * Indexes the folders (recursively) and watches them from now on, replacing the previous folders.
     * A folder that is missing, or a synonyms file that cannot be read, does not stop the others.
     *
     * @param synonymsFile extra synonyms (Solr format) or {@code null}
     * @return one sentence per problem, naming the folder or file
     */
    public synchronized List<String> configure(List<Path> folders, Path synonymsFile) {
        if (closed) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Synonyms synonyms = Synonyms.bundled();
        if (synonymsFile != null) {
            try {
                synonyms = Synonyms.withUserFile(synonymsFile);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        Generation next = new Generation(folders, problems, synonyms);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add("The runbook folder " + folder + " does not exist; create it or remove it from the folders.");
                continue;
            }
            try {
                next.index.watch(List.of(folder));
            } catch (IOException e) {
                problems.add("The runbook folder " + folder + " cannot be watched (" + e.getMessage() + "); check its permissions.");
            }
        }
        Generation old = current;
        current = next;
        next.live = true;
        old.close();
        fire();
        return List.copyOf(problems);
    }

    /** The index's hits for the query; see {@link RunbookIndex#search}. */
    public List<SearchHit> search(SearchQuery query) {
        Generation g = current;
        try {
            return g.search(query);
        } catch (RuntimeException e) {
            if (g != current) {
                return current.search(query); // the index was swapped (and closed) mid-search
            }
            throw e;
        }
    }

    public Snapshot snapshot() {
        Generation g = current;
        List<Runbook> runbooks = new ArrayList<>(g.runbooks.values());
        runbooks.sort(Comparator.comparing(Runbook::title, String.CASE_INSENSITIVE_ORDER).thenComparing(r -> r.file().toString()));
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Runbook r : runbooks) {
            for (Section s : r.sections()) {
                if (!s.label()) {
                    s.components().forEach(c -> counts.merge(c, 1, Integer::sum));
                }
            }
        }
        List<String> components = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        return new Snapshot(g.folders, runbooks, components, new HashMap<>(g.failures), g.problems);
    }

    /** The configured folder holding {@code file} (the deepest one when folders nest). */
    public Optional<Path> folderOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return current.folders.stream().filter(f::startsWith).max(Comparator.comparingInt(Path::getNameCount));
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warn("Library change callback failed: {}", e.toString());
        }
    }

    /** One index over one set of folders, with the runbooks it indexed. */
    private final class Generation implements IndexListener {
        final List<Path> folders;
        final List<String> problems;
        final RunbookIndex index;
        final Map<Path, Runbook> runbooks = new ConcurrentHashMap<>();
        final Map<Path, String> failures = new ConcurrentHashMap<>();
        volatile boolean live;

        Generation(List<Path> folders, List<String> problems, Synonyms synonyms) {
            this.folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
            this.problems = problems;
            this.index = new RunbookIndex(synonyms, this, temporaryFolder);
        }

        /** The one before the first configure: no folders, no index. */
        Generation() {
            this.folders = List.of();
            this.problems = List.of();
            this.index = null;
        }

        List<SearchHit> search(SearchQuery query) {
            return index == null ? List.of() : index.search(query);
        }

        @Override
        public void indexed(Runbook runbook, int sections) {
            Path file = runbook.file().toAbsolutePath().normalize();
            runbooks.put(file, runbook);
            failures.remove(file);
            changed();
        }

        @Override
        public void removed(Path file) {
            runbooks.remove(file);
            failures.remove(file);
            changed();
        }

        @Override
        public void failed(Path file, String message) {
            failures.put(file, message);
            changed();
        }

        private void changed() {
            if (live && current == this) {
                fire();
            }
        }

        void close() {
            live = false;
            if (index == null) {
                return;
            }
            try {
                index.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing a replaced index failed", e);
            }
        }
    }
}
