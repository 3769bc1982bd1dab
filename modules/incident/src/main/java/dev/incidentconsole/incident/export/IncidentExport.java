package dev.incidentconsole.incident.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
        return MarkdownExport.render(redact(named(doc, options), options), options);
    }

    public static String html(IncidentDocument doc, ExportOptions options) {
        return HtmlExport.render(redact(named(doc, options), options), options);
    }

    /** Runbook files as recorded: the JSON is read back by {@code incident import} and scripts, not by a reviewer. */
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

    static IncidentDocument redact(IncidentDocument doc, ExportOptions options) {
        return options.redactor().redact(doc);
    }

    /**
     * The document with its runbook files (each {@code file} next to a {@code headingPath}: links and step sources)
     * named by {@link ExportOptions#runbookFile}, for the exports people read. The store keeps the full path.
     */
    static IncidentDocument named(IncidentDocument doc, ExportOptions options) {
        List<TimelineEntry> entries = doc.entries().stream().map(e -> named(e, TimelineEntry.class, options)).toList();
        return new IncidentDocument(named(doc.incident(), Incident.class, options), entries);
    }

    private static <T> T named(T value, Class<T> type, ExportOptions options) {
        JsonNode tree = IncidentJson.mapper().valueToTree(value);
        if (!rename(tree, options)) {
            return value;
        }
        try {
            return IncidentJson.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A renamed " + type.getSimpleName() + " no longer reads back", e);
        }
    }

    private static boolean rename(JsonNode node, ExportOptions options) {
        boolean changed = false;
        if (node instanceof ObjectNode o && o.get("file") instanceof TextNode file && o.has("headingPath")) {
            String named = options.runbookFile(file.asText());
            if (!named.equals(file.asText())) {
                o.put("file", named);
                changed = true;
            }
        }
        for (JsonNode child : node) {
            changed |= rename(child, options);
        }
        return changed;
    }
}
