package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a runbook into search documents, one per unit an engineer would land on: a heading together with the
 * bold-labelled parts under it (Symptoms, Diagnosis, Resolution...), so "429" finds the rate limiting
 * procedure as a whole rather than its Diagnosis label alone. Headings without content of their own (a
 * "Common Issues" that only groups sub-headings) produce no document; their words reach the sub-sections
 * through the heading path.
 */
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
        List<Document> docs = new ArrayList<>();
        List<Section> unit = new ArrayList<>();
        List<String> carried = new ArrayList<>();
        for (Section s : runbook.sections()) {
            if (!s.label() && !unit.isEmpty()) {
                addUnit(runbook, unit, carried, docs);
                unit.clear();
            }
            unit.add(s);
        }
        if (!unit.isEmpty()) {
            addUnit(runbook, unit, carried, docs);
        }
        return docs;
    }

    /**
     * Adds the unit's document. A heading with nothing under it but sub-headings (a "# KubePodCrashLooping"
     * over "## Meaning") makes none; the alerts it names are carried to the next unit instead.
     */
    private static void addUnit(Runbook runbook, List<Section> unit, List<String> carried, List<Document> docs) {
        Section head = unit.get(0);
        StringBuilder body = new StringBuilder(head.text().strip());
        Set<String> symptoms = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        List<Command> commands = new ArrayList<>();
        for (Section s : unit) {
            if (s != head) {
                String text = s.text().strip();
                // The label is usually part of its own first paragraph ("Symptoms: ..."); name it only if not.
                String lead = text.startsWith(s.title()) ? "" : s.title() + ": ";
                body.append(body.length() > 0 ? "\n" : "").append(lead).append(text);
            }
            symptoms.addAll(s.symptoms());
            components.addAll(s.components());
            kinds.add(s.kind().label());
            commands.addAll(s.commands());
        }
        carried.addAll(alertsOf(runbook, unit));
        if (symptoms.isEmpty() && unit.stream().noneMatch(SectionDocuments::hasContent)) {
            return;
        }
        List<String> alerts = List.copyOf(new LinkedHashSet<>(carried));
        carried.clear();
        Document doc = new Document();
        String file = fileKey(runbook.file());
        // What a hit shows is kept in doc values: reading them for twenty hits costs far less than stored fields.
        doc.add(new StringField(SearchFields.FILE, file, Field.Store.NO));
        doc.add(new SortedDocValuesField(SearchFields.FILE, new BytesRef(file)));
        doc.add(new NumericDocValuesField(SearchFields.LINE, head.line()));
        doc.add(new BinaryDocValuesField(SearchFields.RUNBOOK_TITLE, new BytesRef(runbook.title())));
        doc.add(new BinaryDocValuesField(SearchFields.PATH, new BytesRef(String.join(LIST_SEPARATOR, head.path()))));
        doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(head.kind().name())));
        doc.add(new BinaryDocValuesField(SearchFields.COMPONENT_NAME,
                new BytesRef(String.join(LIST_SEPARATOR, components))));
        kinds.forEach(k -> doc.add(new StringField(SearchFields.KINDS, k, Field.Store.NO)));
        components.forEach(c ->
                doc.add(new StringField(SearchFields.COMPONENT, c.toLowerCase(Locale.ROOT), Field.Store.NO)));
        String title = head.title();
        text(doc, SearchFields.TITLE, title);
        List<String> ancestors = new ArrayList<>(head.path().subList(0, Math.max(0, head.path().size() - 1)));
        if (!ancestors.contains(runbook.title())) {
            ancestors.add(0, runbook.title());
        }
        text(doc, SearchFields.ANCESTORS, String.join("\n", ancestors));
        for (String a : alerts) {
            text(doc, SearchFields.ALERT, a);
        }
        symptoms.forEach(s -> text(doc, SearchFields.SYMPTOM, s));
        commands.forEach(c -> text(doc, SearchFields.COMMAND, c.text()));
        doc.add(new Field(SearchFields.BODY, body.toString(), BODY_TYPE));
        doc.add(new BinaryDocValuesField(SearchFields.BODY_TEXT, new BytesRef(body)));
        String all = String.join("\n", title, String.join("\n", ancestors), String.join("\n", alerts),
                String.join("\n", symptoms), String.join("\n", components), body);
        text(doc, SearchFields.ALL, all);
        docs.add(doc);
    }

    /** Whether the section has text of its own besides its heading line. */
    private static boolean hasContent(Section s) {
        return s.blocks().stream().anyMatch(b -> !(b instanceof Block.Text t)
                || (t.type() != Block.TextType.HEADING && !t.plain().isBlank()));
    }

    /** Alerts named by the unit's heading or one of its labelled parts. */
    private static List<String> alertsOf(Runbook runbook, List<Section> unit) {
        Set<List<String>> paths = new HashSet<>();
        unit.forEach(s -> paths.add(s.path()));
        return runbook.alerts().stream().filter(a -> paths.contains(a.sectionPath()))
                .map(Alert::name).distinct().toList();
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
