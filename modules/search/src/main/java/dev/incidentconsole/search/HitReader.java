package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * Runs a query on one searcher and turns the top documents into {@link SearchHit}s with snippets: candidates
 * from the first pass, a bonus for the best of them, fewer sections per runbook, then snippets and fields,
 * each step spread over the {@link SearchThreads}.
 */
final class HitReader {

    /** Score factor for each earlier hit from the same runbook. */
    static final double SAME_RUNBOOK_FACTOR = 0.85;
    /** How many of the best candidates get the proximity and all-words bonus (and may move up with it). */
    static final int RESCORED = 30;
    /** Fewer hits than this per thread are not worth a thread. */
    private static final int MIN_HITS_PER_PART = 8;
    private static final Sort FILE_ORDER = new Sort(new SortField(SearchFields.FILE, SortField.Type.STRING),
            new SortField(SearchFields.LINE, SortField.Type.INT));

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final SearchThreads threads;
    private final int minPartDocs;
    private final List<LeafReaderContext> leaves;

    HitReader(IndexSearcher searcher, Analyzer analyzer, SearchThreads threads, int minPartDocs) {
        this.searcher = searcher;
        this.minPartDocs = minPartDocs;
        this.analyzer = analyzer;
        this.threads = threads;
        this.leaves = searcher.getIndexReader().leaves();
    }

    List<SearchHit> read(QueryBuilder.Prepared prepared, SearchQuery request) throws IOException {
        ScoreDoc[] docs;
        if (request.browsing()) {
            docs = searcher.search(prepared.query(), request.limit(), FILE_ORDER).scoreDocs;
        } else {
            ParallelScoring scoring = new ParallelScoring(searcher, threads, minPartDocs);
            // The bonus weight is built while the first pass runs: it does not depend on its outcome.
            FutureTask<Weight> bonus = prepared.bonus() == null ? null
                    : threads.start(() -> scoring.completeWeight(prepared.bonus()));
            TopDocs candidates = scoring.top(prepared.query(), Math.max(RESCORED, request.limit() + 10));
            if (bonus != null) {
                candidates = scoring.rescore(candidates, threads.join(bonus));
            }
            docs = diversify(candidates.scoreDocs, request.limit());
        }
        int parts = Math.max(1, Math.min(threads.parallelism(), docs.length / MIN_HITS_PER_PART));
        List<Callable<List<SearchHit>>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            ScoreDoc[] part = Arrays.copyOfRange(docs, docs.length * p / parts, docs.length * (p + 1) / parts);
            tasks.add(() -> hits(part, prepared.highlight(), prepared.probes()));
        }
        List<SearchHit> hits = new ArrayList<>(docs.length);
        threads.all(tasks).forEach(hits::addAll);
        return hits;
    }

    /** The hits for ranked documents, in the same order, with snippets marking {@code highlight}. */
    private List<SearchHit> hits(ScoreDoc[] ranked, Query highlight, List<MatchExplainer.Probe> probes)
            throws IOException {
        Object[] snippets = new Object[ranked.length];
        if (highlight != null && ranked.length > 0) {
            int[] ids = Arrays.stream(ranked).mapToInt(d -> d.doc).toArray();
            snippets = new BodySnippets(searcher, analyzer).of(highlight, ids);
        }
        Integer[] byDoc = new Integer[ranked.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked[i].doc)); // doc values read forwards only
        SearchHit[] hits = new SearchHit[ranked.length];
        LeafReaderContext current = null;
        HitFields fields = null;
        MatchExplainer explainer = null;
        for (int i : byDoc) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(ranked[i].doc, leaves));
            if (leaf != current) {
                current = leaf;
                fields = new HitFields(leaf.reader());
                explainer = new MatchExplainer(leaf.reader(), probes);
            }
            int doc = ranked[i].doc - leaf.docBase;
            hits[i] = fields.hit(doc, ranked[i].score, snippets[i] instanceof Snippet s ? s : null,
                    explainer.explain(doc));
        }
        return Arrays.asList(hits);
    }

    /**
     * Each further section of the same runbook counts a little less, so that three parts of one short alert
     * runbook do not push every other runbook out of the first screen.
     */
    private ScoreDoc[] diversify(ScoreDoc[] ranked, int limit) throws IOException {
        Map<Long, Integer> seen = new HashMap<>(); // file ordinal within its segment: no need to read the path
        List<ScoreDoc> out = new ArrayList<>(ranked.length);
        for (ScoreDoc d : ranked) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            SortedDocValues files = DocValues.getSorted(leaf.reader(), SearchFields.FILE);
            long file = files.advanceExact(d.doc - leaf.docBase) ? ((long) leaf.ord << 32) | files.ordValue() : -1;
            int earlier = seen.merge(file, 1, Integer::sum) - 1;
            out.add(new ScoreDoc(d.doc, (float) (d.score * Math.pow(SAME_RUNBOOK_FACTOR, earlier))));
        }
        out.sort((a, b) -> Float.compare(b.score, a.score));
        return out.subList(0, Math.min(limit, out.size())).toArray(new ScoreDoc[0]);
    }
}
