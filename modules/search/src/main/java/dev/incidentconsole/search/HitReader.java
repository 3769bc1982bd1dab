package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Runs a query on one searcher and turns the top documents into {@link SearchHit}s with snippets. */
final class HitReader {

    /** Snippets aim at about this many characters: two lines of a result list. */
    static final int SNIPPET_LENGTH = 160;
    /** Score factor for each earlier hit from the same runbook. */
    static final double SAME_RUNBOOK_FACTOR = 0.85;
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();
    private static final Sort FILE_ORDER = new Sort(new SortField(SearchFields.FILE, SortField.Type.STRING),
            new SortField(SearchFields.LINE, SortField.Type.INT));

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    HitReader(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    List<SearchHit> read(Query query, SearchQuery request, QueryBuilder builder) throws IOException {
        ScoreDoc[] docs = request.browsing()
                ? searcher.search(query, request.limit(), FILE_ORDER).scoreDocs
                : diversify(searcher.search(query, request.limit() * 2 + 10).scoreDocs, request.limit());
        Object[] snippets = new Object[docs.length];
        Query words = request.browsing() ? null : builder.text(request.text());
        if (words != null && docs.length > 0) {
            int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
            SnippetHighlighter highlighter = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(FORMATTER)
                    // Headings, symptoms and body share one analysis, so words matched anywhere mark the body.
                    .withFieldMatcher(field -> true)
                    .withMaxNoHighlightPassages(1)
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f)));
            snippets = highlighter.snippets(SearchFields.BODY, words, ids);
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            Snippet snippet = snippets[i] instanceof Snippet s ? s : fallback(d.get(SearchFields.BODY));
            hits.add(new SearchHit(Path.of(d.get(SearchFields.FILE)), d.get(SearchFields.RUNBOOK_TITLE),
                    List.of(d.getValues(SearchFields.PATH)), d.getField(SearchFields.LINE).numericValue().intValue(),
                    SectionKind.valueOf(d.get(SearchFields.KIND).toUpperCase(Locale.ROOT)),
                    Float.isNaN(docs[i].score) ? 0f : docs[i].score, snippet,
                    List.of(d.getValues(SearchFields.COMPONENT_NAME))));
        }
        return hits;
    }

    /** Exposes the highlighter's object results, which carry our {@link Snippet}s. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(Builder builder) {
            super(builder);
        }

        Object[] snippets(String field, Query query, int[] docIds) throws IOException {
            Map<String, Object[]> found = highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {1});
            return found.get(field);
        }
    }

    /**
     * Each further section of the same runbook counts a little less, so that three parts of one short alert
     * runbook do not push every other runbook out of the first screen.
     */
    private ScoreDoc[] diversify(ScoreDoc[] ranked, int limit) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        StoredFields stored = searcher.storedFields();
        List<ScoreDoc> out = new ArrayList<>(ranked.length);
        for (ScoreDoc d : ranked) {
            String file = stored.document(d.doc, Set.of(SearchFields.FILE)).get(SearchFields.FILE);
            int earlier = seen.merge(file, 1, Integer::sum) - 1;
            out.add(new ScoreDoc(d.doc, (float) (d.score * Math.pow(SAME_RUNBOOK_FACTOR, earlier))));
        }
        out.sort((a, b) -> Float.compare(b.score, a.score));
        return out.subList(0, Math.min(limit, out.size())).toArray(new ScoreDoc[0]);
    }

    private static Snippet fallback(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return Snippet.plain(text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…");
    }
}
