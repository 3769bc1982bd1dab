package dev.incidentconsole.incident.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.TimelineEntry;

/**
 * What happens to an entry before any store writes it: secrets masked, and captured output capped so a
 * runaway command (a 50 MB log dump) cannot bloat the timeline; the start and end of it are what an
 * engineer reads, and the cut is marked; NUL characters, which PostgreSQL refuses in text, marked {@code ␀}.
 */
final class EntryPreparation {
    /** Longest stored output, in characters; the first and last halves are kept. */
    static final int MAX_OUTPUT_CHARS = 1 << 20;

    private EntryPreparation() {
    }

    static TimelineEntry prepare(TimelineEntry entry, Redactor redactor) {
        TimelineEntry e = entry.withSeq(0);
        if (e.body() instanceof EntryBody.StepFinished f && f.output().length() > MAX_OUTPUT_CHARS) {
            e = e.withBody(new EntryBody.StepFinished(f.command(), f.target(), f.exitCode(), f.durationMillis(),
                    cap(f.output()), f.started(), f.notRun(), f.outcome()));
        }
        return withoutNul(redactor.redact(e));
    }

    /**
     * The entry with each NUL character replaced by {@code ␀}: PostgreSQL refuses NUL in text (a title, an author:
     * the columns beside the JSON), so an incident started offline with one in its title would be refused, and its
     * every entry with it, when the journal is sent. Captured output may hold one; the mark shows where it was.
     */
    static TimelineEntry withoutNul(TimelineEntry e) {
        String json = IncidentJson.writeEntry(e);
        if (!json.contains("\\u0000")) {
            return e;
        }
        try {
            JsonNode tree = IncidentJson.mapper().readTree(json);
            return IncidentJson.mapper().treeToValue(replaceNul(tree), TimelineEntry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Entry " + e.id() + " does not read back from its own JSON.", ex);
        }
    }

    private static JsonNode replaceNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace('\u0000', '\u2400'));
        }
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(f -> f.setValue(replaceNul(f.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                a.set(k, replaceNul(a.get(k)));
            }
        }
        return node;
    }

    static String cap(String output) {
        int half = MAX_OUTPUT_CHARS / 2;
        int headEnd = lineEnd(output, half);
        int tailStart = output.indexOf('\n', output.length() - half);
        tailStart = tailStart < 0 || tailStart < headEnd ? output.length() - half : tailStart + 1;
        long omitted = output.substring(headEnd, tailStart).lines().count();
        return output.substring(0, headEnd) + "… " + (tailStart - headEnd) + " characters (" + omitted
                + " lines) of output not stored …\n" + output.substring(tailStart);
    }

    /** The end of the last whole line within {@code limit} characters, or {@code limit} if there is none. */
    private static int lineEnd(String s, int limit) {
        int nl = s.lastIndexOf('\n', limit - 1);
        return nl > 0 ? nl + 1 : limit;
    }
}
