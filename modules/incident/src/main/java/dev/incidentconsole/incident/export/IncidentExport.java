package dev.incidentconsole.incident.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.List;

/**
 * Exports an incident as a Markdown postmortem, JSON (importable, see {@code docs/incident-json-schema.md})
 * or one self-contained HTML page, and reads the JSON back. Every export masks secrets again with the
 * options' redactor. Pure functions: thread-safe, no I/O.
 */
public final class IncidentExport {
    private IncidentExport() {
    }

    public static String markdown(IncidentDocument doc, ExportOptions options) {
        return MarkdownExport.render(redact(doc, options), options);
    }

    public static String html(IncidentDocument doc, ExportOptions options) {
        return HtmlExport.render(redact(doc, options), options);
    }

    public static String json(IncidentDocument doc, ExportOptions options) {
        return IncidentJson.writeDocument(doc, options.redactor(), options.clock());
    }

    /**
     * Reads a JSON export for {@code IncidentStore.importDocument}.
     *
     * @throws StoreException INVALID_INPUT naming what is wrong with the file
     */
    public static IncidentDocument fromJson(String json) throws StoreException {
        return IncidentJson.readDocument(json);
    }

    /** The document with every text masked: entries one by one, the derived incident through its JSON tree. */
    static IncidentDocument redact(IncidentDocument doc, ExportOptions options) {
        List<TimelineEntry> entries = doc.entries().stream().map(options.redactor()::redact).toList();
        JsonNode tree = options.redactor().redactTree(IncidentJson.mapper().valueToTree(doc.incident()));
        try {
            return new IncidentDocument(IncidentJson.mapper().treeToValue(tree, Incident.class), entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A redacted incident no longer reads back", e);
        }
    }
}
