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

    // Analysed fields.
    static final String TITLE = "title";
    static final String TITLE_SPLIT = "title_split";
    static final String ANCESTORS = "ancestors";
    static final String ANCESTORS_SPLIT = "ancestors_split";
    static final String ALERT = "alert";
    static final String ALERT_SPLIT = "alert_split";
    static final String SYMPTOM = "symptom";
    static final String COMPONENT_TEXT = "component_text";
    static final String COMMAND = "command";
    static final String COMMAND_SPLIT = "command_split";
    static final String BODY = "body";
    /** Everything once more, unstemmed: the target of typo (fuzzy) and as-you-type (prefix) matching. */
    static final String ALL = "all";

    /**
     * Per-term weights: a word in the section's own heading, an alert name or a listed symptom says far more
     * about what the section is for than the same word somewhere in its prose.
     */
    static final Map<String, Float> TERM_BOOSTS = boosts(
            TITLE, 5f, TITLE_SPLIT, 4f, ALERT, 5f, ALERT_SPLIT, 4f, SYMPTOM, 4f,
            ANCESTORS, 1.5f, ANCESTORS_SPLIT, 1.2f, COMPONENT_TEXT, 1.5f, COMMAND, 0.6f, COMMAND_SPLIT, 0.5f, BODY, 1f);

    /** Fields where adjacent query words found next to each other earn a phrase bonus. */
    static final Map<String, Float> PHRASE_BOOSTS = boosts(
            TITLE, 4f, TITLE_SPLIT, 3f, ALERT_SPLIT, 3f, SYMPTOM, 4f, BODY, 1.5f);

    /** Synonym matches count on top of the typed words, a little below them. */
    static final float SYNONYM_BOOST = 0.8f;
    static final float FUZZY_BOOST = 0.3f;
    /** Bonus for sections that hold every typed word, as a share of their word score. */
    static final float ALL_WORDS_BOOST = 1f;
    static final float PREFIX_BOOST = 0.4f;
    /** Share of the non-best fields' score a term keeps (DisjunctionMaxQuery tie breaker). */
    static final float TIE_BREAKER = 0.2f;

    private SearchFields() {
    }

    /** Index-time analysis: split fields split words, {@link #ALL} is unstemmed, the rest plain English. */
    static Analyzer indexAnalyzer() {
        Analyzer split = OpsAnalyzer.forSplitIndex();
        return new PerFieldAnalyzerWrapper(OpsAnalyzer.forIndex(),
                Map.of(TITLE_SPLIT, split, ANCESTORS_SPLIT, split, ALERT_SPLIT, split, COMMAND_SPLIT, split,
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
