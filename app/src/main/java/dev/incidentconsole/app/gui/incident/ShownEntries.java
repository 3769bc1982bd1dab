package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline's entries as the screen shows them: each passed through the store's {@link Redactor} again, as the
 * exports do, so an entry stored before a masker improvement (or by an older version) shows what the exports show.
 * Each entry is masked once while it is shown (masking reads its body through JSON); FX thread only.
 */
final class ShownEntries {
    private final Redactor redactor;
    private Map<TimelineEntry, TimelineEntry> masked = new IdentityHashMap<>();

    ShownEntries(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code entries} masked, in their order; ids, kinds and times as they are. */
    List<TimelineEntry> of(List<TimelineEntry> entries) {
        Map<TimelineEntry, TimelineEntry> now = new IdentityHashMap<>();
        for (TimelineEntry e : entries) {
            TimelineEntry kept = masked.get(e);
            now.put(e, kept != null ? kept : redactor.redact(e));
        }
        masked = now;
        return entries.stream().map(now::get).toList();
    }
}
