package dev.incidentconsole.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engineer typed, analysed once into the pieces {@link QueryBuilder} assembles: quoted phrases, the
 * words (with and without synonyms) as queries on a placeholder field, the word sequence for proximity, the
 * words as written for typo matching, and the word still being typed. Immutable.
 */
final class TypedText {

    static final String PLACEHOLDER = "_";
    /**
     * Words engineers put around a symptom ("keeps restarting", "getting 429s") or a question that say nothing
     * about what answers it.
     */
    static final List<String> FILLER_WORDS = List.of("get", "getting", "gets", "got", "keep", "keeps", "kept",
            "keeping", "see", "seeing", "seems", "still", "again", "suddenly", "randomly", "constantly", "why", "how",
            "what", "help", "happening", "lot", "lots", "some", "any", "very", "really", "just",
            // a question's own words: "which port is redis on", "where do I find the pool size"
            "which", "where", "when", "who", "whose", "do", "does", "did", "i", "me", "my", "we", "our", "can",
            "could", "should", "would", "need", "want");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** A name written as one word: CamelCase with an inner capital, or words joined by underscores. */
    private static final Pattern NAME = Pattern.compile("\\b(?=\\w*(?:[a-z0-9][A-Z]|_\\w))\\w+");
    private static final Pattern NAME_BREAK = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}][\\p{L}\\p{N}_-]{2,})$");
    private static final Analyzer PLAIN = OpsAnalyzer.forIndex();
    private static final Analyzer RAW = OpsAnalyzer.forRawIndex();
    private static final org.apache.lucene.util.QueryBuilder LITERAL =
            new org.apache.lucene.util.QueryBuilder(OpsAnalyzer.forSynonymRules());
    private static final Set<String> FILLER_STEMS = stems(FILLER_WORDS);

    /** Phrases the user put in double quotes, analysed; they must appear. */
    final List<PhraseQuery> quoted = new ArrayList<>();
    /** The unquoted words, one clause each, stop words still in (the expander drops them). */
    final Query words;
    /** The unquoted words with the operations synonyms as a token graph. */
    final Query withSynonyms;
    /** The unquoted words in order without stop or filler words, positions kept. */
    final PhraseQuery sequence;
    /** The unquoted words as written, lower-cased, without stop or filler words. */
    final List<String> raw = new ArrayList<>();
    /** The last word if nothing follows it yet: the engineer may still be typing it. */
    final String partial;
    /** Whether the text was pasted from a log: its quotes are the log's, its odd words no typos. */
    final boolean pasted;
    /** The unquoted words' stems, as the index has them. */
    private final Set<String> stems = new HashSet<>();

    TypedText(String typed, org.apache.lucene.util.QueryBuilder synonyms) {
        pasted = PastedText.pasted(typed);
        if (pasted) {
            typed = PastedText.reduce(typed).replace('"', ' ');
        }
        Matcher m = QUOTED.matcher(typed);
        while (m.find()) {
            quoted.add(phraseOf(PLAIN, m.group(1), 0));
        }
        String loose = withNameParts(QUOTED.matcher(typed).replaceAll(" "));
        words = LITERAL.createBooleanQuery(PLACEHOLDER, loose, Occur.SHOULD);
        withSynonyms = synonyms.createBooleanQuery(PLACEHOLDER, loose, Occur.SHOULD);
        PhraseQuery all = phraseOf(PLAIN, loose, 2);
        for (Term t : all.getTerms()) {
            stems.add(t.text());
        }
        PhraseQuery.Builder seq = new PhraseQuery.Builder().setSlop(2);
        for (int i = 0; i < all.getTerms().length; i++) {
            if (!FILLER_STEMS.contains(all.getTerms()[i].text())) {
                seq.add(all.getTerms()[i], all.getPositions()[i]);
            }
        }
        sequence = seq.build();
        for (Term t : phraseOf(RAW, loose, 0).getTerms()) {
            if (!FILLER_WORDS.contains(t.text())) {
                raw.add(t.text());
            }
        }
        Matcher last = LAST_WORD.matcher(typed);
        partial = last.find() ? last.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The text with the words of each CamelCase or snake_case name added after it ("DNSErrors_PerSrcNamespace"
     * also as "DNS Errors Per Src Namespace"): sections that spell the name in words, or name only a part of
     * it, are found too, while the whole name still matches where it is written whole.
     */
    static String withNameParts(String text) {
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String parts = NAME_BREAK.matcher(m.group()).replaceAll(" ").strip();
            m.appendReplacement(out, Matcher.quoteReplacement(parts.equals(m.group()) ? parts : m.group() + " " + parts));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Each typed word's single-word synonyms (analysed), from the synonym groups the typed words are in. */
    Map<String, List<String>> alternatives() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (withSynonyms == null) {
            return out;
        }
        visitInOrder(withSynonyms, new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTermsMatching(Query query, String field,
                                             java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> a) {
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (query instanceof SynonymQuery) {
                    for (Term t : terms) {
                        if (stems.contains(t.text())) {
                            List<String> others = new ArrayList<>();
                            for (Term o : terms) {
                                if (!o.text().equals(t.text()) && !ignored(o.text())) {
                                    others.add(o.text());
                                }
                            }
                            out.merge(t.text(), others, (x, y) -> {
                                List<String> both = new ArrayList<>(x);
                                y.stream().filter(w -> !both.contains(w)).forEach(both::add);
                                return both;
                            });
                        }
                    }
                }
            }
        });
        return out;
    }

    /**
     * Visits the query's terms in the order its clauses were added, which is the typed words' order. Lucene's own
     * {@code BooleanQuery.visit} walks SHOULD clauses out of a hash multiset keyed by the queries' hash codes, and
     * those mix in their classes' identity hashes: the order changed from one JVM to the next, and with it the
     * order of a hit's explanation and which synonyms made its cut.
     */
    static void visitInOrder(Query query, QueryVisitor visitor) {
        if (query instanceof BooleanQuery bq) {
            for (BooleanClause c : bq.clauses()) {
                visitInOrder(c.getQuery(), visitor.getSubVisitor(c.getOccur(), bq));
            }
        } else if (query instanceof BoostQuery boosted) {
            visitInOrder(boosted.getQuery(), visitor.getSubVisitor(Occur.MUST, boosted));
        } else {
            query.visit(visitor);
        }
    }

    /** The typed words' stems: a synonym group adds only its other words. */
    Set<String> stems() {
        return Set.copyOf(stems);
    }

    /** The stem of a single word, as the body field indexes it; the word itself when it has none. */
    static String stem(String word) {
        Term[] terms = phraseOf(PLAIN, word, 0).getTerms();
        return terms.length == 0 ? word : terms[0].text();
    }

    /** Whether an analysed word is left out of the query: a stop word or a filler word. */
    static boolean ignored(String term) {
        return OpsAnalyzer.STOP_WORDS.contains(term) || FILLER_STEMS.contains(term);
    }

    /** The text analysed as a phrase on the placeholder field; removed stop words leave position gaps. */
    static PhraseQuery phraseOf(Analyzer analyzer, String text, int slop) {
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

    private static Set<String> stems(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            for (Term t : phraseOf(PLAIN, w, 0).getTerms()) {
                out.add(t.text());
            }
        }
        return Set.copyOf(out);
    }
}
