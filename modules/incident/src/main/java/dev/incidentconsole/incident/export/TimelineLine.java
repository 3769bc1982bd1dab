package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One timeline line as exports show it, in plain text (each format escapes it): a label, an optional
 * command shown as code, detail words, optional output and the runbook step it came from.
 *
 * @param entry     the entry shown
 * @param time      when it happened (for a command, when it started)
 * @param label     e.g. "Note", "Ran", "Status"
 * @param command   the command, or empty
 * @param detail    the rest of the sentence; may span lines (notes)
 * @param output    trimmed command output, or empty
 * @param corrected whether a later note corrects this one
 * @param pinned    whether the entry is pinned
 * @param late      says when it was recorded if that was more than {@link TimelineEntry#LATE_AFTER} later; else empty
 */
record TimelineLine(TimelineEntry entry, Instant time, String label, String command, String detail, String output,
                    boolean corrected, boolean pinned, String late) {

    /**
     * Lines for a timeline, in event order ({@link TimelineOrder#EVENT}). A command's start whose finish is
     * recorded becomes one line with the result, at the time the command started.
     */
    /** A health change of a service the incident is not about: the postmortem lists it apart, under "Elsewhere". */
    boolean elsewhere() {
        return entry.body() instanceof EntryBody.HealthChanged h && h.elsewhere();
    }

    static List<TimelineLine> of(List<TimelineEntry> entries, Set<UUID> pinned, ExportOptions options) {
        Map<UUID, TimelineEntry> byId = new HashMap<>();
        Set<UUID> corrected = new HashSet<>();
        Map<UUID, TimelineEntry> finishOfStart = new HashMap<>();
        for (TimelineEntry e : entries) {
            byId.put(e.id(), e);
            if (e.body() instanceof EntryBody.Note n && n.corrects() != null) {
                corrected.add(n.corrects());
            }
            if (e.body() instanceof EntryBody.StepFinished f && f.started() != null) {
                finishOfStart.put(f.started(), e);
            }
        }
        List<TimelineLine> out = new ArrayList<>();
        for (TimelineEntry e : TimelineOrder.byEvent(entries)) {
            TimelineEntry finish = finishOfStart.get(e.id());
            if (finish != null) {
                TimelineLine run = line(finish, byId, corrected.contains(finish.id()), pinned.contains(finish.id()), options);
                out.add(new TimelineLine(finish, e.occurredAt(), run.label(), run.command(), run.detail(), run.output(),
                        run.corrected(), run.pinned() || pinned.contains(e.id()), lateNote(e)));
            } else if (!(e.body() instanceof EntryBody.StepFinished f && f.started() != null && byId.containsKey(f.started()))) {
                out.add(line(e, byId, corrected.contains(e.id()), pinned.contains(e.id()), options));
            }
        }
        return out;
    }

    /** E.g. "recorded 2026-11-22T01:54:32Z, 3m 37s later", or empty when recorded on time. */
    static String lateNote(TimelineEntry e) {
        return Times.lateNote(e, Times::instant);
    }

    static TimelineLine line(TimelineEntry e, Map<UUID, TimelineEntry> byId, boolean corrected, boolean pinned,
                             ExportOptions o) {
        EntryBody b = e.body();
        String label = "";
        String command = "";
        String detail = "";
        String output = "";
        if (b instanceof EntryBody.Created c) {
            label = "Opened";
            detail = c.title() + " (" + c.severity() + (c.environment().isEmpty() ? "" : ", " + c.environment()) + ")";
        } else if (b instanceof EntryBody.Note n) {
            label = n.corrects() == null ? "Note" : "Correction";
            detail = (n.corrects() == null ? "" : "of the note at " + timeOf(byId, n.corrects()) + ": ") + n.text();
        } else if (b instanceof EntryBody.Pin p) {
            label = p.pinned() ? "Pinned" : "Unpinned";
            detail = "the entry at " + timeOf(byId, p.target());
        } else if (b instanceof EntryBody.Acknowledged) {
            label = "Acknowledged";
        } else if (b instanceof EntryBody.StatusChanged s) {
            label = "Status";
            detail = (s.from() == null ? "" : s.from().label() + " → ") + s.to().label() + reason(s.reason());
        } else if (b instanceof EntryBody.SeverityChanged s) {
            label = "Severity";
            detail = (s.from() == null ? "" : s.from() + " → ") + s.to() + reason(s.reason());
        } else if (b instanceof EntryBody.DetailsChanged d) {
            label = "Details";
            detail = (d.title() == null ? "" : "title: " + d.title())
                    + (d.title() != null && d.environment() != null ? "; " : "")
                    + (d.environment() == null ? "" : "environment: " + d.environment());
        } else if (b instanceof EntryBody.StepStarted s) {
            label = "Started";
            command = s.command();
            detail = on(s.target()) + " (no result recorded)" + confirmation(s);
        } else if (b instanceof EntryBody.StepFinished f && f.notRun() != null) {
            label = "Not run";
            command = f.command();
            detail = on(f.target()) + ": " + f.notRun();
        } else if (b instanceof EntryBody.StepFinished f) {
            label = "Ran";
            command = f.command();
            TimelineEntry start = f.started() == null ? null : byId.get(f.started());
            detail = on(f.target()) + ": " + f.ending(e.author()) + " after " + Durations.millis(f.durationMillis())
                    + (start != null && start.body() instanceof EntryBody.StepStarted s ? confirmation(s) : "");
            output = OutputTrim.excerpt(f.output(), o.errorLines(), o.tailLines());
        } else if (b instanceof EntryBody.HealthChanged h) {
            label = "Health";
            detail = h.service() + (h.check() == null || h.check().isEmpty() ? "" : " (" + h.check() + ")") + ": "
                    + (h.from() == null ? "" : h.from() + " → ") + h.to()
                    + (h.detail() == null || h.detail().isEmpty() ? "" : " — " + h.detail());
        } else if (b instanceof EntryBody.AlertChanged a) {
            label = "Alert " + a.state();
            detail = a.alert() + (a.summary() == null || a.summary().isEmpty() ? "" : ": " + a.summary())
                    + (a.labels().isEmpty() ? "" : " " + a.labels().entrySet().stream()
                    .map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", ", "{", "}")))
                    + (a.sources().isEmpty() ? "" : " — from " + String.join(" and ", a.sources()))
                    + (a.timing() == null ? "" : " (" + a.timing() + ")");
        } else if (b instanceof EntryBody.ResponderJoined r) {
            label = "Joined";
            detail = r.name() + (r.role() == null || r.role().isEmpty() ? "" : " as " + r.role());
        } else if (b instanceof EntryBody.RunbookLinked r) {
            label = "Runbook";
            detail = r.link().display();
        } else if (b instanceof EntryBody.ServiceLinked s) {
            label = "Service";
            detail = s.service();
        } else if (b instanceof EntryBody.PostmortemEdited p) {
            label = "Postmortem";
            List<String> parts = new ArrayList<>();
            if (p.summary() != null) parts.add("summary");
            if (p.impact() != null) parts.add("impact");
            if (p.rootCause() != null) parts.add("root cause");
            if (p.actionItems() != null) parts.add("action items");
            detail = "edited " + String.join(", ", parts);
        }
        return new TimelineLine(e, e.occurredAt(), label, command, detail, output, corrected, pinned, lateNote(e));
    }

    /** E.g. "; destructive: FLUSHALL deletes every key; confirmed by alice". */
    private static String confirmation(EntryBody.StepStarted s) {
        return (s.danger() == null ? "" : "; destructive: " + s.danger())
                + (s.confirmedBy() == null ? "" : "; confirmed by " + s.confirmedBy());
    }

    private static String on(String target) {
        return target == null || target.isEmpty() ? "locally" : "on " + target;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " — " + reason;
    }

    private static String timeOf(Map<UUID, TimelineEntry> byId, UUID id) {
        TimelineEntry t = byId.get(id);
        return t == null ? "(entry " + id + ")" : Times.instant(t.occurredAt());
    }
}
