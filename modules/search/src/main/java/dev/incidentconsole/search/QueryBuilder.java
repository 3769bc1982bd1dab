package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Components;
import dev.incidentconsole.runbook.SectionKind;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@link SearchQuery} into a Lucene query. Every typed word is scored first in the section's full text
 * (its heading path and own text, {@link SearchFields#TEXT}); a match in its own heading, symptoms or alerts adds
 * to that ({@link CrossFieldExpander}). A word's single-word synonyms count as weaker occurrences of the word,
 * multi-word synonyms as a clause of their own. On top come a bonus for sections holding every word, a bonus for
 * words found side by side, a constant lift for sections about a component the query names, typo matching for
 * words the index does not know, a prefix match on the word still
 * being typed, and {@code "quoted"} phrases that must appear. None of these restricts what can be found except a
 * phrase the engineer quoted. Filters never change scores.
 *
 * <p>Thread-safe; build one per {@link Synonyms}.
 */
public final class QueryBuilder {

    /** A word this rare in the index, as written and stemmed, is probably mistyped: it is matched with typos. */
    static final int TYPO_MAX_DOC_FREQ = 2;
    /** How many synonyms a hit's explanation looks up at most. */
    static final int SYNONYM_PROBES = 12;
    /** Longer queries name a symptom; a component named among them is context, not what they ask for. */
    static final int COMPONENT_LIFT_WORDS = 4;

    private final org.apache.lucene.util.QueryBuilder synonyms;
    private final Synonyms rules;
    private final TypoQueries typoQueries = new TypoQueries();
    private final CrossFieldExpander expander = new CrossFieldExpander(SearchFields.TERM_BOOSTS, TypedText::ignored);
    private final CrossFieldExpander synonymExpander = new CrossFieldExpander(SearchFields.SYNONYM_BOOSTS,
            SearchFields.SYNONYM_PHRASE_BOOSTS, TypedText::ignored);
    private final CrossFieldExpander lenient =
            new CrossFieldExpander(SearchFields.TERM_BOOSTS, OpsAnalyzer.STOP_WORDS::contains);
    private final CrossFieldExpander context = new CrossFieldExpander(SearchFields.CONTEXT_BOOSTS, TypedText::ignored);
    /** Single-word synonyms only: marking multi-word ones would cost a postings lookup per word per hit. */
    private final CrossFieldExpander bodyTerms =
            new CrossFieldExpander(Map.of(SearchFields.BODY, 1f), Map.of(), TypedText::ignored);
    private final CrossFieldExpander body =
            new CrossFieldExpander(Map.of(SearchFields.BODY, 1f), TypedText::ignored);
    private final CrossFieldExpander text =
            new CrossFieldExpander(Map.of(SearchFields.TEXT, 1f), Map.of(), TypedText::ignored);

    public QueryBuilder(Synonyms synonyms) {
        this.synonyms = new org.apache.lucene.util.QueryBuilder(OpsAnalyzer.forQuery(synonyms));
        this.rules = synonyms;
        this.synonyms.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    /**
     * The query, or {@code null} when there is nothing to search for (blank text without filters, or only stop
     * words).
     *
     * @param reader the index to be searched, used to tell mistyped words from known ones
     * @throws IOException when the reader fails
     */
    public Query build(SearchQuery query, IndexReader reader) throws IOException {
        Prepared p = prepare(query, reader);
        if (p.bonus() == null) {
            return p.query();
        }
        return new BooleanQuery.Builder().add(p.query(), Occur.MUST).add(p.bonus(), Occur.SHOULD).build();
    }

    /**
     * A search in its parts, any of which may be null.
     *
     * @param query     finds and scores the candidate sections
     * @param bonus     adds to the score of the best candidates only (rescoring): words side by side, every
     *                  word present. Too costly to evaluate for every section that shares a word with the query
     * @param highlight what the snippets mark
     * @param probes    the words whose matches each hit reports
     */
    record Prepared(Query query, Query bonus, Query highlight, List<MatchExplainer.Probe> probes) {
        Prepared(Query query, Query bonus, Query highlight) {
            this(query, bonus, highlight, List.of());
        }
    }

    Prepared prepare(SearchQuery query, IndexReader reader) throws IOException {
        Query filter = filter(query);
        if (query.browsing()) {
            return new Prepared(filter, null, null);
        }
        TypedText typed = new TypedText(query.text(), synonyms);
        CommonWords commonWords = new CommonWords(reader, typed);
        Query text = text(typed, commonWords, reader);
        if (text == null) {
            return new Prepared(null, null, null);
        }
        if (filter != null) {
            text = new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
        }
        return new Prepared(text, bonus(typed, commonWords), highlight(typed), probes(typed));
    }

    /**
     * The words and phrases to mark in a hit's body text; {@code null} when there are none. Only terms and
     * phrases, no prefix or fuzzy parts, so the highlighter can read offsets from the index instead of
     * analysing every hit's text again.
     */
    private Query highlight(TypedText typed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        typed.quoted.forEach(p -> add(b, body.expand(p)));
        add(b, body.expand(typed.words));
        add(b, bodyTerms.expand(typed.withSynonyms));
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? null : q;
    }

    /** The typed words, then at most {@value #SYNONYM_PROBES} of their synonyms, to explain hits with. */
    private List<MatchExplainer.Probe> probes(TypedText typed) {
        List<MatchExplainer.Probe> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String word : typed.raw) {
            String stem = TypedText.stem(word);
            if (seen.add(stem)) {
                out.add(new MatchExplainer.Probe(word, stem, false));
            }
        }
        if (typed.withSynonyms != null) {
            Set<Term> terms = new java.util.LinkedHashSet<>();
            TypedText.visitInOrder(typed.withSynonyms, QueryVisitor.termCollector(terms));
            Set<String> synonyms = new java.util.LinkedHashSet<>();
            terms.forEach(t -> synonyms.add(t.text()));
            synonyms.stream().filter(t -> !seen.contains(t) && !TypedText.ignored(t)).limit(SYNONYM_PROBES)
                    .forEach(t -> out.add(new MatchExplainer.Probe(rules.spelling(t), t, true)));
        }
        return out;
    }

    private static void add(BooleanQuery.Builder b, Query q) {
        if (q != null) {
            b.add(q, Occur.SHOULD);
        }
    }

    private Query text(TypedText typed, CommonWords commonWords, IndexReader reader) throws IOException {
        CrossFieldExpander expander = this.expander.withAlternatives(typed.alternatives());
        expander = commonWords.any() ? expander.withCommonWords(commonWords) : expander;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean quoted = false;
        for (PhraseQuery p : typed.quoted) {
            Query phrase = expander.expand(p);
            if (phrase != null) {
                b.add(phrase, Occur.MUST);
                quoted = true;
            }
        }
        Query words = expander.expand(typed.words);
        if (words == null && typed.words != null) {
            words = lenient.expand(typed.words); // nothing but filler words: search for them after all
        }
        if (words == null) {
            return quoted ? b.build() : null;
        }
        // All clauses below are optional: without a quoted phrase a section must match at least one. The typed
        // words and their synonyms are separate clauses so that a multi-word synonym ("connection refused" =
        // "econnrefused") never turns the typed words themselves into a phrase, and so that synonyms only add.
        b.add(words, Occur.SHOULD);
        if (typed.withSynonyms != null && !typed.withSynonyms.equals(typed.words)) {
            CrossFieldExpander synonymExpander = this.synonymExpander.without(typed.stems());
            synonymExpander = commonWords.any() ? synonymExpander.withCommonWords(commonWords) : synonymExpander;
            Query synonymsOnly = synonymExpander.expand(wholePhrase(typed.withSynonyms, typed.stems()));
            if (synonymsOnly != null) {
                b.add(new BoostQuery(synonymsOnly, SearchFields.SYNONYM_BOOST), Occur.SHOULD);
            }
        }
        if (typed.pasted) {
            return b.build(); // a pasted line's rare words are ids and names, not typos nor half-typed words
        }
        typos(typed.raw, reader).forEach(q -> b.add(q, Occur.SHOULD));
        if (typed.partial != null && !known(typed.partial, reader)) {
            Query titles = new BoostQuery(new PrefixQuery(new Term(SearchFields.TITLE, typed.partial)), 2f);
            Query anywhere = new PrefixQuery(new Term(SearchFields.ALL, typed.partial));
            b.add(new BoostQuery(new DisjunctionMaxQuery(List.of(titles, anywhere), 0f), SearchFields.PREFIX_BOOST),
                    Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * The synonyms, weighted as the number of typed words they stand for when the query is one phrase a synonym
     * rule names ("rate limited": 429, throttling; "disk full": no space left, out of disk): a section saying
     * "Throttling" answers both typed words in other words, while one holding "rate" alone answers half of them,
     * so the synonym of the whole must not weigh as half a word. In a longer query ("prometheus keeps getting oom
     * killed") the other words tell the sections apart and the phrase's synonyms keep their usual weight.
     */
    private static Query wholePhrase(Query withSynonyms, Set<String> typedStems) {
        if (!(withSynonyms instanceof BooleanQuery all) || all.clauses().size() != 1
                || !(all.clauses().get(0).getQuery() instanceof BooleanQuery group)) {
            return withSynonyms;
        }
        int words = typedWordsSpanned(group, typedStems);
        long typed = typedStems.stream().filter(t -> !TypedText.ignored(t)).count();
        return words > 1 && words == typed ? new BoostQuery(withSynonyms, words) : withSynonyms;
    }

    /** How many typed words (not stop words) a synonym group's own path spells out; 0 when it has none. */
    private static int typedWordsSpanned(BooleanQuery group, Set<String> typedStems) {
        int most = 0;
        for (org.apache.lucene.search.BooleanClause c : group.clauses()) {
            if (c.getQuery() instanceof PhraseQuery p
                    && java.util.Arrays.stream(p.getTerms()).allMatch(t -> typedStems.contains(t.text()))) {
                most = Math.max(most, (int) java.util.Arrays.stream(p.getTerms())
                        .filter(t -> !TypedText.ignored(t.text())).count());
            }
        }
        return most;
    }

    /**
     * Bonus for every word present, words side by side, words in the context fields, and the body matches of
     * common words the first pass left out.
     */
    private Query bonus(TypedText typed, CommonWords commonWords) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        commonWords.typed().forEach(stem -> b.add(new TermQuery(new Term(SearchFields.TEXT, stem)), Occur.SHOULD));
        if (text.expand(typed.withSynonyms) instanceof BooleanQuery all && all.clauses().size() > 1) {
            // Sections holding every word (or a synonym of it) beat those with one word in a strong place
            // ("promote a redis replica"). The full text is enough to tell: it holds the headings too.
            BooleanQuery.Builder every = new BooleanQuery.Builder().setMinimumNumberShouldMatch(all.clauses().size());
            all.clauses().forEach(every::add);
            b.add(new BoostQuery(every.build(), SearchFields.ALL_WORDS_BOOST), Occur.SHOULD);
        }
        proximity(typed.sequence).forEach(q -> b.add(q, Occur.SHOULD));
        add(b, context.expand(typed.words));
        components(typed).forEach(q -> b.add(q, Occur.SHOULD));
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? null : q;
    }

    /**
     * A component's own name typed as a word of a short query ("celery", "pgbouncer down") lifts the sections
     * about that component by a constant, so they come before sections that only share a synonym with it
     * ("worker" for Celery and Sidekiq alike). Only in the bonus: a section matching none of the words is never
     * a hit by the lift. Aliases that are common words ("pod", "ssl", "certificate") and pasted lines, whose
     * words are mostly not what the user asks about, lift nothing.
     */
    private static List<Query> components(TypedText typed) {
        List<Query> out = new ArrayList<>();
        if (typed.pasted || typed.raw.size() > COMPONENT_LIFT_WORDS) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String word : typed.raw) {
            Components.standard().canonical(word).filter(name -> name.equalsIgnoreCase(word)).filter(seen::add)
                    .ifPresent(name -> {
                        Term about = new Term(SearchFields.COMPONENT, name.toLowerCase(Locale.ROOT));
                        out.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(about)),
                                SearchFields.COMPONENT_BOOST));
                    });
        }
        return out;
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
        if (!values.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            values.forEach(v -> b.add(new TermQuery(new Term(field, key.apply(v))), Occur.SHOULD));
            musts.add(b.build());
        }
    }

    /** Adjacent word pairs, and the whole text when longer, found close together earn a bonus. */
    private static List<Query> proximity(PhraseQuery all) {
        Term[] terms = all.getTerms();
        int[] pos = all.getPositions();
        List<Query> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.length; i++) {
            PhraseQuery pair = new PhraseQuery.Builder().setSlop(1)
                    .add(terms[i], 0).add(terms[i + 1], pos[i + 1] - pos[i]).build();
            out.add(perField(pair));
        }
        if (terms.length > 2) {
            out.add(new BoostQuery(perField(all), 1.5f));
        }
        return out;
    }

    private static Query perField(PhraseQuery p) {
        List<Query> perField = new ArrayList<>();
        SearchFields.PHRASE_BOOSTS.forEach((f, boost) -> {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.getSlop());
            for (int i = 0; i < p.getTerms().length; i++) {
                b.add(new Term(f, p.getTerms()[i].bytes()), p.getPositions()[i]);
            }
            perField.add(new BoostQuery(b.build(), boost));
        });
        return new DisjunctionMaxQuery(perField, 0f);
    }

    /**
     * Words of four letters or more that the index does not know, as written or stemmed, also match with
     * typos. Known words skip this: edit automata are the most expensive part of a query. Numbers and codes
     * (429, 5xx, x509) must match exactly.
     */
    private List<Query> typos(List<String> words, IndexReader reader) throws IOException {
        List<Query> out = new ArrayList<>();
        for (String word : words) {
            if (word.length() >= 4 && word.chars().allMatch(Character::isLetter) && !known(word, reader)) {
                out.add(typoQueries.of(word));
            }
        }
        return out;
    }

    /**
     * Whether the index knows the word, as written or stemmed. Only unknown words are matched with typos or,
     * while being typed, as prefixes: a known word already matches, and expanding it costs much.
     */
    private static boolean known(String word, IndexReader reader) throws IOException {
        return reader.docFreq(new Term(SearchFields.ALL, word)) > TYPO_MAX_DOC_FREQ
                || reader.docFreq(new Term(SearchFields.BODY, TypedText.stem(word))) > TYPO_MAX_DOC_FREQ;
    }
}
