package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident list against a real embedded store, with answers arriving in the order a test chooses. */
class IncidentListTest {
    @TempDir
    Path dir;

    private final HeldTaskExecutor answers = HeldTaskExecutor.answersLater();
    private IncidentStore store;
    private IncidentViewModel model;

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        store.create(IncidentDraft.of("Older outage", Severity.P3), "bob");
        model = new IncidentViewModel(answers, Runnable::run, () -> store, "alice");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anIncidentStartedWhileTheListLoadsStaysListedAndSelected() {
        model.refresh(); // lists the store before the new incident exists; its answer is slow
        AtomicReference<Incident> started = new AtomicReference<>();
        model.start(IncidentDraft.of("Checkout 5xx", Severity.P1), started::set);

        answers.runAllNewestFirst(); // the start answers first, then the stale listing

        assertThat(model.incidents()).extracting(Incident::title).containsExactly("Checkout 5xx", "Older outage");
        assertThat(model.selectedProperty().get().id()).isEqualTo(started.get().id());
    }

    /** The reviewer's finding: the answer of a refresh asked before another was applied when it came last. */
    @Test
    void aListingAskedBeforeTheFilterChangedIsDroppedWhenItAnswersLast() throws Exception {
        Incident fixed = store.create(IncidentDraft.of("Fixed yesterday", Severity.P2), "bob");
        store.append(TimelineEntry.create(fixed.id(), "bob",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.RESOLVED, "disk replaced")));
        model.refresh(); // every incident, resolved ones too; its answer is slow

        model.showResolvedProperty().set(false); // refreshes: open incidents only
        answers.runAllNewestFirst();

        assertThat(model.incidents()).extracting(Incident::title).containsExactly("Older outage");
    }

    /** The reviewer's finding: joining read the timeline twice, once through the selection and once more. */
    @Test
    void joiningAnIncidentReadsItsTimelineOnce() throws Exception {
        HeldTaskExecutor workers = new HeldTaskExecutor();
        IncidentViewModel joining = new IncidentViewModel(workers, Runnable::run, () -> store, "alice");
        Incident older = store.list(false).get(0);

        joining.join(older, new RunbookLink("web.md", List.of("Web", "Backend failing")), null, i -> { });
        workers.runNext(); // the join: links the section

        assertThat(joining.selectedProperty().get().id()).isEqualTo(older.id());
        assertThat(workers.pending()).as("the timeline's one load").isEqualTo(1);
        workers.runAll();
        assertThat(joining.timeline().entries()).extracting(TimelineEntry::kind)
                .containsExactly("created", "runbook_linked");
    }

    /** The lead's finding: joining the incident shown read its timeline a second time, the store's copy differing. */
    @Test
    void joiningTheIncidentShownReadsNothingMoreAndShowsTheLink() throws Exception {
        HeldTaskExecutor workers = new HeldTaskExecutor();
        IncidentViewModel joining = new IncidentViewModel(workers, Runnable::run, () -> store, "alice");
        Incident older = store.list(false).get(0);
        joining.selectedProperty().set(older);
        workers.runAll(); // its timeline's load
        store.append(TimelineEntry.create(older.id(), "bob", new EntryBody.StatusChanged(Status.INVESTIGATING,
                Status.MITIGATED, "rolled back"))); // the store's copy now differs from the one selected

        joining.join(older, new RunbookLink("web.md", List.of("Web", "Backend failing")), null, i -> { });
        workers.runNext(); // the join: links the section

        assertThat(workers.pending()).as("no second read of the timeline").isZero();
        assertThat(joining.timeline().entries()).extracting(TimelineEntry::kind)
                .containsExactly("created", "runbook_linked");
        assertThat(joining.timeline().incidentProperty().get().runbooks()).hasSize(1);
    }

    @Test
    void aLaterListingThatNoLongerHasItWins() throws Exception {
        model.showResolvedProperty().set(false); // refreshes: open incidents only
        answers.runAll();
        AtomicReference<Incident> started = new AtomicReference<>();
        model.start(IncidentDraft.of("Checkout 5xx", Severity.P1), started::set);
        answers.runAll();
        store.append(TimelineEntry.create(started.get().id(), "bob",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.RESOLVED, "fixed on another laptop")));

        model.refresh(); // asked for after the start: it is the truth, and resolved incidents are hidden
        answers.runAll();

        assertThat(model.incidents()).extracting(Incident::title).containsExactly("Older outage");
    }

    /**
     * House review: a listing read before a local change and answering after it dropped the incident changed here
     * when it omitted it (resolved elsewhere meanwhile, reopened here), though the incident is open.
     */
    @Test
    void aStaleListingThatOmitsAnIncidentChangedHereSinceKeepsItUntilALaterListing() throws Exception {
        model.showResolvedProperty().set(false); // open incidents only
        answers.runAll();
        Incident older = model.incidents().get(0);
        model.selectedProperty().set(older);
        answers.runAll(); // its timeline
        store.append(TimelineEntry.create(older.id(), "bob",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.RESOLVED, "fixed on another laptop")));

        model.refresh(); // the 15 s read: resolved, so not listed; its answer is slow
        model.timeline().changeStatus(Status.MITIGATED); // alice, here: open again
        answers.runAllNewestFirst(); // the change answers first, then the stale listing

        assertThat(model.incidents()).extracting(Incident::id).containsExactly(older.id());
        assertThat(model.incidents().get(0).status()).isEqualTo(Status.MITIGATED);
        assertThat(model.selectedProperty().get().id()).isEqualTo(older.id());

        model.refresh(); // asked for after the change: it decides
        answers.runAll();
        assertThat(model.incidents()).extracting(Incident::id).containsExactly(older.id());
    }

    /** The reviewer's finding: during an active incident every 15 s read replaced every row, dropping the selection. */
    @Test
    void aReadWithOneChangedIncidentSetsThatRowInPlaceAndKeepsTheOthersAndTheSelection() throws Exception {
        Incident active = store.create(IncidentDraft.of("Checkout 5xx", Severity.P1), "bob");
        model.refresh();
        answers.runAll();
        Incident older = model.incidents().stream().filter(i -> i.title().equals("Older outage")).findFirst().orElseThrow();
        model.selectedProperty().set(model.incidents().stream().filter(i -> i.id().equals(active.id()))
                .findFirst().orElseThrow());
        answers.runAll(); // the selected incident's timeline
        int row = model.incidents().indexOf(model.selectedProperty().get());
        store.append(TimelineEntry.create(active.id(), "bob", new EntryBody.Note("rolled back web-3", null)));
        List<String> changes = new ArrayList<>();
        model.incidents().addListener((ListChangeListener<Incident>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ".." + c.getTo() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });

        model.refresh(); // the periodic read: one entry more on the active incident
        answers.runAll();

        assertThat(changes).containsExactly(row + ".." + (row + 1) + " replaced");
        assertThat(model.incidents()).filteredOn(i -> i.id().equals(older.id())).singleElement().isSameAs(older);
        assertThat(model.selectedProperty().get().id()).isEqualTo(active.id());
        assertThat(model.selectedProperty().get().entryCount()).isEqualTo(active.entryCount() + 1);
    }

    @Test
    void aListingReadBeforeALocalChangeDoesNotBringBackTheOldCopy() throws Exception {
        Incident before = store.list(false).get(0);
        Thread.sleep(5); // the change is stored later than the listing's copy
        store.append(TimelineEntry.create(before.id(), "alice",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.MITIGATED, "rolled back")));
        Incident after = store.get(before.id()).orElseThrow();
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        List<Incident> rows = new ArrayList<>(List.of(after));

        IncidentList.update(rows, List.of(before));

        assertThat(rows).singleElement().isSameAs(after);
    }

    /** Reviewer: a status change recorded late, about earlier, leaves updatedAt as it was, and the old copy won. */
    @Test
    void aListingReadBeforeABackDatedLocalChangeDoesNotBringBackTheOldStatus() throws Exception {
        Incident before = store.list(false).get(0);
        store.append(TimelineEntry.happened(before.id(), "alice",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.RESOLVED, "fixed an hour ago"), null,
                before.startedAt().minus(Duration.ofMinutes(1)), java.time.Clock.systemUTC()));
        Incident after = store.get(before.id()).orElseThrow();
        assertThat(after.updatedAt()).as("back-dated: not later").isEqualTo(before.updatedAt());
        assertThat(after.status()).isEqualTo(Status.RESOLVED);
        List<Incident> rows = new ArrayList<>(List.of(after));

        IncidentList.update(rows, List.of(before));

        assertThat(rows).singleElement().isSameAs(after);
    }

    @Test
    void aListingInAnotherOrderWithNewAndGoneIncidentsIsShownInItsOrder() throws Exception {
        Incident a = store.list(false).get(0);
        Incident b = store.create(IncidentDraft.of("B", Severity.P2), "bob");
        Incident c = store.create(IncidentDraft.of("C", Severity.P2), "bob");
        List<Incident> rows = new ArrayList<>(List.of(a, b));

        IncidentList.update(rows, List.of(c, b));

        assertThat(rows).containsExactly(c, b);
        assertThat(rows.get(1)).isSameAs(b);
    }

    /** The real store, counting its listings. */
    private IncidentStore counting(AtomicInteger lists) {
        return (IncidentStore) Proxy.newProxyInstance(IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        lists.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The reviewer's finding: on a slow store each tick started another read, superseding the one under way. */
    @Test
    void aTickWhileAReadIsUnderWayReadsNothingAndThatReadIsShown() {
        AtomicInteger lists = new AtomicInteger();
        IncidentStore counted = counting(lists);
        IncidentViewModel timed = new IncidentViewModel(answers, Runnable::run, () -> counted, "alice");
        timed.refresh(); // read; its answer is slow
        timed.refreshEvery(Duration.ofSeconds(15));

        answers.advance(Duration.ofSeconds(15));
        assertThat(lists).as("the tick skipped: a read is under way").hasValue(1);
        answers.runAll();
        assertThat(timed.incidents()).extracting(Incident::title).containsExactly("Older outage");

        answers.advance(Duration.ofSeconds(15));
        assertThat(lists).as("the next tick reads, in the tick itself").hasValue(2);
    }

    @Test
    void callingRefreshEveryAgainReplacesTheEarlierTimer() {
        AtomicInteger lists = new AtomicInteger();
        IncidentStore counted = counting(lists);
        IncidentViewModel timed = new IncidentViewModel(answers, Runnable::run, () -> counted, "alice");
        timed.refreshEvery(Duration.ofSeconds(15));
        timed.refreshEvery(Duration.ofSeconds(15)); // e.g. the window set up again

        answers.advance(Duration.ofSeconds(15));
        assertThat(lists).as("one timer, one read").hasValue(1);
        assertThat(timed.incidents()).extracting(Incident::title).containsExactly("Older outage");
    }
}
