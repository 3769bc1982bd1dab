package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.gui.util.TaskHandle;
import dev.incidentconsole.app.incident.OutageFallback;
import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.Subscription;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Incidents view's state: the store (opened on first use, off the UI thread; another one can be switched
 * to), the incident list, the selected incident's {@link TimelineViewModel}, and whether the store is
 * offline with how many entries wait on this machine.
 */
public final class IncidentViewModel implements AutoCloseable {
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Callable<IncidentStore> opener;
    private final String author;
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    /**
     * Incidents started or changed here (their row replaced), by id, with the number of the last refresh asked for
     * before: a listing asked for earlier does not know them as they are.
     */
    private final Map<String, Integer> changedAt = new HashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    /** Reads asked for and not answered yet: a timer tick meanwhile is skipped, so reads never stack up. */
    private final AtomicInteger reading = new AtomicInteger();
    /** {@link #showResolved}, readable off the UI thread by the timed read. */
    private volatile boolean openOnly;
    private final ObjectProperty<Incident> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showResolved = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    private final TimelineViewModel timeline;
    private final StoreLine storeLine;
    private volatile IncidentStore store;
    private Subscription connectivity;
    private StoreSettingsViewModel storeSettings;
    private TaskHandle autoRefresh;

    /**
     * @param opener   opens the store; called once, on a worker thread
     * @param uiThread where store notifications (connectivity) are handed to, e.g. {@code Platform::runLater}
     */
    public IncidentViewModel(TaskExecutor executor, Executor uiThread, Callable<IncidentStore> opener, String author) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.opener = opener;
        this.author = author;
        this.timeline = new TimelineViewModel(executor, this::store, author);
        selected.addListener((obs, old, now) -> {
            if (now == null || old == null || !old.id().equals(now.id())) {
                timeline.show(now);
            }
        });
        showResolved.addListener(o -> {
            openOnly = !showResolved.get();
            refresh();
        });
        timeline.incidentProperty().addListener((obs, old, now) -> replaceInList(now));
        storeLine = new StoreLine(uiThread, timeline);
    }

    /** Lets the Store dialog show and switch this view's store; the offline line names its team store. */
    public void attach(StoreSettingsViewModel settings) {
        this.storeSettings = settings;
        settings.bind(this);
        storeLine.naming(settings.targetProperty());
    }

    /** The Store dialog's model, or null when none was attached. */
    public StoreSettingsViewModel storeSettings() {
        return storeSettings;
    }

    /** Shows entries recorded by other consoles and by this one's health recorder as they are stored. */
    public void followStore() {
        timeline.followStore(uiThread);
    }

    /**
     * Reloads the incident list, keeping the selection by id. While the team store is unreachable the list is kept, and
     * the incidents started through this console's journal meanwhile (a window restarted during the outage) are added.
     */
    public void refresh() {
        boolean openOnly = this.openOnly;
        int ticket = refreshes.incrementAndGet();
        reading.incrementAndGet();
        executor.execute(() -> IncidentList.read(store(), openOnly), listed -> {
            reading.decrementAndGet();
            show(listed, ticket);
        }, e -> {
            reading.decrementAndGet();
            fail(e);
        });
    }

    private void show(IncidentList.Listed listed, int ticket) {
        if (ticket != refreshes.get()) {
            return; // asked before another refresh (another store, other filter): that one's answer is the list
        }
        if (listed.journalOnly()) {
            IncidentList.addMissing(incidents, listed.incidents());
        } else {
            setIncidents(listed.incidents(), ticket);
        }
    }

    /** A timer tick's listing and the number it was read under; null when the tick was skipped. */
    private record Timed(IncidentList.Listed listed, int ticket) {
    }

    /**
     * Opens an incident and selects it; {@code then} receives it. Its creation entry is shown at once, also when
     * the team store is offline and it waits in the journal (the store cannot be read back then).
     */
    public void start(IncidentDraft draft, Consumer<Incident> then) {
        executor.execute(() -> store().append(draft.toEntry(author, Clock.systemUTC())), receipt -> {
            Incident created = Incident.replay(List.of(receipt.entry().withSeq(1)));
            changedAt.put(created.id(), refreshes.get());
            incidents.add(0, created);
            selected.set(created);
            timeline.accept(receipt);
            then.accept(created);
        }, this::fail);
    }

    /**
     * Joins an open incident from a runbook section: links the section and selects the incident. While the team store
     * is unreachable the incident is joined as this console holds it ({@code incident}, from the list or the
     * timeline shown), the link saved in the local journal and sent with the rest when the store is back.
     *
     * @param root the workspace folder {@code link}'s file and the incident's relative files are named from, or null
     */
    public void join(Incident incident, RunbookLink link, Path root, Consumer<Incident> then) {
        executor.execute(() -> {
            IncidentStore s = store();
            // sameSection: linked already, e.g. by 'incident new --runbook', which writes the file differently
            Receipt linked = incident.runbooks().stream().anyMatch(l -> link.sameSection(l, root)) ? null
                    : s.append(TimelineEntry.create(incident.id(), author, new EntryBody.RunbookLinked(link)));
            Incident held = linked == null ? incident : incident.apply(linked.entry());
            return OutageFallback.read(s, () -> new Joined(s.get(incident.id()).orElse(held), linked, false),
                    () -> new Joined(held, linked, true));
        }, joined -> {
            replaceInList(joined.incident());
            // Another incident: the listener shows its timeline. The one shown is not read again: the link's receipt
            // below adds it, and what other consoles stored meanwhile arrives as it does anyway.
            selected.set(joined.incident());
            if (joined.linked() != null) {
                accept(joined.linked());
            }
            if (joined.offline()) {
                timeline.joinedOffline();
            }
            then.accept(joined.incident());
        }, this::fail);
    }

    /** {@code linked}: the receipt of the section's link, null when the incident had it already. */
    private record Joined(Incident incident, Receipt linked, boolean offline) {
    }

    /** Open incidents from the last refresh, newest first. */
    public List<Incident> openIncidents() {
        return incidents.stream().filter(Incident::open).toList();
    }

    /** Selects the incident with {@code id} once the list holds it (for demos and screenshots). */
    public void selectWhenLoaded(String id) {
        incidents.addListener((javafx.collections.ListChangeListener<Incident>) c -> {
            if (selected.get() == null) {
                incidents.stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(selected::set);
            }
        });
    }

    IncidentStore store() {
        IncidentStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    try {
                        IncidentStore opened = opener.call();
                        watch(opened, opened.connectivity(), opened.pendingEntries());
                    } catch (StoreException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot open the incident store: " + e.getMessage(), e);
                    }
                }
                s = store;
            }
        }
        return s;
    }

    /**
     * Switches to the store {@code next} opens (off the UI thread): the list then shows its incidents and the
     * old store is closed, its locally saved entries kept for when it is used again. {@code then} gets an empty
     * string once switched, or the one-sentence reason it could not be opened (the old store stays).
     */
    public void useStore(Callable<IncidentStore> next, Consumer<String> then) {
        executor.execute(() -> {
            IncidentStore s = next.call();
            return new Opened(s, s.connectivity(), s.pendingEntries());
        }, opened -> {
            IncidentStore old;
            synchronized (this) {
                old = store;
                if (connectivity != null) {
                    connectivity.close();
                }
                watch(opened.store(), opened.state(), opened.queued());
            }
            selected.set(null);
            timeline.storeSwitched();
            incidents.clear();
            error.set("");
            refresh();
            if (old != null) {
                executor.execute(() -> {
                    old.close();
                    return null;
                }, x -> { }, x -> { });
            }
            then.accept("");
        }, e -> then.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** A receipt of an entry written elsewhere in this console (health recorder): shown, counted, and listed. */
    public void recorded(Receipt receipt) {
        accept(receipt);
        String id = receipt.entry().incidentId();
        if (incidents.stream().noneMatch(i -> i.id().equals(id))) {
            refresh(); // opened by 'incident new' or another console since the last listing
        }
    }

    private void accept(Receipt receipt) {
        timeline.accept(receipt);
        if (receipt.outcome() == Receipt.Outcome.JOURNALED) {
            executor.execute(() -> store().pendingEntries(), n -> timeline.queuedProperty().set(n), e -> { });
        }
    }

    private record Opened(IncidentStore store, Connectivity state, int queued) {
    }

    /** Lock held: makes {@code opened} the store and follows its connectivity, {@code now} to begin with. */
    private void watch(IncidentStore opened, Connectivity now, int queued) {
        store = opened;
        connectivity = storeLine.follow(opened, now, queued, () -> {
            if (store == opened) {
                refresh(); // a window opened during the outage has listed nothing yet
            }
        });
    }

    /** @param ticket the number of the refresh that listed them */
    private void setIncidents(List<Incident> list, int ticket) {
        String keep = selected.get() == null ? null : selected.get().id();
        IncidentList.update(incidents, IncidentList.keepingChanged(incidents, changedAt, list, ticket));
        error.set("");
        if (keep != null) {
            incidents.stream().filter(i -> i.id().equals(keep)).findFirst().ifPresent(selected::set);
        }
    }

    private void replaceInList(Incident now) {
        if (now == null) {
            return;
        }
        for (int i = 0; i < incidents.size(); i++) {
            if (incidents.get(i).id().equals(now.id()) && !incidents.get(i).equals(now)) {
                incidents.set(i, now);
                changedAt.put(now.id(), refreshes.get());
            }
        }
        if (selected.get() != null && selected.get().id().equals(now.id())) {
            selected.set(now);
        }
    }

    private void fail(Exception e) {
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public ObservableList<Incident> incidents() {
        return incidents;
    }

    public ObjectProperty<Incident> selectedProperty() {
        return selected;
    }

    public BooleanProperty showResolvedProperty() {
        return showResolved;
    }

    /** True while the team store is unreachable (entries are journaled locally meanwhile). */
    public BooleanProperty offlineProperty() {
        return storeLine.offlineProperty();
    }

    /**
     * {@code Team store unreachable (db.internal:5432/incidents) - 3 entries queued} while the team store is
     * unreachable, else empty.
     */
    public ReadOnlyStringProperty offlineTextProperty() {
        return storeLine.textProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public String author() {
        return author;
    }

    /** Lists again every {@code interval} (off the UI thread) until {@link #close()}: incidents opened elsewhere appear. */
    public void refreshEvery(Duration interval) {
        if (autoRefresh != null) {
            autoRefresh.cancel();
        }
        // The read runs in the tick itself, so the next tick waits for it; a slow store is read one at a time.
        autoRefresh = executor.scheduleWithFixedDelay(() -> {
            if (reading.get() > 0) {
                return null; // a read is under way: its answer is as fresh
            }
            int ticket = refreshes.incrementAndGet();
            return new Timed(IncidentList.read(store(), openOnly), ticket);
        }, interval, interval, timed -> {
            if (timed != null) {
                show(timed.listed(), timed.ticket());
            }
        }, this::fail);
    }

    @Override
    public void close() {
        if (autoRefresh != null) {
            autoRefresh.cancel();
        }
        IncidentStore s = store;
        if (s != null) {
            s.close();
        }
    }
}
