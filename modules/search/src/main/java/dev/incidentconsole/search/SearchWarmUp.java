package dev.incidentconsole.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.slf4j.LoggerFactory;

/**
 * Does, on a background thread, the part of a new process's first search that does not depend on what is searched:
 * the class initialisation a cold search otherwise pays on its own thread. Measured in a new JVM with the app's
 * class-data archive (main-thread CPU): Lucene's memory estimator asking the JVM's management beans for its
 * object layout (~25 ms), the memory-mapped directory choosing its input provider, which starts
 * {@code java.util.logging} (~30-50 ms), the codec, postings and doc-values lookups, each scanning every jar for
 * its services (~25-40 ms), the word break rules the snippets cut at (~8 ms), the highlighter and the tokenizer's
 * tables, then the query path on an index with no documents. The command line starts it before it parses its
 * arguments, so this runs while picocli builds its model.
 *
 * <p>It only initialises classes and builds nothing a search later uses, so results are the same with or without
 * it, and whatever it has not reached when a search needs it, the search initialises itself (a thread needing a
 * class this one is initialising waits for it rather than doing the work twice). Failures are logged at debug
 * level and otherwise ignored: the search then pays the cost itself.
 */
public final class SearchWarmUp {

    /** Classes whose static initialisation is the expensive part, in the order a search first needs them. */
    private static final List<String> CLASSES = List.of(
            "org.apache.lucene.util.RamUsageEstimator",
            "org.apache.lucene.store.MMapDirectory",
            "org.apache.lucene.analysis.standard.StandardTokenizerImpl",
            "org.apache.lucene.analysis.en.PorterStemmer",
            "org.apache.lucene.search.uhighlight.UnifiedHighlighter");

    private SearchWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread named {@code search-warm-up} and returns at once. Safe to call at any
     * time and more than once (later calls find the work done); it never delays exit.
     *
     * @return the started thread, which ends when the warm-up is done (tests join it)
     */
    public static Thread start() {
        Thread thread = new Thread(null, new Task(), "search-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A class rather than a lambda: the first lambda of a process spins classes no archive holds. */
    private static final class Task implements Runnable {
        @Override
        public void run() {
            SearchWarmUp.run();
        }
    }

    static void run() {
        ClassLoader loader = SearchWarmUp.class.getClassLoader();
        try {
            Class.forName(CLASSES.get(0), true, loader);
            Class.forName(CLASSES.get(1), true, loader);
            // An index opens through these: each first use loads every implementation on the class path.
            Codec.getDefault();
            PostingsFormat.availablePostingsFormats();
            DocValuesFormat.availableDocValuesFormats();
            for (String name : CLASSES.subList(2, CLASSES.size())) {
                Class.forName(name, true, loader);
            }
            // BodySnippets cuts at word boundaries; the first instance loads the JDK's rules from its image.
            BreakIterator.getWordInstance(Locale.ROOT).setText("warm up");
            // The query path on an index with no documents: the analysis chain, the query's parts and their
            // weights. Its own QueryBuilder and reader: nothing a real search uses is shared or cached. Words
            // under four letters: on an empty index every longer one would count as mistyped, and building its
            // typo automata (30-40 ms) would be wasted on the many searches that have no typo.
            try (IndexReader empty = new MultiReader()) {
                IndexSearcher searcher = new IndexSearcher(empty);
                Query query = new QueryBuilder(Synonyms.none()).build(SearchQuery.of("api 5xx oom"), empty);
                if (query != null) {
                    searcher.search(query, 10);
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(SearchWarmUp.class).debug("Search warm-up stopped: {}", e.toString());
        }
    }
}
