package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import dev.incidentconsole.runbook.SecretMasker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
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
 * After {@link #followStore(Executor)} the shown incident's new entries arrive live from the store (other
 * consoles on a team store, the health recorder), and an entry saved locally while offline is replaced by
 * the stored one when it has been sent.
 */
public final class TimelineViewModel {
    private final TaskExecutor executor;
    private final Supplier<IncidentStore> store;
    private final String author;
    private final TimelineFollow follow;
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final IntegerProperty queued = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final UnsentNotes unsent = new UnsentNotes();
    private final TimelineMessage message = new TimelineMessage();
    private final TimelineExport exports;
    private final OrderedAppends appends;
    /** Whether the shown incident's load has answered; what waits for it ({@link #held}). */
    private boolean loaded;
    private final List<Runnable> whenLoaded = new ArrayList<>();
    /** What was shown of other incidents, shown again of one while the team store cannot be read. */
    private final SeenTimelines seen = new SeenTimelines();
    private final ShownEntries shown;

    /** What a load read, with its entries (and those seen before of its incident) masked on the worker. */
    private record Load(TimelineFollow.Loaded loaded, Map<TimelineEntry, TimelineEntry> masks) { }

    /** @param store supplies the open store (called on the executor's worker) */
    public TimelineViewModel(TaskExecutor executor, Supplier<IncidentStore> store, String author) {
        this(executor, store, author, Redactor.standard()::redact);
    }

    /** @param mask masks an entry for the screen ({@link ShownEntries}); tests watch where it is called */
    TimelineViewModel(TaskExecutor executor, Supplier<IncidentStore> store, String author,
                      UnaryOperator<TimelineEntry> mask) {
        this.shown = new ShownEntries(mask, entries, incident);
        this.executor = executor;
        this.store = store;
        this.author = author;
        this.exports = new TimelineExport(executor, store);
        this.follow = new TimelineFollow(store);
        this.appends = new OrderedAppends(executor, store, done -> {
            queued.set(done.queued());
            accept(done.receipt());
        }, this::fail);
    }

    /**
     * Delivers the shown incident's entries recorded elsewhere as they are stored, on {@code ui}. Call
     * once, before the first {@link #show}.
     */
    public void followStore(Executor ui) {
        follow.deliverOn(ui);
    }

    /** Shows {@code shown} (null clears) and loads its timeline. */
    public void show(Incident shown) {
        Incident before = incident.get();
        incident.set(shown);
        if (shown == null || before == null || !before.id().equals(shown.id())) {
            if (before != null) {
                seen.left(before.id(), entries);
                unsent.left(before.id());
            }
            entries.clear();
            follow.stop();
            loaded = false;
            whenLoaded.clear(); // they asked about the incident shown before
        }
        if (shown == null) {
            return;
        }
        String id = shown.id();
        unsent.showing(id);
        List<TimelineEntry> seenBefore = seen.with(id, List.of());
        executor.execute(() -> {
            TimelineFollow.Loaded loaded = follow.load(id, this::arrived);
            List<TimelineEntry> all = new ArrayList<>(loaded.read().entries());
            if (loaded.read().journalOnly()) {
                all.addAll(seenBefore); // shown again with them (showSeen)
            }
            return new Load(loaded, this.shown.maskAll(all));
        }, load -> {
            TimelineFollow.Loaded answer = load.loaded();
            if (shows(id)) {
                this.shown.remember(load.masks());
                if (answer.read().journalOnly()) {
                    showSeen(id);
                    TimelineOrder.byRecording(answer.read().entries()).forEach(this::arrived);
                } else if (!answer.read().entries().isEmpty()) {
                    entries.setAll(TimelineOrder.byEvent(answer.read().entries()));
                    incident.set(Incident.replay(answer.read().entries()));
                }
                if (answer.live() != null) {
                    follow.following(answer.live());
                }
                settled();
            } else if (answer.live() != null) {
                answer.live().close();
            }
        }, e -> {
            fail(e);
            if (shows(id)) {
                settled();
            }
        });
    }

    /** The team store is unreachable: what was seen of {@code id} before is shown with what arrived since. */
    private void showSeen(String id) {
        List<TimelineEntry> held = seen.with(id, entries);
        if (held.size() > entries.size()) {
            entries.setAll(held);
            incident.set(Incident.replay(held));
        }
    }

    private boolean shows(String id) {
        return incident.get() != null && incident.get().id().equals(id);
    }

    private void settled() {
        loaded = true;
        List<Runnable> waiting = List.copyOf(whenLoaded);
        whenLoaded.clear();
        waiting.forEach(Runnable::run);
    }

    /**
     * Hands {@code then} incident {@code incidentId}'s entries as this console holds them: the shown incident's once its
     * load has answered (stored, saved here while the team store is unreachable, arrived since), so a store that cannot
     * be read now loses nothing seen; dropped if another is shown first. Another incident's are read from the store
     * on the executor ({@code failed} told when they cannot be), during an outage with what was seen of it before.
     */
    public void held(String incidentId, Consumer<List<TimelineEntry>> then, Consumer<Exception> failed) {
        if (shows(incidentId)) {
            Runnable answer = () -> then.accept(List.copyOf(entries));
            if (loaded) {
                answer.run();
            } else {
                whenLoaded.add(answer);
            }
        } else {
            executor.execute(() -> TimelineRead.of(store.get(), incidentId), read -> then.accept(
                    read.journalOnly() ? seen.with(incidentId, read.entries()) : read.entries()), failed);
        }
    }

    /**
     * Appends {@code body} to the shown incident; {@code then} gets the receipt once it is durable.
     * Nothing happens when no incident is shown. Entries reach the store one at a time, in the order recorded.
     */
    public void record(EntryBody body, StepRef source, Consumer<Receipt> then) {
        Incident target = incident.get();
        if (target != null) {
            record(target.id(), body, source, then);
        }
    }

    /** Appends {@code body} to incident {@code incidentId}, shown or not (a walkthrough keeps its incident). */
    public void record(String incidentId, EntryBody body, StepRef source, Consumer<Receipt> then) {
        record(incidentId, body, source, null, then);
    }

    /**
     * Appends {@code body}, which happened at {@code occurredAt} (null: now), to incident {@code incidentId};
     * it is recorded now and takes its place in the timeline by {@code occurredAt}.
     */
    public void record(String incidentId, EntryBody body, StepRef source, Instant occurredAt, Consumer<Receipt> then) {
        append(TimelineEntry.happened(incidentId, author, body, source, occurredAt, Clock.systemUTC()), then);
    }

    /** Appends an entry made elsewhere (an alert's, whose id every console derives alike), in turn with the others. */
    public void append(TimelineEntry entry, Consumer<Receipt> then) {
        appends.append(entry, then, null);
    }

    public void addNote(String text, boolean pin) {
        if (text == null || text.isBlank()) {
            return;
        }
        Incident target = incident.get();
        if (target == null) {
            return;
        }
        unsent.taken();
        appends.append(TimelineEntry.happened(target.id(), author, new EntryBody.Note(text.strip(), null), null, null,
                Clock.systemUTC()), r -> {
                    if (pin) {
                        record(new EntryBody.Pin(r.entry().id(), true), null, null);
                    }
                }, () -> refusedNote(target, text));
    }

    /**
     * The error quotes the note and the title masked (a title an older version stored in clear is the raw entry's);
     * the note waits for its incident to be shown ({@link UnsentNotes}).
     */
    private void refusedNote(Incident target, String text) {
        error.set(error.get() + " The note for \"" + Redactor.standard().redact(target.title()) + "\" was not saved: "
                + SecretMasker.standard().mask(text));
        unsent.refused(target.id(), text, shows(target.id()));
    }

    /**
     * The notes of the shown incident the store refused (the view had cleared their field), else null, also when they
     * were refused while another was shown: put back in the field, the view sets it to null.
     */
    public StringProperty unsentNoteProperty() {
        return unsent.shownProperty();
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

    /** Exports name runbook files relative to {@code folder} from now on (the window switched workspace). */
    public void useWorkspace(Path folder) {
        exports.useWorkspace(folder);
    }

    /** Writes the shown incident to {@code file}, read fresh from the store; {@code then} gets the file. */
    public void export(ExportFormat format, Path file, Consumer<Path> then) {
        Incident now = incident.get();
        if (now != null) {
            exports.write(now.id(), format, file, written -> {
                message.exported(written);
                if (then != null) {
                    then.accept(written);
                }
            }, this::fail);
        }
    }

    /** Shows an entry recorded by another part of this console (the health recorder) once it is durable. */
    public void accept(Receipt receipt) {
        if (!shows(receipt.entry().incidentId())) {
            return;
        }
        arrived(receipt.entry());
        message.received(receipt.outcome() == Receipt.Outcome.JOURNALED);
        error.set("");
    }

    /**
     * Adds an entry of the shown incident where it happened ({@link TimelineOrder#EVENT}), or replaces the
     * locally saved copy of it once the store has it.
     */
    private void arrived(TimelineEntry e) {
        Incident now = incident.get();
        if (now == null || !now.id().equals(e.incidentId())) {
            return;
        }
        long lastSeq = 0;
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry shown = entries.get(i);
            if (shown.id().equals(e.id())) {
                if (SeenTimelines.kept(shown, e) != shown) {
                    entries.set(i, e);
                    message.sent(entries.stream().allMatch(held -> held.seq() > 0));
                }
                return;
            }
            lastSeq = Math.max(lastSeq, shown.seq());
        }
        entries.add(TimelineOrder.eventPosition(entries, e), e);
        // The state folds in recording order: an entry recorded after every shown one just applies. The creation
        // arrives after this console's own entries when the incident was started during a team-store outage.
        boolean newest = (e.seq() == 0 || e.seq() > lastSeq) && !(e.body() instanceof EntryBody.Created);
        incident.set(newest ? now.apply(e) : Incident.replay(entries));
    }

    private void fail(Exception e) {
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public ObjectProperty<Incident> incidentProperty() {
        return incident;
    }

    /** Every recorded entry, in the order they happened (ties in recording order). */
    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    /** The entries passing {@link #filterProperty()}, pinned first when asked, masked again ({@link ShownEntries}). */
    public ObservableList<TimelineEntry> visibleEntries() {
        return shown.visible();
    }

    public ObjectProperty<EntryFilter> filterProperty() {
        return shown.filter();
    }

    public BooleanProperty pinnedFirstProperty() {
        return shown.pinnedFirst();
    }

    /** Appends sent to the store and not yet returned. */
    public IntegerProperty pendingProperty() {
        return appends.pendingProperty();
    }

    /** Entries saved on this machine while the team store is offline, not yet sent (0 for the embedded store). */
    public IntegerProperty queuedProperty() {
        return queued;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Another store is used from now on (nothing shown): what was seen in the one before is never merged into its. */
    void storeSwitched() {
        seen.clear();
    }

    /** The team store answers again: a message that entries are kept locally no longer holds. */
    void storeReachable() {
        message.storeReachable();
    }

    /** The shown incident was joined while the team store is unreachable: the message says what happens to entries. */
    void joinedOffline() {
        message.joinedOffline();
    }

    /** Last informational message (export written, journaled while offline). */
    public StringProperty messageProperty() {
        return message.property();
    }

    public String author() {
        return author;
    }
}
