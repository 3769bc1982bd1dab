package dev.incidentconsole.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Scores a query over parts of each segment on several threads. Lucene 9 searches a segment on one thread
 * only, and our index is a single segment after a build; Lucene 10 splits segments into doc-id ranges the same
 * way itself, but needs Java 21. Results equal a plain {@code IndexSearcher.search}: the parts share their
 * minimum competitive score and their top hits are merged.
 */
final class ParallelScoring {

    /** A segment part smaller than this is not worth a thread. */
    static final int MIN_PART_DOCS = 16_384;
    /** Rescoring fewer candidates than this per thread is not worth a thread. */
    private static final int MIN_RESCORED_PER_PART = 10;

    private final IndexSearcher searcher;
    private final SearchThreads threads;
    private final List<LeafReaderContext> leaves;
    private final int minPartDocs;

    /** @param minPartDocs segments are split in parts of at least this many documents */
    ParallelScoring(IndexSearcher searcher, SearchThreads threads, int minPartDocs) {
        this.searcher = searcher;
        this.minPartDocs = minPartDocs;
        this.threads = threads;
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** The weight of a query whose every match is scored (rescoring); thread-safe to share. */
    Weight completeWeight(Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    }

    /** The best {@code n} sections for the query, best first; total hit counts are not counted. */
    TopDocs top(Query query, int n) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        // Counting stops at n: skipping non-competitive sections may start at once (the default counts 1000).
        TopScoreDocCollectorManager manager = new TopScoreDocCollectorManager(n, null, n, true);
        List<TopScoreDocCollector> collectors = new ArrayList<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            int parts = Math.max(1, Math.min(threads.parallelism(), maxDoc / minPartDocs));
            for (int p = 0; p < parts; p++) {
                int min = (int) ((long) maxDoc * p / parts);
                int max = (int) ((long) maxDoc * (p + 1) / parts);
                TopScoreDocCollector collector = manager.newCollector();
                collectors.add(collector);
                tasks.add(() -> score(weight, leaf, collector, min, max));
            }
        }
        threads.all(tasks);
        return manager.reduce(collectors);
    }

    /** What IndexSearcher does for one segment, limited to the doc ids {@code [min, max)}. */
    private static Void score(Weight weight, LeafReaderContext leaf, TopScoreDocCollector collector, int min, int max)
            throws IOException {
        LeafCollector leafCollector;
        try {
            leafCollector = collector.getLeafCollector(leaf);
        } catch (CollectionTerminatedException nothingCompetitive) {
            return null;
        }
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer != null) {
            try {
                scorer.score(leafCollector, leaf.reader().getLiveDocs(), min, max);
            } catch (CollectionTerminatedException done) {
                // the collector needs no more documents of this part
            }
        }
        leafCollector.finish();
        return null;
    }

    /**
     * Adds the bonus query's score to each candidate it matches and re-sorts them, as Lucene's
     * {@code QueryRescorer} with weight 1 does, with the candidates split over the threads.
     */
    TopDocs rescore(TopDocs candidates, Weight bonus) throws IOException {
        ScoreDoc[] byDoc = candidates.scoreDocs.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
        int parts = Math.max(1, Math.min(threads.parallelism(), byDoc.length / MIN_RESCORED_PER_PART));
        List<Callable<List<ScoreDoc>>> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            ScoreDoc[] part = Arrays.copyOfRange(byDoc, byDoc.length * p / parts, byDoc.length * (p + 1) / parts);
            tasks.add(() -> addBonus(part, bonus));
        }
        List<ScoreDoc> rescored = new ArrayList<>(byDoc.length);
        threads.all(tasks).forEach(rescored::addAll);
        rescored.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return new TopDocs(new TotalHits(rescored.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                rescored.toArray(new ScoreDoc[0]));
    }

    /** Candidates in doc-id order, each with the bonus added when the bonus query matches it. */
    private List<ScoreDoc> addBonus(ScoreDoc[] byDoc, Weight bonus) throws IOException {
        List<ScoreDoc> out = new ArrayList<>(byDoc.length);
        LeafReaderContext current = null;
        Scorer scorer = null;
        for (ScoreDoc hit : byDoc) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            if (leaf != current) {
                current = leaf;
                scorer = bonus.scorer(leaf);
            }
            float score = hit.score;
            if (scorer != null) {
                int target = hit.doc - leaf.docBase;
                int at = scorer.docID() < target ? scorer.iterator().advance(target) : scorer.docID();
                if (at == target) {
                    score += scorer.score();
                }
            }
            out.add(new ScoreDoc(hit.doc, score));
        }
        return out;
    }
}
