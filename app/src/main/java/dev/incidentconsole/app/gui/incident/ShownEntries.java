package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
 * (masking reads its body through JSON, 2,000 long step entries take a second or more): a load masks its entries on
 * its worker ({@link #maskAll}) and hands them over ({@link #remember}); only entries arriving later are masked here.
 * FX thread only, but {@link #maskAll}.
 */
final class ShownEntries {
    private final UnaryOperator<TimelineEntry> mask;
    private final ObservableList<TimelineEntry> visible = FXCollections.observableArrayList();
    private final ObjectProperty<EntryFilter> filter = new SimpleObjectProperty<>(EntryFilter.ALL);
    private final BooleanProperty pinnedFirst = new SimpleBooleanProperty();
    private Map<TimelineEntry, TimelineEntry> masked = new IdentityHashMap<>();
    /** The last load's entries masked on its worker; kept until the next load, as the filter may show them later. */
    private Map<TimelineEntry, TimelineEntry> loaded = Map.of();

    /**
     * Shows {@code entries} of {@code incident} (whose pins order them), following both and its own settings, each
     * through {@code mask} ({@link Redactor#redact(TimelineEntry)}; thread-safe, as loads call it on their worker).
     */
    ShownEntries(UnaryOperator<TimelineEntry> mask, ObservableList<TimelineEntry> entries,
                 ObjectProperty<Incident> incident) {
        this.mask = mask;
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
            if (kept == null) {
                kept = loaded.get(e);
            }
            now.put(e, kept != null ? kept : mask.apply(e));
        }
        masked = now;
        return entries.stream().map(now::get).toList();
    }

    /** On a load's worker: {@code entries} masked, by identity, for {@link #remember} on the FX thread. */
    Map<TimelineEntry, TimelineEntry> maskAll(List<TimelineEntry> entries) {
        Map<TimelineEntry, TimelineEntry> all = new IdentityHashMap<>();
        entries.forEach(e -> all.put(e, mask.apply(e)));
        return all;
    }

    /** Uses {@code masks} ({@link #maskAll}) for the entries about to be shown, in place of those of the last load. */
    void remember(Map<TimelineEntry, TimelineEntry> masks) {
        loaded = masks;
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
