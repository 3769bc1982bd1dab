package dev.incidentconsole.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typo-tolerant matching of one word against the words as written ({@link SearchFields#ALL}): one edit for
 * words up to seven letters, two from eight, the first letter fixed. It is what {@code FuzzyQuery} does, but
 * FuzzyQuery rebuilds its edit automata on every search, and building them is the most expensive part of a
 * query; as-you-type searches repeat the same words keystroke after keystroke, so the queries are cached.
 * Thread-safe.
 */
final class TypoQueries {

    private static final int CACHED = 512;
    /** Like FuzzyQuery's default: the 50 closest spellings, scored as one blended term. */
    private static final int EXPANSIONS = 50;

    private final Map<String, Query> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
            return size() > CACHED;
        }
    });

    /** The query for a lower-case word of at least two letters. */
    Query of(String word) {
        return cache.computeIfAbsent(word, TypoQueries::build);
    }

    private static Query build(String word) {
        int edits = word.length() >= 8 ? 2 : 1;
        Automaton spellings = new LevenshteinAutomata(word.substring(1), true).toAutomaton(edits, word.substring(0, 1));
        AutomatonQuery query = new AutomatonQuery(new Term(SearchFields.ALL, word), spellings,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false,
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(EXPANSIONS));
        return new BoostQuery(query, SearchFields.FUZZY_BOOST);
    }
}
