package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardstick search is measured against, and nothing more: textbook BM25 (Lucene's defaults) over the same
 * sections, each one field of its heading path plus its own text, analysed by Lucene's {@link EnglishAnalyzer}.
 * No synonyms, no typo handling, no field weights.
 */
final class Bm25Baseline implements Closeable {

    private static final String TEXT = "text";
    private static final String FILE = "file";
    private static final String PATH = "path";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25Baseline(List<Runbook> runbooks) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Runbook runbook : runbooks) {
                for (SectionUnit unit : SectionUnit.of(runbook)) {
                    Document doc = new Document();
                    doc.add(new TextField(TEXT, String.join("\n", unit.head().path()) + "\n" + unit.body(),
                            Field.Store.NO));
                    doc.add(new StoredField(FILE, SectionDocuments.fileKey(runbook.file())));
                    doc.add(new StoredField(PATH, unit.head().pathString()));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    /** The best sections for the text, best first: file key and heading path. */
    List<QualityJudge.Ranked> search(String text, int limit) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text);
        if (query == null) {
            return List.of();
        }
        try {
            List<QualityJudge.Ranked> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(query, limit).scoreDocs) {
                Document doc = searcher.storedFields().document(d.doc);
                out.add(new QualityJudge.Ranked(doc.get(FILE), doc.get(PATH)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
