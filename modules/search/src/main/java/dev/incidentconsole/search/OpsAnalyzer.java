package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The English analysis chain of runbook search, in the three variants the index needs.
 *
 * <ul>
 *   <li>{@link #forIndex()}: StandardTokenizer, possessive, lowercase, stop words, Porter stemming.</li>
 *   <li>{@link #forSplitIndex()}: the same, but names such as {@code HighErrorRate}, {@code OOMKilled} and
 *       {@code pg_isready} are indexed whole and split into words, for headings, alert names and commands.</li>
 *   <li>{@link #forRawIndex()}: no stemming, for typo and prefix matching against the words as written.</li>
 *   <li>{@link #forQuery(Synonyms)}: stemming then the operations synonym graph. Stop words are kept (marked
 *       so the stemmer leaves them alone) because multi-word synonyms such as "out of memory" contain them;
 *       {@link QueryBuilder} drops them when it builds the query, keeping their positions.</li>
 * </ul>
 *
 * <p>Analyzers are thread-safe (Lucene reuses token streams per thread).
 */
public final class OpsAnalyzer extends Analyzer {

    /** Lucene's English stop words minus "no" and "not", which carry meaning in symptoms ("no space left"). */
    public static final CharArraySet STOP_WORDS = stopWords();

    private static final Pattern ACRONYM_END = Pattern.compile("(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private enum Mode { INDEX, SPLIT, RAW, QUERY }

    private final Mode mode;
    private final SynonymMap synonyms;

    private OpsAnalyzer(Mode mode, SynonymMap synonyms) {
        this.mode = mode;
        this.synonyms = synonyms;
    }

    /** Index-time analysis for text fields. */
    public static OpsAnalyzer forIndex() {
        return new OpsAnalyzer(Mode.INDEX, null);
    }

    /** Index-time analysis for text holding names: each CamelCase or snake_case name whole and split. */
    public static OpsAnalyzer forSplitIndex() {
        return new OpsAnalyzer(Mode.SPLIT, null);
    }

    /** Index- and query-time analysis of words as written (no stemming), for typo and prefix matching. */
    public static OpsAnalyzer forRawIndex() {
        return new OpsAnalyzer(Mode.RAW, null);
    }

    /** Query-time analysis with the given synonyms; {@link Synonyms#none()} for none. */
    public static OpsAnalyzer forQuery(Synonyms synonyms) {
        SynonymMap map = synonyms.map();
        return new OpsAnalyzer(Mode.QUERY, map.fst == null ? null : map);
    }

    /** The chain synonym rules are parsed with: the query chain without the synonym filter. */
    static OpsAnalyzer forSynonymRules() {
        return new OpsAnalyzer(Mode.QUERY, null);
    }

    /**
     * The split chain ({@link #forSplitIndex()}) over one text, built afresh rather than reused per thread: for a
     * field value analysed apart from the rest of its field, whose tokens are read only when the document is
     * indexed, after other documents may have been analysed on the same thread.
     */
    static TokenStream splitTokens(String fieldName, String text) {
        OpsAnalyzer split = forSplitIndex();
        TokenStreamComponents chain = split.createComponents(fieldName);
        chain.getSource().accept(split.initReader(fieldName, new java.io.StringReader(text)));
        return chain.getTokenStream();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = source;
        if (mode == Mode.SPLIT) {
            int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                    | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE
                    | WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.CATENATE_WORDS;
            // CATENATE_WORDS gives back "OOMKilled" whole after the reader split it as "OOM_Killed". Numbers are
            // not joined: "4.2.9 Rate limits" must not index a status code 429 (nor "10.0.0.1" 10001).
            stream = new WordDelimiterGraphFilter(stream, flags, null);
            stream = new FlattenGraphFilter(stream); // the index cannot store a token graph
            // A name the catenation rebuilds as written (KubePodCrashLooping) would count twice.
            stream = new RemoveDuplicatesTokenFilter(stream);
        }
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        if (mode == Mode.QUERY) {
            stream = new SetKeywordMarkerFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
        } else {
            stream = new StopFilter(stream, STOP_WORDS);
            if (mode != Mode.RAW) {
                stream = new PorterStemFilter(stream);
            }
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        // WordDelimiterGraphFilter splits "highError" but not an upper-case run from the next word ("OOMKilled",
        // "GRPCRequests"); an underscore before the last capital of such a run (still one token) lets it.
        return mode == Mode.SPLIT ? new PatternReplaceCharFilter(ACRONYM_END, "_", reader) : reader;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static CharArraySet stopWords() {
        List<String> words = new ArrayList<>();
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            String w = new String((char[]) word);
            if (!w.equals("no") && !w.equals("not")) {
                words.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }
}
