package dev.incidentconsole.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Spreads a query analysed against one placeholder field over the real fields, term by term: each word (or
 * synonym group, or multi-word synonym phrase) becomes the weighted sum of its matches in the full text and, on
 * top, in the heading, alerts and symptoms (a {@link DisjunctionMaxQuery} whose tie breaker of 1 adds them up),
 * so sections covering more of the query's words rank higher. Stop words are dropped here, not in the
 * analyser, because multi-word synonyms ("out of memory") need them to match; phrases keep their positions.
 * Thread-safe.
 */
final class CrossFieldExpander {

    private final Map<String, Float> fields;
    private final Map<String, Float> phraseFields;
    private final Predicate<String> ignored;
    private final Predicate<String> common;
    /** Terms left out: the typed words themselves, when this expander is for their synonyms. */
    private final Set<String> excluded;
    /** Single-word synonyms of typed words, matched as weaker occurrences of the word itself. */
    private final Map<String, List<String>> alternatives;

    /**
     * @param fields       field names and the weight of a match in each
     * @param phraseFields where phrases (multi-word synonyms, quoted text) are looked for: reading positions
     *                     costs more than reading terms, so expanders of synonyms keep them to short fields
     * @param ignored      analysed words to leave out (stop words, filler words)
     */
    CrossFieldExpander(Map<String, Float> fields, Map<String, Float> phraseFields, Predicate<String> ignored) {
        this(fields, phraseFields, ignored, t -> false);
    }

    private CrossFieldExpander(Map<String, Float> fields, Map<String, Float> phraseFields, Predicate<String> ignored,
                               Predicate<String> common) {
        this(fields, phraseFields, ignored, common, Set.of(), Map.of());
    }

    private CrossFieldExpander(Map<String, Float> fields, Map<String, Float> phraseFields, Predicate<String> ignored,
                               Predicate<String> common, Set<String> excluded,
                               Map<String, List<String>> alternatives) {
        this.fields = fields;
        this.phraseFields = phraseFields;
        this.ignored = ignored;
        this.common = common;
        this.excluded = excluded;
        this.alternatives = alternatives;
    }

    /**
     * The same expander without the given terms: a synonym group then adds only the words that were not typed,
     * so a typed word counts once however many synonyms it has.
     */
    CrossFieldExpander without(Set<String> terms) {
        return new CrossFieldExpander(fields, phraseFields, ignored, common, terms, alternatives);
    }

    /**
     * The same expander, but a typed word with single-word synonyms matches them as weaker occurrences of itself
     * ({@link SearchFields#SYNONYM_BOOST} of a term frequency) in the fields synonyms are looked for in: a section
     * holding the word or a synonym, or both, scores as holding the one concept, so a runbook repeating every
     * synonym of "OOM" does not outrank the one that also names the service.
     */
    CrossFieldExpander withAlternatives(Map<String, List<String>> alternatives) {
        return new CrossFieldExpander(fields, phraseFields, ignored, common, excluded, alternatives);
    }

    /**
     * The same expander, but words found in a large share of all sections are not looked up in the body:
     * scoring their long body postings for every section is what makes a search slow, while their matches in
     * headings and symptoms still count (the caller adds their body score when rescoring the best candidates).
     */
    CrossFieldExpander withCommonWords(Predicate<String> isCommon) {
        return new CrossFieldExpander(fields, phraseFields, ignored, isCommon, excluded, alternatives);
    }

    private Map<String, Float> fieldsFor(List<String> words) {
        if (!fields.containsKey(SearchFields.TEXT) || words.stream().noneMatch(common)) {
            return fields;
        }
        Map<String, Float> narrowed = new java.util.LinkedHashMap<>(fields);
        narrowed.remove(SearchFields.TEXT);
        return narrowed;
    }

    CrossFieldExpander(Map<String, Float> fields, Predicate<String> ignored) {
        this(fields, fields, ignored);
    }

    /** The query over the real fields, or {@code null} when nothing but ignored words is left (or q is null). */
    Query expand(Query q) {
        if (q == null) {
            return null;
        }
        if (q instanceof TermQuery tq) {
            return term(tq.getTerm().bytes());
        }
        if (q instanceof SynonymQuery sq) {
            return synonyms(sq.getTerms());
        }
        if (q instanceof PhraseQuery pq) {
            return phrase(pq);
        }
        if (q instanceof BoostQuery bq) {
            Query inner = expand(bq.getQuery());
            return inner == null ? null : new BoostQuery(inner, bq.getBoost());
        }
        if (q instanceof BooleanQuery bq) {
            return bool(bq);
        }
        throw new IllegalArgumentException("unexpected query from analysis: " + q.getClass().getSimpleName());
    }

    private Query term(BytesRef bytes) {
        String text = bytes.utf8ToString();
        if (ignored.test(text) || excluded.contains(text)) {
            return null;
        }
        List<String> others = alternatives.getOrDefault(text, List.of());
        List<Query> perField = new ArrayList<>();
        fieldsFor(List.of(text)).forEach((f, boost) -> {
            Query q = new TermQuery(new Term(f, bytes));
            if (!others.isEmpty() && SearchFields.SYNONYM_BOOSTS.containsKey(f)) {
                SynonymQuery.Builder b = new SynonymQuery.Builder(f).addTerm(new Term(f, bytes));
                others.forEach(o -> b.addTerm(new Term(f, o), SearchFields.SYNONYM_BOOST));
                q = b.build();
            }
            perField.add(new BoostQuery(q, boost));
        });
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, SearchFields.TIE_BREAKER);
    }

    private Query synonyms(List<Term> terms) {
        if (terms.stream().anyMatch(t -> excluded.contains(t.text()))) {
            return null; // a typed word's group: its single-word synonyms count with the word (withAlternatives)
        }
        List<Term> kept = terms.stream()
                .filter(t -> !ignored.test(t.text()) && !excluded.contains(t.text())).toList();
        if (kept.size() <= 1) {
            return kept.isEmpty() ? null : term(kept.get(0).bytes());
        }
        List<Query> perField = new ArrayList<>();
        fieldsFor(kept.stream().map(Term::text).toList()).forEach((f, boost) -> {
            SynonymQuery.Builder b = new SynonymQuery.Builder(f);
            kept.forEach(t -> b.addTerm(new Term(f, t.bytes())));
            perField.add(new BoostQuery(b.build(), boost));
        });
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, SearchFields.TIE_BREAKER);
    }

    private Query phrase(PhraseQuery pq) {
        Term[] terms = pq.getTerms();
        int[] positions = pq.getPositions();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            if (!ignored.test(terms[i].text())) {
                kept.add(i);
            }
        }
        if (kept.size() <= 1) {
            return kept.isEmpty() ? null : term(terms[kept.get(0)].bytes());
        }
        if (phraseFields.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        phraseFields.forEach((f, boost) -> {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(pq.getSlop());
            // Positions are kept, so "out of memory" matches text where the index dropped "of" too.
            kept.forEach(i -> b.add(new Term(f, terms[i].bytes()), positions[i] - positions[kept.get(0)]));
            perField.add(new BoostQuery(b.build(), boost));
        });
        return new DisjunctionMaxQuery(perField, SearchFields.TIE_BREAKER);
    }

    private Query bool(BooleanQuery bq) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (BooleanClause c : bq.clauses()) {
            Query expanded = expand(c.getQuery());
            if (expanded != null) {
                b.add(expanded, c.getOccur());
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        b.setMinimumNumberShouldMatch(Math.min(bq.getMinimumNumberShouldMatch(), clauses));
        return b.build();
    }
}
