package dev.incidentconsole.incident;

import java.util.List;

/**
 * The written part of a postmortem; empty strings until someone writes them.
 *
 * @param summary     what happened, in a few sentences
 * @param impact      who or what was affected and how much
 * @param rootCause   why it happened
 * @param actionItems follow-ups
 */
public record Postmortem(String summary, String impact, String rootCause, List<ActionItem> actionItems) {
    public static final Postmortem EMPTY = new Postmortem("", "", "", List.of());

    public Postmortem {
        summary = summary == null ? "" : summary;
        impact = impact == null ? "" : impact;
        rootCause = rootCause == null ? "" : rootCause;
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }
}
