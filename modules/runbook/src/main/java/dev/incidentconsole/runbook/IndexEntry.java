package dev.incidentconsole.runbook;

import java.util.List;

/**
 * A line of a runbook index: a symptom or component and where to look for it.
 *
 * @param key     the symptom or component as written, e.g. "Too many connections" or "Redis"
 * @param targets the runbooks or sections it points to (link targets, or the text naming them)
 */
public record IndexEntry(Kind kind, String key, List<String> targets, int line) {
    public enum Kind { SYMPTOM, COMPONENT }

    public IndexEntry {
        targets = List.copyOf(targets);
    }
}
