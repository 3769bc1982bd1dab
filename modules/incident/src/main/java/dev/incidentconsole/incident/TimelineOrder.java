package dev.incidentconsole.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two orders of a timeline. Readers (the view, every export) see the {@link #EVENT} order: when things
 * happened. The incident's state is folded in {@link #RECORDING} order, the order the store numbered the
 * entries ({@link TimelineEntry#seq()}), because each entry was written against the state its author saw.
 */
public final class TimelineOrder {
    /** By store number; entries not stored yet (seq 0, journaled) after the stored ones, by recording time. */
    public static final Comparator<TimelineEntry> RECORDING = Comparator
            .comparingLong((TimelineEntry e) -> e.seq() == 0 ? Long.MAX_VALUE : e.seq())
            .thenComparing(TimelineEntry::recordedAt);

    /** By when it happened; ties in recording order. */
    public static final Comparator<TimelineEntry> EVENT = Comparator
            .comparing(TimelineEntry::occurredAt).thenComparing(RECORDING);

    private TimelineOrder() {
    }

    /** A sorted copy in event order. */
    public static List<TimelineEntry> byEvent(List<TimelineEntry> entries) {
        List<TimelineEntry> copy = new ArrayList<>(entries);
        copy.sort(EVENT);
        return copy;
    }

    /** A sorted copy in recording order. */
    public static List<TimelineEntry> byRecording(List<TimelineEntry> entries) {
        List<TimelineEntry> copy = new ArrayList<>(entries);
        copy.sort(RECORDING);
        return copy;
    }

    /**
     * Where {@code entry} goes in {@code shown}, a list in {@link #EVENT} order: after every entry that is not later
     * than it, so one that happened at the same time as shown ones goes after them. Counts from the end, where a new
     * entry usually belongs.
     */
    public static int eventPosition(List<TimelineEntry> shown, TimelineEntry entry) {
        int at = shown.size();
        while (at > 0 && EVENT.compare(shown.get(at - 1), entry) > 0) {
            at--;
        }
        return at;
    }
}
