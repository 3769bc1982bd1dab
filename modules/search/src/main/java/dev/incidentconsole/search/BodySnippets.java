package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Highlighted snippets of hits' body text. A {@link UnifiedHighlighter} that hands out its object results,
 * which carry our {@link Snippet}s, and reads the body text from doc values instead of a stored field (see
 * {@link SectionDocuments}). One per call; not thread-safe.
 */
final class BodySnippets extends UnifiedHighlighter {

    /** Snippets aim at about this many characters: two lines of a result list. */
    static final int LENGTH = 160;
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();
    private static final PassageScores SCORES = new PassageScores();

    private final List<LeafReaderContext> leaves;

    BodySnippets(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(FORMATTER)
                .withScorer(SCORES)
                .withWeightMatches(false) // per-term offsets from the postings; weight matches re-analyse
                .withHighlightPhrasesStrictly(false) // mark a phrase's words wherever they are: no span checks
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), LENGTH, 0.5f)));
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** A {@link Snippet} (or {@code null} where the highlighter found nothing) per document, in order. */
    Object[] of(Query query, int[] docIds) throws IOException {
        Map<String, Object[]> found = highlightFieldsAsObjects(new String[] {SearchFields.BODY}, query, docIds,
                new int[] {1});
        return found.get(SearchFields.BODY);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        long chars = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues body = DocValues.getBinary(leaf.reader(), SearchFields.BODY_TEXT);
            String text = body.advanceExact(doc - leaf.docBase) ? body.binaryValue().utf8ToString() : "";
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
