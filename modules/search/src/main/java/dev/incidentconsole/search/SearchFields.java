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
    /** The section's own text, with offsets for snippets. Not scored: {@link #TEXT} holds it with its headings. */
    static final String BODY = "body";
    /**
     * What a section is scored on first: its heading path (the headings above it, then its own) and its own
     * text, never a sub-section's. Every typed word is looked up here; everything else adds to this score.
     * The headings' names are split here too ({@link SectionDocuments}), so a heading named after an alert
     * ({@code KubePersistentVolumeInodesFillingUp}) holds "inodes" at full weight; the text's own names are not.
     */
    static final String TEXT = "text";
    /** Everything once more, unstemmed: the target of typo (fuzzy) and as-you-type (prefix) matching. */
    static final String ALL = "all";

    /**
     * Per-term weights of a typed word. The full text counts first; a word that is also in the section's own
     * heading, one of its listed symptoms or an alert it is about adds to that, because those say what the
     * section is for (the weights are summed: {@link #TIE_BREAKER} is 1).
     */
    static final Map<String, Float> TERM_BOOSTS = boosts(TEXT, 1f, TITLE, 0.2f, ALERT, 0.5f, SYMPTOM, 0.2f);

    /** Per-term weights of the context counted when the best candidates are rescored: the command words. */
    static final Map<String, Float> CONTEXT_BOOSTS = boosts(COMMAND, 0.3f);

    /** Where synonyms of the typed words are looked for, and how much a match weighs before {@link #SYNONYM_BOOST}. */
    static final Map<String, Float> SYNONYM_BOOSTS = boosts(TEXT, 1f, TITLE, 0.2f, SYMPTOM, 0.2f);
    /**
     * Where multi-word synonyms ("too many requests" for 429) are looked for: headings and symptoms only, since
     * reading positions in the full text of every candidate is the costliest part of a query.
     */
    static final Map<String, Float> SYNONYM_PHRASE_BOOSTS = boosts(TITLE, 0.6f, SYMPTOM, 0.6f);

    /** Fields where adjacent query words found next to each other earn a phrase bonus. */
    static final Map<String, Float> PHRASE_BOOSTS = boosts(TITLE, 1f, SYMPTOM, 1f, TEXT, 1f);

    /** A synonym's match counts on top of the typed words, below them: it is a guess at what was meant. */
    static final float SYNONYM_BOOST = 0.5f;
    static final float FUZZY_BOOST = 0.3f;
    /** Weight of the bonus for sections whose text holds every typed word. */
    static final float ALL_WORDS_BOOST = 1f;
    static final float PREFIX_BOOST = 0.4f;
    /** What a section about a component the query names gains, whatever else it matches. */
    static final float COMPONENT_BOOST = 1f;
    /** Share of the non-best fields' score a term keeps: all of it, so field matches add up. */
    static final float TIE_BREAKER = 1f;

    /**
     * Version of what a stored index holds ({@link RunbookIndex#stored}): bump it whenever the documents change
     * (fields, their analysis, {@link SectionDocuments}, or what the runbook parser reads), so that indexes kept
     * on disk by an older build are built again instead of answering with stale fields.
     */
    static final String INDEX_FORMAT = "search-11";

    private SearchFields() {
    }

    /** Index-time analysis: split fields split names, {@link #ALL} is unstemmed, the rest plain English. */
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
