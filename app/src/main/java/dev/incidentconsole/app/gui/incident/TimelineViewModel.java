package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One incident's timeline: loads its entries, records new ones and exports it. An entry joins
 * {@link #entries()} only once the store's append has returned, so what is shown is durable. Store calls
 * run on the {@link TaskExecutor}; properties change on its callback thread (the FX thread in the app).
 */
public final class TimelineViewModel {
    private final TaskExecutor executor;
    private final Supplier<IncidentStore> store;
    private final String author;
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> visible = FXCollections.observableArrayList();
    private final ObjectProperty<EntryFilter> filter = new SimpleObjectProperty<>(EntryFilter.ALL);
    private final BooleanProperty pinnedFirst = new SimpleBooleanProperty();
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    /** @param store supplies the open store (called on the executor's worker) */
    public TimelineViewModel(TaskExecutor executor, Supplier<IncidentStore> store, String author) {
        this.executor = executor;
        this.store = store;
        this.author = author;
        entries.addListener((javafx.collections.ListChangeListener<TimelineEntry>) c -> refilter());
        filter.addListener(o -> refilter());
        pinnedFirst.addListener(o -> refilter());
        incident.addListener(o -> refilter());
    }

    /** Shows {@code shown} (null clears) and loads its timeline. */
    public void show(Incident shown) {
        Incident before = incident.get();
        incident.set(shown);
        if (shown == null) {
            entries.clear();
            return;
        }
        if (before == null || !before.id().equals(shown.id())) {
            entries.clear();
        }
        String id = shown.id();
        executor.execute(() -> store.get().entries(id, 0), loaded -> {
            if (incident.get() != null && incident.get().id().equals(id)) {
                entries.setAll(loaded);
                incident.set(Incident.replay(loaded));
            }
        }, this::fail);
    }

    /**
     * Appends {@code body} to the shown incident; {@code then} gets the receipt once it is durable.
     * Nothing happens when no incident is shown.
     */
    public void record(EntryBody body, StepRef source, Consumer<Receipt> then) {
        Incident target = incident.get();
        if (target != null) {
            record(target.id(), body, source, then);
        }
    }

    /** Appends {@code body} to incident {@code incidentId}, shown or not (a walkthrough keeps its incident). */
    public void record(String incidentId, EntryBody body, StepRef source, Consumer<Receipt> then) {
        TimelineEntry entry = TimelineEntry.create(incidentId, author, body, source, Clock.systemUTC());
        pending.set(pending.get() + 1);
        executor.execute(() -> store.get().append(entry), receipt -> {
            pending.set(pending.get() - 1);
            accept(receipt);
            if (then != null) {
                then.accept(receipt);
            }
        }, e -> {
            pending.set(pending.get() - 1);
            fail(e);
        });
    }

    public void addNote(String text, boolean pin) {
        if (text == null || text.isBlank()) {
            return;
        }
        record(new EntryBody.Note(text.strip(), null), null, r -> {
            if (pin) {
                record(new EntryBody.Pin(r.entry().id(), true), null, null);
            }
        });
    }

    public void togglePin(TimelineEntry entry) {
        Incident now = incident.get();
        if (now != null) {
            record(new EntryBody.Pin(entry.id(), !now.pinned().contains(entry.id())), null, null);
        }
    }

    public void changeStatus(Status to) {
        Incident now = incident.get();
        if (now != null && to != null && now.status() != to) {
            record(new EntryBody.StatusChanged(now.status(), to, null), null, null);
        }
    }

    public void changeSeverity(Severity to) {
        Incident now = incident.get();
        if (now != null && to != null && now.severity() != to) {
            record(new EntryBody.SeverityChanged(now.severity(), to, null), null, null);
        }
    }

    /** Writes the shown incident to {@code file}, read fresh from the store; {@code then} gets the file. */
    public void export(ExportFormat format, Path file, Consumer<Path> then) {
        Incident now = incident.get();
        if (now == null) {
            return;
        }
        executor.execute(() -> {
            String text = format.render(store.get().document(now.id()));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, written -> {
            message.set("Exported to " + written);
            if (then != null) {
                then.accept(written);
            }
        }, this::fail);
    }

    private void accept(Receipt receipt) {
        TimelineEntry recorded = receipt.entry();
        Incident now = incident.get();
        if (now == null || !now.id().equals(recorded.incidentId())
                || entries.stream().anyMatch(e -> e.id().equals(recorded.id()))) {
            return;
        }
        entries.add(recorded);
        incident.set(now.apply(recorded));
        message.set(receipt.outcome() == Receipt.Outcome.JOURNALED
                ? "Store offline: saved locally, will be sent when it is back." : "");
        error.set("");
    }

    private void fail(Exception e) {
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private void refilter() {
        List<TimelineEntry> list = new ArrayList<>(entries.filtered(filter.get()::accepts));
        Incident now = incident.get();
        if (pinnedFirst.get() && now != null) {
            list.sort(Comparator.comparing((TimelineEntry e) -> !now.pinned().contains(e.id())));
        }
        visible.setAll(list);
    }

    public ObjectProperty<Incident> incidentProperty() {
        return incident;
    }

    /** Every recorded entry in timeline order. */
    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    /** The entries passing {@link #filterProperty()}, pinned ones first when {@link #pinnedFirstProperty()}. */
    public ObservableList<TimelineEntry> visibleEntries() {
        return visible;
    }

    public ObjectProperty<EntryFilter> filterProperty() {
        return filter;
    }

    public BooleanProperty pinnedFirstProperty() {
        return pinnedFirst;
    }

    /** Appends sent to the store and not yet returned. */
    public IntegerProperty pendingProperty() {
        return pending;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Last informational message (export written, journaled while offline). */
    public StringProperty messageProperty() {
        return message;
    }

    public String author() {
        return author;
    }
}
