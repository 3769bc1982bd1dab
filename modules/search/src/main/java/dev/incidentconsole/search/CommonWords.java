package dev.incidentconsole.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The words of one query that a large share of all sections contain ("api", "restart", a service name found
 * in every runbook). On a large index their body postings are most of a search's work, so the first pass
 * leaves them out of the full text (see {@link CrossFieldExpander#withCommonWords}) and the rescoring pass adds
 * them back. Only applies when the query also has a rarer word to find candidates with, and only on indexes
 * big enough for it to matter. Tests analysed terms (stems); not thread-safe, one per query.
 */
final class CommonWords implements Predicate<String> {

    /** A word in more than this share of sections is common. */
    static final double SHARE = 0.1;
    /** Below this many sections every search is fast anyway and nothing is treated as common. */
    static final int MIN_SECTIONS = 5_000;

    private final IndexReader reader;
    private final int limit;
    private final Map<String, Boolean> seen = new HashMap<>();
    private final List<String> typedCommon = new ArrayList<>();
    private final boolean active;

    CommonWords(IndexReader reader, TypedText typed) {
        this.reader = reader;
        this.limit = (int) (reader.maxDoc() * SHARE);
        Term[] words = typed.sequence.getTerms();
        if (reader.maxDoc() >= MIN_SECTIONS) {
            for (Term t : words) {
                if (common(t.text())) {
                    typedCommon.add(t.text());
                }
            }
        }
        // Without a rarer word to find candidates with, every word is searched everywhere.
        active = !typedCommon.isEmpty() && typedCommon.size() < words.length;
        if (!active) {
            typedCommon.clear();
        }
    }

    /** Whether the first pass should leave this term out of the body. */
    @Override
    public boolean test(String term) {
        return active && common(term);
    }

    boolean any() {
        return active;
    }

    /** The typed words (stems) that are common, for the rescoring pass to add back. */
    List<String> typed() {
        return typedCommon;
    }

    private boolean common(String term) {
        return seen.computeIfAbsent(term, t -> {
            try {
                return reader.docFreq(new Term(SearchFields.TEXT, t)) > limit;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
