package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link SearchQuery} into a Lucene query. The text is analysed with the query chain (stemming and
 * operations synonyms) and spread over the fields word by word ({@link CrossFieldExpander}); on top come a
 * bonus for query words found side by side in a heading, symptom or the body, a prefix match on the word still
 * being typed, and {@code "quoted"} phrases that must appear. Filters never change scores.
 *
 * <p>Thread-safe and cheap to call; build one per {@link Synonyms}.
 */
public final class QueryBuilder {

    private static final String PLACEHOLDER = "_";
    /** Words engineers put around a symptom ("keeps restarting", "getting 429s") that say nothing about it. */
    private static final List<String> FILLER_WORDS = List.of("get", "getting", "gets", "got", "keep", "keeps",
            "kept", "keeping", "see", "seeing", "seems", "still", "again", "suddenly", "randomly", "constantly", "why",
            "how", "what", "help", "happening", "lot", "lots", "some", "any", "very", "really", "just");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}][\\p{L}\\p{N}_-]{2,})$");

    private final org.apache.lucene.util.QueryBuilder analysis;
    private final org.apache.lucene.util.QueryBuilder literal =
            new org.apache.lucene.util.QueryBuilder(OpsAnalyzer.forSynonymRules());
    private final Analyzer plain = OpsAnalyzer.forIndex();
    private final Analyzer raw = OpsAnalyzer.forRawIndex();
    private final Set<String> fillers = stems(plain, FILLER_WORDS);
    private final CrossFieldExpander expander = new CrossFieldExpander(SearchFields.TERM_BOOSTS, this::ignored);
    private final CrossFieldExpander lenient = new CrossFieldExpander(SearchFields.TERM_BOOSTS, OpsAnalyzer.STOP_WORDS::contains);

    public QueryBuilder(Synonyms synonyms) {
        analysis = new org.apache.lucene.util.QueryBuilder(OpsAnalyzer.forQuery(synonyms));
        analysis.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    /**
     * The query, or {@code null} when there is nothing to search for (blank text and no filters, or only
     * stop words).
     */
    public Query build(SearchQuery query) {
        Query filter = filter(query);
        if (query.browsing()) {
            return filter;
        }
        Query text = text(query.text());
        if (text == null) {
            return null;
        }
        if (filter == null) {
            return text;
        }
        return new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /** The scoring part for the typed text, or {@code null} when it holds no searchable word. */
    Query text(String typed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Matcher m = QUOTED.matcher(typed);
        boolean quoted = false;
        while (m.find()) {
            Query phrase = expander.expand(phraseOf(plain, m.group(1), 0));
            if (phrase != null) {
                b.add(phrase, Occur.MUST);
                quoted = true;
            }
        }
        String loose = QUOTED.matcher(typed).replaceAll(" ");
        Query analysed = literal.createBooleanQuery(PLACEHOLDER, loose, Occur.SHOULD);
        Query words = expand(analysed);
        if (words == null && analysed != null) {
            words = lenient.expand(analysed); // nothing but filler words: search for them after all
        }
        if (words == null) {
            return quoted ? b.build() : null;
        }
        // Every clause below is optional: a section matching any of them is a hit, and without a quoted
        // phrase at least one must match. The typed words and their synonyms are separate clauses so that a
        // multi-word synonym ("connection refused" = "econnrefused") never turns the typed words into a phrase.
        b.add(words, Occur.SHOULD);
        if (words instanceof BooleanQuery all && all.clauses().size() > 1) {
            // Sections holding every word beat those with one word in a strong place ("promote a redis replica").
            BooleanQuery.Builder every = new BooleanQuery.Builder().setMinimumNumberShouldMatch(all.clauses().size());
            all.clauses().forEach(every::add);
            b.add(new BoostQuery(every.build(), SearchFields.ALL_WORDS_BOOST), Occur.SHOULD);
        }
        Query synonyms = expand(analysis.createBooleanQuery(PLACEHOLDER, loose, Occur.SHOULD));
        if (synonyms != null && !synonyms.equals(words)) {
            b.add(new BoostQuery(synonyms, SearchFields.SYNONYM_BOOST), Occur.SHOULD);
        }
        proximity(loose).forEach(q -> b.add(q, Occur.SHOULD));
        typos(loose).forEach(q -> b.add(q, Occur.SHOULD));
        Query prefix = prefix(typed);
        if (prefix != null) {
            b.add(prefix, Occur.SHOULD);
        }
        return b.build();
    }

    private Query expand(Query analysed) {
        return analysed == null ? null : expander.expand(analysed);
    }

    /** Section must satisfy every filter given; {@code null} when there are none. */
    Query filter(SearchQuery query) {
        List<Query> musts = new ArrayList<>();
        anyOf(musts, SearchFields.COMPONENT, query.componentKeys(), Function.identity());
        anyOf(musts, SearchFields.KINDS, List.copyOf(query.kinds()), SectionKind::label);
        anyOf(musts, SearchFields.FILE, List.copyOf(query.runbooks()), SectionDocuments::fileKey);
        if (musts.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        musts.forEach(q -> b.add(q, Occur.FILTER));
        return b.build();
    }

    private static <T> void anyOf(List<Query> musts, String field, List<T> values, Function<T, String> key) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.forEach(v -> b.add(new TermQuery(new Term(field, key.apply(v))), Occur.SHOULD));
        musts.add(b.build());
    }

    /** Adjacent word pairs, and the whole text when longer, found close together earn a bonus. */
    private List<Query> proximity(String text) {
        PhraseQuery all = withoutFillers(phraseOf(plain, text, 2));
        Term[] terms = all.getTerms();
        int[] pos = all.getPositions();
        List<Query> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.length; i++) {
            PhraseQuery pair = new PhraseQuery.Builder().setSlop(1)
                    .add(terms[i], 0).add(terms[i + 1], pos[i + 1] - pos[i]).build();
            out.add(perField(pair, SearchFields.PHRASE_BOOSTS));
        }
        if (terms.length > 2) {
            out.add(new BoostQuery(perField(all, SearchFields.PHRASE_BOOSTS), 1.5f));
        }
        return out;
    }

    private static Query perField(PhraseQuery p, Map<String, Float> fields) {
        List<Query> perField = new ArrayList<>();
        fields.forEach((f, boost) -> {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.getSlop());
            for (int i = 0; i < p.getTerms().length; i++) {
                b.add(new Term(f, p.getTerms()[i].bytes()), p.getPositions()[i]);
            }
            perField.add(new BoostQuery(b.build(), boost));
        });
        return new DisjunctionMaxQuery(perField, 0f);
    }

    private PhraseQuery withoutFillers(PhraseQuery p) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.getSlop());
        for (int i = 0; i < p.getTerms().length; i++) {
            if (!fillers.contains(p.getTerms()[i].text())) {
                b.add(p.getTerms()[i], p.getPositions()[i]);
            }
        }
        return b.build();
    }

    private boolean ignored(String term) {
        return OpsAnalyzer.STOP_WORDS.contains(term) || fillers.contains(term);
    }

    private Set<String> stems(Analyzer analyzer, List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            for (Term t : phraseOf(analyzer, w, 0).getTerms()) {
                out.add(t.text());
            }
        }
        return Set.copyOf(out);
    }

    /** The text analysed without synonyms as a phrase on the placeholder field; stop words leave gaps. */
    private PhraseQuery phraseOf(Analyzer analyzer, String text, int slop) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
        try (TokenStream ts = analyzer.tokenStream(PLACEHOLDER, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                b.add(new Term(PLACEHOLDER, term.toString()), pos);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return b.build();
    }

    /**
     * Words of four letters or more also match with typos, against the unstemmed words (a misspelling often
     * changes the stem): one edit for up to seven letters, two from eight. Numbers and codes (429, 5xx, x509)
     * must match exactly.
     */
    private List<Query> typos(String text) {
        List<Query> out = new ArrayList<>();
        for (Term t : phraseOf(raw, text, 0).getTerms()) {
            String word = t.text();
            if (!FILLER_WORDS.contains(word) && word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
                int edits = word.length() >= 8 ? 2 : 1;
                // prefixLength 1: typos in the first letter are rare, and a fixed first letter keeps it fast.
                FuzzyQuery fuzzy = new FuzzyQuery(new Term(SearchFields.ALL, word), edits, 1, 50, true);
                out.add(new BoostQuery(fuzzy, SearchFields.FUZZY_BOOST));
            }
        }
        return out;
    }

    /** The word still being typed (no space after it yet) also matches as the start of a word. */
    private Query prefix(String typed) {
        Matcher m = LAST_WORD.matcher(typed);
        if (!m.find()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        Query titles = new BoostQuery(new PrefixQuery(new Term(SearchFields.TITLE_SPLIT, word)), 2f);
        Query anywhere = new PrefixQuery(new Term(SearchFields.ALL, word));
        return new BoostQuery(new DisjunctionMaxQuery(List.of(titles, anywhere), 0f), SearchFields.PREFIX_BOOST);
    }
}
