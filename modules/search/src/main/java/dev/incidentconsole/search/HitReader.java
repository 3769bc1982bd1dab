package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a query on one searcher and turns the top documents into {@link SearchHit}s with snippets. */
final class HitReader {

    /** Snippets aim at about this many characters: two lines of a result list. */
    static final int SNIPPET_LENGTH = 160;
    /** Score factor for each earlier hit from the same runbook. */
    static final double SAME_RUNBOOK_FACTOR = 0.85;
    /** How many of the best candidates get the proximity and all-words bonus (and may move up with it). */
    static final int RESCORED = 40;
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();
    private static final Sort FILE_ORDER = new Sort(new SortField(SearchFields.FILE, SortField.Type.STRING),
            new SortField(SearchFields.LINE, SortField.Type.INT));

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final List<LeafReaderContext> leaves;

    HitReader(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.leaves = searcher.getIndexReader().leaves();
    }

    List<SearchHit> read(QueryBuilder.Prepared prepared, SearchQuery request) throws IOException {
        ScoreDoc[] docs;
        if (request.browsing()) {
            docs = searcher.search(prepared.query(), request.limit(), FILE_ORDER).scoreDocs;
        } else {
            int wanted = Math.max(RESCORED, request.limit() + 10);
            // Total hit counts are never shown, so skipping non-competitive sections may start at once (the
            // default counts the first 1000 hits exactly before it prunes).
            TopDocs candidates = searcher.search(prepared.query(), new TopScoreDocCollectorManager(wanted, wanted));
            if (prepared.bonus() != null) {
                candidates = QueryRescorer.rescore(searcher, candidates, prepared.bonus(), 1, candidates.scoreDocs.length);
            }
            docs = diversify(candidates.scoreDocs, request.limit());
        }
        Object[] snippets = new Object[docs.length];
        if (prepared.highlight() != null && docs.length > 0) {
            int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
            SnippetHighlighter highlighter = new SnippetHighlighter(leaves, UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(FORMATTER)
                    .withWeightMatches(false) // per-term offsets from the postings; weight matches re-analyse
                    .withHighlightPhrasesStrictly(false) // mark a phrase's words wherever they are: no span checks
                    .withMaxNoHighlightPassages(1)
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f)));
            snippets = highlighter.snippets(SearchFields.BODY, prepared.highlight(), ids);
        }
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            LeafReader r = leaf.reader();
            int doc = docs[i].doc - leaf.docBase;
            Snippet snippet = snippets[i] instanceof Snippet s ? s : fallback(binary(r, SearchFields.BODY_TEXT, doc));
            NumericDocValues line = DocValues.getNumeric(r, SearchFields.LINE);
            hits.add(new SearchHit(Path.of(sorted(r, SearchFields.FILE, doc)), binary(r, SearchFields.RUNBOOK_TITLE, doc),
                    list(binary(r, SearchFields.PATH, doc)), line.advanceExact(doc) ? (int) line.longValue() : 0,
                    SectionKind.valueOf(sorted(r, SearchFields.KIND, doc)),
                    Float.isNaN(docs[i].score) ? 0f : docs[i].score, snippet,
                    list(binary(r, SearchFields.COMPONENT_NAME, doc))));
        }
        return hits;
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

    private static String sorted(LeafReader reader, String field, int doc) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, field);
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    private static String binary(LeafReader reader, String field, int doc) throws IOException {
        BinaryDocValues values = DocValues.getBinary(reader, field);
        return values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SectionDocuments.LIST_SEPARATOR));
    }

    /** Exposes the highlighter's object results, which carry our {@link Snippet}s, and reads the body text. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        private final List<LeafReaderContext> leaves;

        SnippetHighlighter(List<LeafReaderContext> leaves, Builder builder) {
            super(builder);
            this.leaves = leaves;
        }

        Object[] snippets(String field, Query query, int[] docIds) throws IOException {
            Map<String, Object[]> found = highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {1});
            return found.get(field);
        }

        /** The body text from doc values instead of the stored field (see {@link SectionDocuments}). */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            long chars = 0;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                String text = binary(leaf.reader(), SearchFields.BODY_TEXT, doc - leaf.docBase);
                if (text.length() > getMaxLength()) {
                    text = text.substring(0, getMaxLength()); // as the stored-field reader it replaces does
                }
                CharSequence[] row = new CharSequence[fields.length];
                Arrays.fill(row, text);
                values.add(row);
                chars += (long) text.length() * fields.length;
                if (chars > cacheCharsThreshold) {
                    break; // the caller asks for the rest in another batch
                }
            }
            return values;
        }
    }

    private static Snippet fallback(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return Snippet.plain(text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…");
    }
}
