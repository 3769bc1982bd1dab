package dev.incidentconsole.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the first pass looks up for a typed query (the postings it reads are what a search costs). */
class QueryBuilderTest {

    private final QueryBuilder builder = new QueryBuilder(Synonyms.bundled());

    @Test
    void aWordWithoutSynonymsIsLookedUpOnceInHeadingsWhileSynonymsOfTheOthersStillCount() throws IOException {
        List<Term> terms = terms("cert expired checkout");

        assertThat(terms).filteredOn(t -> t.text().equals("checkout") && t.field().equals(SearchFields.TITLE))
                .as("title:checkout").hasSize(1);
        assertThat(terms).filteredOn(t -> t.text().equals("checkout") && t.field().equals(SearchFields.SYMPTOM))
                .as("symptom:checkout").hasSize(1);
        assertThat(terms).extracting(Term::text).as("synonyms of cert").contains("certif", "ssl", "x509");
    }

    @Test
    void withoutAnySynonymTheWordsKeepTheirPlainWeights() throws IOException {
        List<Term> terms = terms("checkout inventory");
        assertThat(terms).filteredOn(t -> t.text().equals("checkout") && t.field().equals(SearchFields.TITLE))
                .hasSize(1);
    }

    /** The terms of the first-pass query, once per place they are looked up, over an index of one document. */
    private List<Term> terms(String typed) throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                Query query = builder.prepare(SearchQuery.of(typed + " "), reader).query();
                List<Term> terms = new ArrayList<>();
                query.visit(new QueryVisitor() {
                    @Override
                    public void consumeTerms(Query q, Term... found) {
                        terms.addAll(List.of(found));
                    }

                    @Override
                    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                        return this;
                    }
                });
                return terms;
            }
        }
    }
}
