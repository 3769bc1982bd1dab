package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.gui.util.TestFxExecutors;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Incidents view holds of an incident during a team-store outage (a real embedded PostgreSQL stopped
 * mid-test), with store answers that arrive after the UI went on, as in the app: one worker, the UI a queue the test
 * pumps. What was seen of an incident before the outage is neither hidden nor forgotten.
 */
class OutageSeenTimelineTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path dir;
    private final TestUi ui = new TestUi();
    private FxTaskExecutor executor;
    private IncidentViewModel model;
    private TimelineViewModel timeline;

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    @BeforeEach
    void open() {
        executor = TestFxExecutors.withUi(1, ui);
        model = new IncidentViewModel(executor, ui, () -> IncidentStores.postgres(pg.url(), "postgres", null, dir,
                FAST_RETRY), "alice");
        model.followStore();
        timeline = model.timeline();
    }

    @AfterEach
    void close() throws IOException {
        model.close();
        executor.close();
        pg.ensureRunning();
    }

    @Test
    void joiningASeenIncidentDuringTheOutageShowsWhatWasStoredBeforeWithTheNewLink() throws Exception {
        Incident checkout = seenThenLeft();
        goOffline();

        AtomicReference<Incident> joined = new AtomicReference<>();
        model.join(listed(checkout), new RunbookLink("web.md", List.of("Web", "Backend failing")), null, joined::set);
        ui.runUntil(() -> joined.get() != null, WAIT);
        answered();

        assertThat(shown()).containsExactly("created 1", "note 2", "runbook_linked 0");
        assertThat(timeline.incidentProperty().get().title()).isEqualTo("Checkout 502s");
        assertThat(timeline.incidentProperty().get().runbooks()).hasSize(1);
    }

    /** As the health recorder hands over what it recorded: its receipt arrives before the incident's load answers. */
    @Test
    void anEntryWhoseReceiptArrivesBeforeTheLoadAnswersIsShownWithWhatWasSeenBefore() throws Exception {
        Incident checkout = seenThenLeft();
        goOffline();
        AtomicReference<Receipt> kept = new AtomicReference<>();
        executor.execute(() -> model.store().append(TimelineEntry.create(checkout.id(), "health",
                new EntryBody.Note("checkout is DOWN", null))), kept::set, e -> { });
        ui.runUntil(() -> kept.get() != null, WAIT);

        model.selectedProperty().set(listed(checkout));
        model.recorded(kept.get());
        answered();

        assertThat(shown()).containsExactly("created 1", "note 2", "note 0");
    }

    @Test
    void clickingAwayBeforeTheLoadAnswersKeepsWhatWasSeenOfTheIncident() throws Exception {
        Incident checkout = seenThenLeft();
        Incident backlog = model.selectedProperty().get();
        goOffline();

        model.selectedProperty().set(listed(checkout));
        model.selectedProperty().set(listed(backlog)); // before the checkout's load answered
        answered();
        model.selectedProperty().set(listed(checkout));
        answered();

        assertThat(shown()).containsExactly("created 1", "note 2");
    }

    /** A walkthrough reopened for an incident not shown reads its timeline as {@link TimelineViewModel#held} gives it. */
    @Test
    void theTimelineOfAnIncidentNotShownHoldsWhatWasSeenOfItAndWhatWasRecordedSince() throws Exception {
        Incident checkout = seenThenLeft();
        goOffline();
        AtomicBoolean kept = new AtomicBoolean();
        timeline.record(checkout.id(), new EntryBody.Note("backend logs show OOM", null), null, r -> kept.set(true));
        ui.runUntil(kept::get, WAIT);

        AtomicReference<List<TimelineEntry>> held = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        timeline.held(checkout.id(), held::set, failed::set);
        ui.runUntil(() -> held.get() != null || failed.get() != null, WAIT);

        assertThat(failed.get()).isNull();
        assertThat(held.get()).extracting(e -> e.kind() + " " + e.seq()).containsExactly("created 1", "note 2", "note 0");
    }

    @Test
    void anIncidentListedFromTheJournalDuringTheOutageTakesItsPlaceNewestFirst() throws Exception {
        Incident older = started("Checkout 502s", Severity.P1);
        model.refresh();
        answered();
        goOffline();
        // Started through this store (it journals it), not through this list: only the journal has it.
        AtomicReference<String> later = new AtomicReference<>();
        executor.execute(() -> model.store().append(IncidentDraft.of("Queue backlog", Severity.P2)
                .toEntry("alice", Clock.systemUTC())), r -> later.set(r.entry().incidentId()), e -> { });
        ui.runUntil(() -> later.get() != null, WAIT);

        model.refresh();
        answered();

        assertThat(model.incidents()).extracting(Incident::id).startsWith(later.get(), older.id());
    }

    /**
     * The incident was exported from this team store into another (its creation only), which the console switches to
     * before it goes down: what this console saw of the incident in the first store belongs to another timeline.
     */
    @Test
    void whatWasSeenInOneStoreIsNeverMergedIntoAnotherStoresTimeline() throws Exception {
        Incident checkout = seenThenLeft();
        TimelineEntry created = model.store().entries(checkout.id(), 0).get(0);
        pg.execute("DROP DATABASE IF EXISTS other_team", "CREATE DATABASE other_team");
        try (IncidentStore other = IncidentStores.postgres(pg.url("other_team"), "postgres", null, dir, FAST_RETRY)) {
            other.importDocument(IncidentDocument.of(List.of(created)));
        }
        AtomicReference<String> switched = new AtomicReference<>();
        model.useStore(() -> IncidentStores.postgres(pg.url("other_team"), "postgres", null, dir, FAST_RETRY),
                switched::set);
        ui.runUntil(() -> switched.get() != null, WAIT);
        answered();
        goOffline();

        AtomicReference<List<TimelineEntry>> held = new AtomicReference<>();
        timeline.held(checkout.id(), held::set, e -> held.set(List.of()));
        model.selectedProperty().set(listed(checkout));
        answered();

        assertThat(switched.get()).isEmpty();
        assertThat(held.get()).as("the other store's journal holds nothing of it").isEmpty();
        assertThat(shown()).doesNotContain("note 2");
    }

    /**
     * {@code incident note} run in a terminal on this machine during the outage queues in its own journal file in the
     * same data folder and exits: the window's store takes it over and the timeline shown gets it, stored once when
     * the store is back. (Another console's entries cannot arrive during the outage: they wait on its machine.)
     */
    @Test
    void aNoteQueuedInATerminalDuringTheOutageShowsInTheTimelineShownAndIsStoredOnce() throws Exception {
        Incident checkout = seenThenLeft();
        goOffline();
        model.selectedProperty().set(listed(checkout));
        answered();
        try (IncidentStore terminal = IncidentStores.postgresQueueing(pg.url(), "postgres", null, dir, FAST_RETRY)) {
            assertThat(terminal.append(TimelineEntry.create(checkout.id(), "bob", new EntryBody.Note("paged the DBA",
                    null))).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        }

        ui.runUntil(() -> shown().contains("note 0"), WAIT);
        assertThat(shown()).containsExactly("created 1", "note 2", "note 0");

        pg.ensureRunning();
        ui.runUntil(() -> !model.offlineProperty().get() && shown().contains("note 3"), WAIT);
        assertThat(shown()).containsExactly("created 1", "note 2", "note 3");
    }

    /** Checkout 502s started and noted (stored: seen), then Queue backlog started, which is selected. */
    private Incident seenThenLeft() throws InterruptedException {
        Incident checkout = started("Checkout 502s", Severity.P1);
        timeline.addNote("deploy v42 rolled out", false);
        ui.runUntil(() -> timeline.entries().size() == 2, WAIT);
        started("Queue backlog", Severity.P3);
        answered();
        assertThat(timeline.incidentProperty().get().title()).isEqualTo("Queue backlog");
        return checkout;
    }

    private Incident started(String title, Severity severity) throws InterruptedException {
        AtomicReference<Incident> started = new AtomicReference<>();
        model.start(IncidentDraft.of(title, severity), started::set);
        ui.runUntil(() -> started.get() != null, WAIT);
        return started.get();
    }

    private void goOffline() throws Exception {
        pg.stop();
        ui.runUntil(() -> model.offlineProperty().get(), WAIT);
    }

    private Incident listed(Incident incident) {
        return model.incidents().stream().filter(i -> i.id().equals(incident.id())).findFirst().orElseThrow();
    }

    private List<String> shown() {
        return timeline.entries().stream().map(e -> e.kind() + " " + e.seq()).toList();
    }

    /** Pumps the UI until every answer asked for so far was handed to it (one worker, one UI queue: in order). */
    private void answered() throws InterruptedException {
        ui.runUntilAnswered(executor, WAIT);
    }
}
