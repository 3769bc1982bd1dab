package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Turns a runbook into search documents, one per {@link SectionUnit}. */
final class SectionDocuments {

    /** Joins list values (heading path, components) in one doc value. */
    static final String LIST_SEPARATOR = "\u001f";
    /**
     * Offsets in the postings so snippets need no re-analysis of the text. The text itself is kept in doc
     * values ({@link SearchFields#BODY_TEXT}), not stored: a stored field is read by decompressing a whole
     * block of neighbouring documents, which was a fifth of a search's work on a large index.
     */
    private static final FieldType BODY_TYPE = bodyType();

    private SectionDocuments() {
    }

    /** The key the index stores a runbook's file under; also what {@link RunbookIndex#remove} matches. */
    static String fileKey(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    static List<Document> of(Runbook runbook) {
        return SectionUnit.of(runbook).stream().map(SectionDocuments::document).toList();
    }

    private static Document document(SectionUnit unit) {
        Section head = unit.head();
        Document doc = new Document();
        String file = fileKey(unit.runbook().file());
        // What a hit shows is kept in doc values: reading them for twenty hits costs far less than stored fields.
        doc.add(new StringField(SearchFields.FILE, file, Field.Store.NO));
        doc.add(new SortedDocValuesField(SearchFields.FILE, new BytesRef(file)));
        doc.add(new NumericDocValuesField(SearchFields.LINE, head.line()));
        doc.add(new BinaryDocValuesField(SearchFields.RUNBOOK_TITLE, new BytesRef(unit.runbook().title())));
        doc.add(new BinaryDocValuesField(SearchFields.PATH, new BytesRef(String.join(LIST_SEPARATOR, head.path()))));
        doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(head.kind().name())));
        doc.add(new BinaryDocValuesField(SearchFields.COMPONENT_NAME,
                new BytesRef(String.join(LIST_SEPARATOR, unit.components()))));
        unit.kinds().forEach(k -> doc.add(new StringField(SearchFields.KINDS, k, Field.Store.NO)));
        unit.components().forEach(c ->
                doc.add(new StringField(SearchFields.COMPONENT, c.toLowerCase(Locale.ROOT), Field.Store.NO)));
        String title = head.title();
        text(doc, SearchFields.TITLE, title);
        List<String> ancestors = unit.ancestors();
        text(doc, SearchFields.ANCESTORS, String.join("\n", ancestors));
        unit.alerts().forEach(a -> text(doc, SearchFields.ALERT, a));
        unit.symptoms().forEach(s -> text(doc, SearchFields.SYMPTOM, s));
        unit.commands().forEach(c -> text(doc, SearchFields.COMMAND, c.text()));
        String body = unit.body();
        doc.add(new Field(SearchFields.BODY, body, BODY_TYPE));
        doc.add(new BinaryDocValuesField(SearchFields.BODY_TEXT, new BytesRef(body)));
        // The headings once each: the runbook's title is already the title section's own heading.
        String headings = head.path().contains(unit.runbook().title()) ? head.pathString()
                : unit.runbook().title() + "\n" + head.pathString();
        // Headings are often names (KubePersistentVolumeInodesFillingUp): split, their words count as full text.
        // The body is not split: its snake_case and CamelCase words are mostly code, where splitting cost relevance.
        doc.add(new Field(SearchFields.TEXT, OpsAnalyzer.splitTokens(SearchFields.TEXT, headings),
                TextField.TYPE_NOT_STORED));
        text(doc, SearchFields.TEXT, body);
        String all = String.join("\n", title, String.join("\n", ancestors), String.join("\n", unit.alerts()),
                String.join("\n", unit.symptoms()), String.join("\n", unit.components()), body);
        text(doc, SearchFields.ALL, all);
        return doc;
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }
}
