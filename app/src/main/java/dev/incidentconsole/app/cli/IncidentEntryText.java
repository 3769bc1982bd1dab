package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.export.OutputTrim;
import java.util.List;

/** One line saying what a timeline entry records, for the terminal and the timeline view. */
public final class IncidentEntryText {
    private IncidentEntryText() {
    }

    /** E.g. {@code ran `df -h` on local: exit 0 after 1.2 s}, {@code ran `tail -f x` on local: cancelled by alice after 4.9 s} or {@code note: disk was full}. */
    public static String summary(TimelineEntry entry) {
        EntryBody b = entry.body();
        if (b instanceof EntryBody.Created c) {
            return "opened " + c.severity() + " \"" + c.title() + "\"";
        } else if (b instanceof EntryBody.Note n) {
            return (n.corrects() != null ? "correction: " : "note: ") + n.text();
        } else if (b instanceof EntryBody.Pin p) {
            return (p.pinned() ? "pinned " : "unpinned ") + "an entry";
        } else if (b instanceof EntryBody.Acknowledged) {
            return "acknowledged";
        } else if (b instanceof EntryBody.StatusChanged s) {
            return "status " + (s.from() == null ? "" : s.from().label() + " -> ") + s.to().label() + reason(s.reason());
        } else if (b instanceof EntryBody.SeverityChanged s) {
            return "severity " + (s.from() == null ? "" : s.from() + " -> ") + s.to() + reason(s.reason());
        } else if (b instanceof EntryBody.DetailsChanged d) {
            return "details changed" + (d.title() != null ? ": title \"" + d.title() + "\"" : "");
        } else if (b instanceof EntryBody.StepStarted s) {
            return "started `" + s.command() + "`" + on(s.target())
                    + (s.danger() == null ? "" : "; destructive: " + s.danger())
                    + (s.confirmedBy() == null ? "" : "; confirmed by " + s.confirmedBy());
        } else if (b instanceof EntryBody.StepFinished f && f.notRun() != null) {
            return "not run: `" + f.command() + "`" + on(f.target()) + ": " + f.notRun();
        } else if (b instanceof EntryBody.StepFinished f) {
            return "ran `" + f.command() + "`" + on(f.target()) + ": " + ending(f, entry.author());
        } else if (b instanceof EntryBody.HealthChanged h) {
            return (h.elsewhere() ? "elsewhere: " : "") + h.service() + (h.check() == null || h.check().isEmpty() ? "" : " (" + h.check() + ")") + ": "
                    + (h.from() == null ? "" : h.from() + " -> ") + h.to()
                    + (h.detail() == null || h.detail().isEmpty() ? "" : ", " + h.detail());
        } else if (b instanceof EntryBody.AlertChanged a) {
            return "alert " + a.alert() + " " + a.state() + (a.summary() == null ? "" : ": " + a.summary())
                    + (a.timing() == null ? "" : " (" + a.timing() + ")");
        } else if (b instanceof EntryBody.ResponderJoined r) {
            return r.name() + " joined" + (r.role() == null ? "" : " as " + r.role());
        } else if (b instanceof EntryBody.RunbookLinked r) {
            return "linked runbook " + r.link().display();
        } else if (b instanceof EntryBody.ServiceLinked s) {
            return "linked service " + s.service();
        } else if (b instanceof EntryBody.PostmortemEdited) {
            return "postmortem edited";
        }
        return entry.kind();
    }

    /**
     * The entry's kind in a word or two, for the timeline's chip: "step finished", "cancelled", "timed out",
     * "not run", "note".
     */
    public static String kindLabel(TimelineEntry entry) {
        if (entry.body() instanceof EntryBody.StepFinished f) {
            if (f.notRun() != null) {
                return "not run";
            }
            return switch (f.outcome()) {
                case CANCELLED -> "cancelled";
                case TIMED_OUT -> "timed out";
                case EXITED -> entry.kind().replace('_', ' ');
            };
        }
        return entry.kind().replace('_', ' ');
    }

    /**
     * About {@code max} lines of a step's captured output: its last lines and, before them, the lines that read
     * as errors (up to a third of {@code max}), with markers where lines are left out; all of it when it has no more
     * than {@code max} lines; empty for other entries.
     */
    public static List<String> outputTail(TimelineEntry entry, int max) {
        if (!(entry.body() instanceof EntryBody.StepFinished f) || f.output().isEmpty()) {
            return List.of();
        }
        if (f.output().lines().count() <= max) { // the room kept for errors and a marker would cut what fits
            return OutputTrim.excerpt(f.output(), 0, max).lines().toList();
        }
        int errors = max / 3;
        return OutputTrim.excerpt(f.output(), errors, max - errors - (errors > 0 ? 1 : 0)).lines().toList();
    }

    /**
     * How a run ended and how long it took, as every view of a run says it: "exit 0 after 850 ms",
     * "cancelled by alice after 4.9 s", "timed out after 30.0 s" ({@link EntryBody.StepFinished#ending}).
     *
     * @param author who recorded the run (who cancelled it)
     */
    public static String ending(EntryBody.StepFinished f, String author) {
        return f.ending(author) + " after " + seconds(f.durationMillis());
    }

    /** E.g. "850 ms", "4.9 s". */
    public static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String on(String target) {
        return target == null || target.isBlank() ? "" : " on " + target;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }
}
