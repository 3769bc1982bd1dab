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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void aTypedComponentNameLiftsItsSectionsOnlyAmongThoseMatchingTheWords() throws IOException {
        assertThat(terms("sidekiq backlog")).noneMatch(t -> t.field().equals(SearchFields.COMPONENT));
        assertThat(terms("sidekiq backlog", QueryBuilder.Prepared::bonus))
                .contains(new Term(SearchFields.COMPONENT, "sidekiq"));
    }

    @ParameterizedTest(name = "\"{0}\" lifts no component")
    @ValueSource(strings = {"pods pending", "ssl certificate expired", "sidekiq jobs stuck in the retry queue",
        "2024-05-01T10:00:00Z ERROR worker=sidekiq msg=\"connection refused\" host=10.0.0.7"})
    void commonAliasesLongQueriesAndPastedLinesLiftNoComponent(String typed) throws IOException {
        assertThat(terms(typed, QueryBuilder.Prepared::bonus)).noneMatch(t -> t.field().equals(SearchFields.COMPONENT));
        assertThat(terms(typed)).noneMatch(t -> t.field().equals(SearchFields.COMPONENT));
    }

    private List<Term> terms(String typed) throws IOException {
        return terms(typed, QueryBuilder.Prepared::query);
    }

    /** The terms of one part of the query, once per place they are looked up, over an index of one document. */
    private List<Term> terms(String typed, java.util.function.Function<QueryBuilder.Prepared, Query> part)
            throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                Query query = part.apply(builder.prepare(SearchQuery.of(typed + " "), reader));
                List<Term> terms = new ArrayList<>();
                if (query == null) {
                    return terms;
                }
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
