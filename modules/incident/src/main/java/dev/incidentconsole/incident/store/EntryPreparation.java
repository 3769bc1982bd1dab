package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.TimelineEntry;

/**
 * What happens to an entry before any store writes it: secrets masked, and captured output capped so a
 * runaway command (a 50 MB log dump) cannot bloat the timeline; the start and end of it are what an
 * engineer reads, and the cut is marked.
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
        return redactor.redact(e);
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
