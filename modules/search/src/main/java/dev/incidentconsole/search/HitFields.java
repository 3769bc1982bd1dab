package dev.incidentconsole.search;

import dev.incidentconsole.runbook.SectionKind;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads hits' fields from one segment's doc values. Doc values iterate forwards only, so documents must come
 * in increasing order; one reader per segment and batch of hits. Not thread-safe.
 */
final class HitFields {

    private final SortedDocValues file;
    private final SortedDocValues kind;
    private final NumericDocValues line;
    private final BinaryDocValues title;
    private final BinaryDocValues path;
    private final BinaryDocValues components;
    private final BinaryDocValues body;

    HitFields(LeafReader reader) throws IOException {
        file = DocValues.getSorted(reader, SearchFields.FILE);
        kind = DocValues.getSorted(reader, SearchFields.KIND);
        line = DocValues.getNumeric(reader, SearchFields.LINE);
        title = DocValues.getBinary(reader, SearchFields.RUNBOOK_TITLE);
        path = DocValues.getBinary(reader, SearchFields.PATH);
        components = DocValues.getBinary(reader, SearchFields.COMPONENT_NAME);
        body = DocValues.getBinary(reader, SearchFields.BODY_TEXT);
    }

    /** The hit for a document of this segment; {@code snippet} null for the start of the body text. */
    SearchHit hit(int doc, float score, Snippet snippet, List<Match> matched) throws IOException {
        return new SearchHit(Path.of(sorted(file, doc)), binary(title, doc), list(binary(path, doc)),
                line.advanceExact(doc) ? (int) line.longValue() : 0, SectionKind.valueOf(sorted(kind, doc)),
                Float.isNaN(score) ? 0f : score, snippet == null ? fallback(binary(body, doc)) : snippet,
                list(binary(components, doc)), matched);
    }

    private static String sorted(SortedDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    private static String binary(BinaryDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SectionDocuments.LIST_SEPARATOR));
    }

    private static Snippet fallback(String body) {
        return SnippetFormatter.lead(body, BodySnippets.LENGTH);
    }
}
