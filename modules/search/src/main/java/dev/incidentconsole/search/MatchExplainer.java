package dev.incidentconsole.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which query words a hit holds in which field, by looking the words' terms up in the hit's postings (a
 * few dozen lookups for a screen of hits, no re-analysis of the text). Each word is reported once, at the most
 * telling field it is in. Not thread-safe: one per segment and batch of hits, documents in increasing order.
 */
final class MatchExplainer {

    /** A word to explain: as shown, the term the index holds, whether it stands for a synonym. */
    record Probe(String word, String term, boolean synonym) {
    }

    /** Fields in the order a match is reported from: the first field holding the term wins. */
    private static final Map<String, Match.Field> FIELDS = fields();

    private final LeafReader reader;
    private final List<Probe> probes;
    private final Map<String, TermsEnum> enums = new LinkedHashMap<>();

    MatchExplainer(LeafReader reader, List<Probe> probes) {
        this.reader = reader;
        this.probes = probes;
    }

    /** The matches of a document of this segment, typed words first. */
    List<Match> explain(int doc) throws IOException {
        List<Match> out = new ArrayList<>();
        for (Probe p : probes) {
            if (p.synonym()) {
                if (holds(SearchFields.TEXT, p.term(), doc)) {
                    out.add(new Match(p.word(), Match.Field.SYNONYM));
                }
                continue;
            }
            for (Map.Entry<String, Match.Field> f : FIELDS.entrySet()) {
                if (holds(f.getKey(), p.term(), doc)) {
                    out.add(new Match(p.word(), f.getValue()));
                    break;
                }
            }
        }
        return out;
    }

    private boolean holds(String field, String term, int doc) throws IOException {
        TermsEnum te = enums.computeIfAbsent(field, this::termsEnum);
        if (te == null || !te.seekExact(new BytesRef(term))) {
            return false;
        }
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        return postings.advance(doc) == doc;
    }

    private TermsEnum termsEnum(String field) {
        try {
            Terms terms = reader.terms(field);
            return terms == null ? null : terms.iterator();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Match.Field> fields() {
        Map<String, Match.Field> m = new LinkedHashMap<>();
        m.put(SearchFields.TITLE, Match.Field.HEADING);
        m.put(SearchFields.ALERT, Match.Field.ALERT);
        m.put(SearchFields.SYMPTOM, Match.Field.SYMPTOM);
        m.put(SearchFields.BODY, Match.Field.TEXT);
        m.put(SearchFields.COMMAND, Match.Field.TEXT);
        m.put(SearchFields.ANCESTORS, Match.Field.CONTEXT);
        return m;
    }
}
