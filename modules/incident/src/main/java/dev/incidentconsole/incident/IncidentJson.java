package dev.incidentconsole.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON form of incidents and entries, as described in {@code docs/incident-json-schema.md}: the
 * export/import format and the payload the stores keep. Thread-safe.
 */
public final class IncidentJson {
    /** Version of the export format; imports refuse newer versions. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Newer minor additions (unknown fields) must not stop an import.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // ... nor an enum's newer value, where the enum names a default (RunOutcome).
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private IncidentJson() {
    }

    /** The configured mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One entry as compact JSON (the stores' payload and journal line). */
    public static String writeEntry(TimelineEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Entry " + entry.id() + " cannot be written as JSON.", e);
        }
    }

    /** Reads what {@link #writeEntry} wrote. */
    public static TimelineEntry readEntry(String json) throws StoreException {
        try {
            return MAPPER.readValue(json, TimelineEntry.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "A stored timeline entry is not valid JSON ("
                    + shortMessage(e) + "); the store may be damaged.", e);
        }
    }

    public static String writeIncident(Incident incident) {
        try {
            return MAPPER.writeValueAsString(incident);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Incident " + incident.id() + " cannot be written as JSON.", e);
        }
    }

    public static Incident readIncident(String json) throws StoreException {
        try {
            return MAPPER.readValue(json, Incident.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "A stored incident is not valid JSON ("
                    + shortMessage(e) + "); the store may be damaged.", e);
        }
    }

    static EntryBody bodyFromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, EntryBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A redacted entry body no longer reads back: " + shortMessage(e), e);
        }
    }

    /** The export document, secrets masked by {@code redactor}, pretty-printed. */
    public static String writeDocument(IncidentDocument document, Redactor redactor, Clock clock) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("generator", "Incident Console");
        root.put("exportedAt", clock.instant().toString());
        root.set("incident", MAPPER.valueToTree(document.incident()));
        root.set("milestones", milestones(Milestones.of(document)));
        root.set("entries", MAPPER.valueToTree(document.inEventOrder()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(redactor.redactTree(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Incident " + document.incident().id() + " cannot be exported.", e);
        }
    }

    /** Informative, as {@code incident} is: an import derives them again from the entries. */
    private static ObjectNode milestones(Milestones m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("impactBegan", m.impactBegan().toString());
        n.put("firstSignal", m.firstSignal());
        n.put("detected", m.detected().toString());
        n.put("acknowledged", m.acknowledged() == null ? null : m.acknowledged().toString());
        n.put("mitigated", m.mitigated() == null ? null : m.mitigated().toString());
        n.put("mitigationMarked", m.mitigated() != null);
        n.put("resolved", m.resolved() == null ? null : m.resolved().toString());
        n.put("timeToDetectSeconds", m.timeToDetect().toSeconds());
        n.put("timeToAcknowledgeSeconds", m.timeToAcknowledge() == null ? null : m.timeToAcknowledge().toSeconds());
        n.put("timeToMitigateSeconds", m.timeToMitigate() == null ? null : m.timeToMitigate().toSeconds());
        n.put("timeToResolveSeconds", m.timeToResolve() == null ? null : m.timeToResolve().toSeconds());
        return n;
    }

    /**
     * Reads an export written by {@link #writeDocument}. The incident is derived again from the entries
     * (the exported {@code incident} object is informative only).
     *
     * @throws StoreException INVALID_INPUT naming the field that is wrong
     */
    public static IncidentDocument readDocument(String json) throws StoreException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("it is not JSON (" + shortMessage(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("it is not a JSON object", null);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw invalid("field 'schemaVersion' is missing", null);
        }
        if (version.asInt() > SCHEMA_VERSION) {
            throw invalid("it has schemaVersion " + version.asInt() + ", newer than this version reads ("
                    + SCHEMA_VERSION + "); update Incident Console", null);
        }
        JsonNode entriesNode = root.get("entries");
        if (entriesNode == null || !entriesNode.isArray() || entriesNode.isEmpty()) {
            throw invalid("field 'entries' is missing or empty", null);
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entriesNode.size(); i++) {
            TimelineEntry e;
            try {
                e = MAPPER.treeToValue(entriesNode.get(i), TimelineEntry.class);
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                throw invalid("entries[" + i + "] is not a valid entry (" + shortMessage(ex) + ")", ex);
            }
            if (!e.incidentId().equals(entriesNode.get(0).path("incidentId").asText())) {
                throw invalid("entries[" + i + "] belongs to incident " + e.incidentId() + ", not the first entry's", null);
            }
            if (seen.add(e.id())) {
                entries.add(e);
            }
        }
        try {
            // Exports list entries by when they happened; the store numbers them in the order they were recorded.
            return IncidentDocument.of(TimelineOrder.byRecording(entries));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    static String shortMessage(Exception e) {
        if (e instanceof JsonMappingException m) {
            String path = m.getPathReference();
            return m.getOriginalMessage() + (path == null ? "" : " at " + path);
        }
        if (e instanceof JsonProcessingException p) {
            return p.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static StoreException invalid(String what, Exception cause) {
        return new StoreException(StoreException.Reason.INVALID_INPUT,
                "The file is not an incident export Incident Console can import: " + what + ".", cause);
    }

}
