package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.gui.util.TestFxExecutors;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import dev.incidentconsole.runbook.Runbook;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening a walkthrough reads the timeline as the console holds it, so a team store that stops answering (a real
 * embedded PostgreSQL stopped mid-test) loses nothing; and of quick reopenings only the latest is shown.
 */
class WalkOpeningTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path dir;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<WalkthroughViewModel> shown = new ArrayList<>();
    private CommandRunner runner;

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    @AfterEach
    void close() throws Exception {
        onUi(() -> {
            for (AutoCloseable c : closing) {
                c.close();
            }
            return null;
        });
        uiThread.shutdown();
        uiThread.awaitTermination(10, TimeUnit.SECONDS);
        if (runner != null) {
            runner.close();
        }
        pg.ensureRunning();
    }

    /**
     * The reviewer's finding: during a team-store outage a walkthrough opened again started fresh, though the
     * timeline beside it showed its steps. What was stored before the outage and what waits in the journal since are
     * both put back, the journaled entries after the stored ones.
     */
    @Test
    void aWalkthroughOpenedAgainDuringATeamStoreOutageIsPutBackFromTheTimelineTheConsoleHolds() throws Exception {
        IncidentViewModel incidents = incidents(new DirectTaskExecutor(), uiThread,
                () -> IncidentStores.postgres(pg.url(), "postgres", null, dir, FAST_RETRY));
        WalkOpening opening = opening(new DirectTaskExecutor(), incidents, uiThread);
        Runbook web = WalkRunbook.write(dir);
        AtomicReference<Incident> incident = new AtomicReference<>();
        onUi(() -> {
            incidents.start(IncidentDraft.of("Checkout 502s", Severity.P1), incident::set);
            opening.open(incident.get(), web, WalkRunbook.procedure(web), null);
            WalkthroughViewModel first = shown.get(0);
            first.skip(first.steps().get(1), "not yet"); // stored
            return null;
        });

        pg.stop();
        await().atMost(WAIT).until(() -> onUi(() -> incidents.offlineProperty().get()));
        onUi(() -> {
            WalkthroughViewModel first = shown.get(0);
            first.done(first.steps().get(0), "backend logs show OOM");
            first.done(first.steps().get(1), "restarted after all");
            return null;
        });
        assertThat(onUi(() -> incidents.timeline().queuedProperty().get())).isEqualTo(2);
        assertThatThrownBy(() -> onUi(() -> incidents.store().entries(incident.get().id(), 0)))
                .as("the store cannot give them back now").hasCauseInstanceOf(StoreException.class);

        onUi(() -> {
            opening.open(incident.get(), web, WalkRunbook.procedure(web), null);
            return null;
        });

        WalkthroughViewModel again = shown.get(1);
        assertThat(onUi(() -> again.steps().stream().map(s -> s.statusProperty().get()).toList())).startsWith(
                "Done (recorded): backend logs show OOM", "Done (recorded): restarted after all");
        assertThat(onUi(() -> incidents.errorProperty().get())).isEmpty();
    }

    /**
     * Paged at 3 a.m. while the team store is down: joining the incident the list shows, from a runbook section,
     * failed ("the incident database is unreachable"). It is joined as the console holds it, the walkthrough opens, what
     * is recorded is kept on this machine and shown again when the incident is selected again, and every entry reaches
     * the store once, in the order recorded, when it is back.
     */
    @Test
    void joiningFromASectionDuringAnOutageKeepsRecordingAndEveryEntryReachesTheStoreOnceInOrder() throws Exception {
        Incident paged;
        try (IncidentStore other = IncidentStores.postgres(pg.url(), "postgres", null, dir.resolve("other"), FAST_RETRY)) {
            paged = other.create(IncidentDraft.of("Checkout 502s", Severity.P1), "bob");
            other.append(TimelineEntry.create(paged.id(), "bob", new EntryBody.Note("deploy v42 rolled out", null)));
        }
        IncidentViewModel incidents = incidents(new DirectTaskExecutor(), uiThread,
                () -> IncidentStores.postgres(pg.url(), "postgres", null, dir, FAST_RETRY));
        WalkOpening opening = opening(new DirectTaskExecutor(), incidents, uiThread);
        Runbook web = WalkRunbook.write(dir);
        onUi(() -> {
            incidents.refresh(); // the list holds the incident; its timeline was never shown here
            return null;
        });
        pg.stop();
        await().atMost(WAIT).until(() -> onUi(() -> incidents.offlineProperty().get()));

        WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();
        dialogs.choice = paged.id();
        IncidentStarter starter = new IncidentStarter(incidents, dialogs, dir,
                (incident, runbook, procedure, service) -> opening.open(incident, runbook, procedure, service));
        onUi(() -> {
            starter.start(web, WalkRunbook.procedure(web));
            return null;
        });

        assertThat(onUi(() -> incidents.errorProperty().get())).isEmpty();
        assertThat(shown).hasSize(1);
        TimelineViewModel timeline = incidents.timeline();
        assertThat(onUi(() -> timeline.incidentProperty().get().runbooks())).hasSize(1);
        assertThat(onUi(() -> timeline.messageProperty().get())).contains("kept on this machine");
        onUi(() -> {
            WalkthroughViewModel walk = shown.get(0);
            walk.done(walk.steps().get(0), "backend logs show OOM");
            timeline.addNote("paged at 3 a.m., store down", false);
            return null;
        });
        List<TimelineEntry> kept = onUi(() -> List.copyOf(timeline.entries()));
        assertThat(kept).extracting(TimelineEntry::seq).containsOnly(0L);
        assertThat(kept).extracting(TimelineEntry::kind).startsWith("runbook_linked").endsWith("note");

        onUi(() -> {
            incidents.selectedProperty().set(null);
            incidents.selectedProperty().set(incidents.incidents().get(0));
            return null;
        });
        await().atMost(WAIT).until(() -> onUi(() -> timeline.entries().size() == kept.size()));
        assertThat(onUi(() -> List.copyOf(timeline.entries()))).as("shown again from the journal").isEqualTo(kept);

        pg.ensureRunning();
        await().atMost(WAIT).until(() -> onUi(() -> !incidents.offlineProperty().get()
                && timeline.entries().stream().allMatch(e -> e.seq() > 0) && timeline.entries().size() == kept.size() + 2));
        List<TimelineEntry> stored = onUi(() -> incidents.store().entries(paged.id(), 0));
        assertThat(stored).extracting(TimelineEntry::id).doesNotHaveDuplicates()
                .endsWith(kept.stream().map(TimelineEntry::id).toArray(java.util.UUID[]::new));
        assertThat(stored).extracting(TimelineEntry::kind).startsWith("created", "note").hasSize(kept.size() + 2);
        assertThat(stored).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, kept.size() + 2).boxed().toList());
    }

    /** A walkthrough of an incident the console does not show is read back from the journal, not opened fresh. */
    @Test
    void aWalkthroughOfAnIncidentNotShownIsPutBackFromTheJournalDuringAnOutage() throws Exception {
        Incident paged;
        try (IncidentStore other = IncidentStores.postgres(pg.url(), "postgres", null, dir.resolve("other"), FAST_RETRY)) {
            paged = other.create(IncidentDraft.of("Queue backlog", Severity.P2), "bob");
        }
        IncidentViewModel incidents = incidents(new DirectTaskExecutor(), uiThread,
                () -> IncidentStores.postgres(pg.url(), "postgres", null, dir, FAST_RETRY));
        WalkOpening opening = opening(new DirectTaskExecutor(), incidents, uiThread);
        Runbook web = WalkRunbook.write(dir);
        onUi(() -> {
            incidents.refresh();
            return null;
        });
        pg.stop();
        await().atMost(WAIT).until(() -> onUi(() -> incidents.offlineProperty().get()));

        onUi(() -> {
            opening.open(paged, web, WalkRunbook.procedure(web), null);
            WalkthroughViewModel walk = shown.get(0);
            walk.done(walk.steps().get(0), "consumers restarted");
            opening.open(paged, web, WalkRunbook.procedure(web), null);
            return null;
        });

        assertThat(onUi(() -> incidents.selectedProperty().get())).as("not shown").isNull();
        assertThat(onUi(() -> shown.get(1).steps().get(0).statusProperty().get()))
                .isEqualTo("Done (recorded): consumers restarted");
        assertThat(onUi(() -> incidents.errorProperty().get())).isEmpty();
    }

    /** One worker: the answers come in the order asked, the first before the second is shown. */
    @Test
    void ofTwoQuickReopeningsOnlyTheLastIsShown() throws Exception {
        Queued q = queued();
        TestUi ui = q.ui();
        WalkOpening opening = q.opening();
        Runbook web = WalkRunbook.write(dir);
        Runbook checkout = WalkRunbook.writeCheckout(dir);
        Incident incident = started(q, IncidentDraft.of("Checkout 502s", Severity.P2));
        AtomicReference<Exception> failed = new AtomicReference<>();

        opening.resume(incident, () -> web, WalkRunbook::procedure, failed::set);
        opening.resume(incident, () -> checkout, r -> WalkRunbook.section(r, "Checkout down"), failed::set);
        ui.runUntil(() -> shown.size() == 1, WAIT);
        answered(q);

        assertThat(shown).extracting(w -> w.procedure().title()).containsExactly("Checkout down");
        assertThat(failed.get()).isNull();
    }

    /**
     * Opened straight (not through "Resume walkthrough"), for an incident the timeline does not show: both reads of
     * its timeline go to the store, and the first answer arrives while the second is still pending.
     */
    @Test
    void ofTwoOpeningsWhoseTimelinesAreStillBeingReadOnlyTheLastIsShown() throws Exception {
        Queued q = queued();
        WalkOpening opening = q.opening();
        Runbook web = WalkRunbook.write(dir);
        Runbook checkout = WalkRunbook.writeCheckout(dir);
        Incident notShown = started(q, IncidentDraft.of("Checkout 502s", Severity.P2));
        Incident selected = started(q, IncidentDraft.of("Queue backlog", Severity.P2));
        q.incidents().selectedProperty().set(selected);
        answered(q);

        opening.open(notShown, web, WalkRunbook.procedure(web), null);
        opening.open(notShown, checkout, WalkRunbook.section(checkout, "Checkout down"), null);
        q.ui().runUntil(() -> !shown.isEmpty(), WAIT);
        answered(q);

        assertThat(shown).extracting(w -> w.procedure().title()).containsExactly("Checkout down");
        assertThat(shown.get(0).incidentId()).isEqualTo(notShown.id());
    }

    @Test
    void aReopeningOvertakenByTheSelectionOfAnotherIncidentIsDropped() throws Exception {
        Queued q = queued();
        TestUi ui = q.ui();
        IncidentViewModel incidents = q.incidents();
        WalkOpening opening = q.opening();
        Runbook web = WalkRunbook.write(dir);
        Incident first = started(q, IncidentDraft.of("Checkout 502s", Severity.P2));
        Incident second = started(q, IncidentDraft.of("Queue backlog", Severity.P2));
        incidents.selectedProperty().set(first);

        opening.resume(first, () -> web, WalkRunbook::procedure, e -> { });
        incidents.selectedProperty().set(second);
        answered(q);

        assertThat(shown).isEmpty();
        opening.open(second, web, WalkRunbook.procedure(web), null);
        ui.runUntil(() -> shown.size() == 1, WAIT);
        assertThat(shown.get(0).incidentId()).isEqualTo(second.id());
    }

    /** The try-out's finding: "Resume walkthrough" carried no service, so its "Wait until UP" knew none. */
    @Test
    void aResumedWalkthroughIsForTheServiceItsIncidentWasStartedFor() throws Exception {
        Queued q = queued();
        TestUi ui = q.ui();
        WalkOpening opening = q.opening();
        Runbook web = WalkRunbook.write(dir);
        Incident started = started(q, new IncidentDraft("Checkout 502s", Severity.P1, "prod", List.of("checkout"),
                List.of(), null));

        opening.resume(started, () -> web, WalkRunbook::procedure, e -> { });
        ui.runUntil(() -> shown.size() == 1, WAIT);

        assertThat(shown.get(0).service().name()).isEqualTo("checkout");
        assertThat(shown.get(0).steps()).filteredOn(s -> s.serviceWait() != null).hasSize(2);
    }

    /** Pumps the UI until every answer asked for so far was handed to it (one worker, one UI queue: in order). */
    private static void answered(Queued q) throws InterruptedException {
        q.ui().runUntilAnswered(q.executor(), WAIT);
    }

    /** An embedded store's incidents and their reopenings on one worker, the UI a queue the test pumps. */
    private record Queued(TestUi ui, FxTaskExecutor executor, IncidentViewModel incidents, WalkOpening opening) {
    }

    private Queued queued() {
        TestUi ui = new TestUi();
        FxTaskExecutor executor = TestFxExecutors.withUi(1, ui);
        closing.add(executor);
        IncidentViewModel incidents = incidents(executor, ui, this::embedded);
        return new Queued(ui, executor, incidents, opening(executor, incidents, ui));
    }

    private IncidentStore embedded() throws StoreException {
        return IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
    }

    private IncidentViewModel incidents(TaskExecutor executor, Executor ui, Callable<IncidentStore> opener) {
        IncidentViewModel incidents = new IncidentViewModel(executor, ui, opener, "alice");
        incidents.followStore();
        closing.add(0, incidents);
        return incidents;
    }

    private static Incident started(Queued q, IncidentDraft draft) throws InterruptedException {
        AtomicReference<Incident> started = new AtomicReference<>();
        q.incidents().start(draft, started::set);
        q.ui().runUntil(() -> started.get() != null, WAIT);
        return started.get();
    }

    private WalkOpening opening(TaskExecutor executor, IncidentViewModel incidents, Executor ui) {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        RunServices run = new RunServices(runner, new DirectTaskExecutor(), ui, new WalkRunbook.ScriptedDialogs(),
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        WalkServices services = new WalkServices(run, new SimpleObjectProperty<>(TargetCatalog.localOnly()),
                ServiceWatch.NONE, (delay, task) -> () -> { }, Clock.systemDefaultZone());
        return new WalkOpening(executor, incidents, (incident, runbook, procedure, service) -> new WalkthroughViewModel(
                incident.id(), runbook, procedure, incidents.timeline(), services, service), () -> ServiceWatch.NONE, shown::add);
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return uiThread.submit(work).get(60, TimeUnit.SECONDS);
    }
}
