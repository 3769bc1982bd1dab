package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The timeline's entries as the screen shows them: those passing the filter, pinned ones first when asked, each
 * passed through the store's {@link Redactor} again, as the exports do, so an entry stored before a masker
 * improvement (or by an older version) shows what the exports show. Each entry is masked once while it is shown
 * (masking reads its body through JSON). FX thread only.
 */
final class ShownEntries {
    private final Redactor redactor;
    private final ObservableList<TimelineEntry> visible = FXCollections.observableArrayList();
    private final ObjectProperty<EntryFilter> filter = new SimpleObjectProperty<>(EntryFilter.ALL);
    private final BooleanProperty pinnedFirst = new SimpleBooleanProperty();
    private Map<TimelineEntry, TimelineEntry> masked = new IdentityHashMap<>();

    /** Shows {@code entries} of {@code incident} (whose pins order them), following both and its own settings. */
    ShownEntries(Redactor redactor, ObservableList<TimelineEntry> entries, ObjectProperty<Incident> incident) {
        this.redactor = redactor;
        Runnable refilter = () -> {
            Incident now = incident.get();
            visible.setAll(masked(filter.get().shown(entries, pinnedFirst.get() && now != null ? now.pinned() : null)));
        };
        entries.addListener((ListChangeListener<TimelineEntry>) c -> refilter.run());
        filter.addListener(o -> refilter.run());
        pinnedFirst.addListener(o -> refilter.run());
        incident.addListener(o -> refilter.run());
    }

    /** {@code entries} masked, in their order; ids, kinds and times as they are. */
    private List<TimelineEntry> masked(List<TimelineEntry> entries) {
        Map<TimelineEntry, TimelineEntry> now = new IdentityHashMap<>();
        for (TimelineEntry e : entries) {
            TimelineEntry kept = masked.get(e);
            now.put(e, kept != null ? kept : redactor.redact(e));
        }
        masked = now;
        return entries.stream().map(now::get).toList();
    }

    ObservableList<TimelineEntry> visible() {
        return visible;
    }

    ObjectProperty<EntryFilter> filter() {
        return filter;
    }

    BooleanProperty pinnedFirst() {
        return pinnedFirst;
    }
}
