package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field names of the section index and how much a match in each weighs. */
final class SearchFields {

    // Stored or filter-only fields (not analysed).
    static final String FILE = "file";
    static final String RUNBOOK_TITLE = "runbook_title";
    static final String PATH = "path";
    static final String LINE = "line";
    static final String KIND = "kind";
    static final String KINDS = "kinds";
    static final String COMPONENT = "component";
    static final String COMPONENT_NAME = "component_name";
    /** The body's text as doc values, for snippets. */
    static final String BODY_TEXT = "body_text";

    // Analysed fields.
    static final String TITLE = "title";
    static final String ANCESTORS = "ancestors";
    static final String ALERT = "alert";
    static final String SYMPTOM = "symptom";
    /** Commands of the section's shell blocks, words split ({@code pg_isready} also as "pg isready"). */
    static final String COMMAND = "command";
    static final String BODY = "body";
    /** Everything once more, unstemmed: the target of typo (fuzzy) and as-you-type (prefix) matching. */
    static final String ALL = "all";

    /**
     * Per-term weights: a word in the section's own heading, an alert name or a listed symptom says far more
     * about what the section is for than the same word somewhere in its prose.
     */
    static final Map<String, Float> TERM_BOOSTS = boosts(TITLE, 5f, ALERT, 5f, SYMPTOM, 4f, BODY, 1f);

    /**
     * Per-term weights of the context fields, counted only when the best candidates are rescored: the heading
     * path above the section (repeated on every section of a runbook) and the words of its commands (already
     * in the body whole) would make every search iterate far more postings for little change in the order.
     */
    static final Map<String, Float> CONTEXT_BOOSTS = boosts(ANCESTORS, 1.5f, COMMAND, 0.5f);

    /**
     * Fields where synonyms of the typed words find candidates: the ones that say what a section is about. Not
     * the body: a synonym group expands to a dozen terms whose body postings were half of a search's work on a
     * large index, so body matches of synonyms only count when the best candidates are rescored.
     */
    static final Map<String, Float> SYNONYM_BOOSTS = boosts(TITLE, 5f, SYMPTOM, 4f);
    /** Where multi-word synonyms ("too many requests" for 429) are looked for: headings and symptoms only. */
    static final Map<String, Float> SYNONYM_PHRASE_BOOSTS = boosts(TITLE, 5f, SYMPTOM, 4f);

    /** Fields where adjacent query words found next to each other earn a phrase bonus. */
    static final Map<String, Float> PHRASE_BOOSTS = boosts(TITLE, 4f, SYMPTOM, 4f, BODY, 1.5f);

    /** Synonym matches count on top of the typed words, a little below them. */
    static final float SYNONYM_BOOST = 0.8f;
    /**
     * Per-term weights of a typed word that has no synonyms: {@link #TERM_BOOSTS} plus what its own clause among
     * the synonyms added ({@link #SYNONYM_BOOST} times {@link #SYNONYM_BOOSTS}). The sum is the same score
     * whenever the heading or symptom match is the word's best, and it saves scoring those postings twice.
     */
    static final Map<String, Float> ALONE_BOOSTS = boosts(TITLE, 5f + SYNONYM_BOOST * 5f, ALERT, 5f,
            SYMPTOM, 4f + SYNONYM_BOOST * 4f, BODY, 1f);
    static final float FUZZY_BOOST = 0.3f;
    /** Weight of the bonus for sections whose text holds every typed word. */
    static final float ALL_WORDS_BOOST = 2f;
    static final float PREFIX_BOOST = 0.4f;
    /** Share of the non-best fields' score a term keeps (DisjunctionMaxQuery tie breaker). */
    static final float TIE_BREAKER = 0.2f;

    private SearchFields() {
    }

    /** Index-time analysis: split fields split words, {@link #ALL} is unstemmed, the rest plain English. */
    static Analyzer indexAnalyzer() {
        Analyzer split = OpsAnalyzer.forSplitIndex();
        return new PerFieldAnalyzerWrapper(OpsAnalyzer.forIndex(),
                Map.of(TITLE, split, ANCESTORS, split, ALERT, split, COMMAND, split,
                        ALL, OpsAnalyzer.forRawIndex()));
    }

    private static Map<String, Float> boosts(Object... pairs) {
        Map<String, Float> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Float) pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
