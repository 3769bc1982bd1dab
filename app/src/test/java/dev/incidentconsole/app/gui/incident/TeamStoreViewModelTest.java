package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.FreezingProxy;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Incidents view's models against a real team store (embedded PostgreSQL) that stops and comes back, and
 * the Store dialog's model switching between it and the embedded store. Everything the UI thread would do runs
 * on one "ui" thread here, store work inline on it, as in the app.
 */
class TeamStoreViewModelTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));

    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path dir;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<IncidentViewModel> models = new ArrayList<>();

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    private static String url() {
        return pg.url();
    }

    @AfterEach
    void close() throws Exception {
        onUi(() -> {
            models.forEach(IncidentViewModel::close);
            return null;
        });
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
        pg.ensureRunning();
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(60, TimeUnit.SECONDS);
    }

    private IncidentViewModel model(Callable<dev.incidentconsole.incident.IncidentStore> opener) {
        IncidentViewModel m = new IncidentViewModel(new DirectTaskExecutor(), ui, opener, "alice");
        m.followStore();
        models.add(m);
        return m;
    }

    @Test
    void theStoreLineSaysWhenAQueuedNoteWaitsForALockAnotherSessionHoldsAndClearsWhenItIsSent() throws Exception {
        try (FreezingProxy pooler = new FreezingProxy(pg.port())) {
            String through = "jdbc:postgresql://localhost:" + pooler.port() + "/postgres";
            StoreOptions quick = new StoreOptions(Redactor.standard(), Duration.ofSeconds(1), Duration.ofMillis(200));
            IncidentViewModel model = model(() -> IncidentStores.postgres(through, "postgres", null, dir, quick));
            TimelineViewModel timeline = model.timeline();
            AtomicReference<Incident> started = new AtomicReference<>();
            onUi(() -> {
                model.start(IncidentDraft.of("Checkout 5xx", Severity.P1), started::set);
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> started.get() != null);
            try (Connection other = DriverManager.getConnection(url(), "postgres", null);
                 PreparedStatement lock = other.prepareStatement("SELECT 1 FROM incidents WHERE id = ? FOR UPDATE")) {
                other.setAutoCommit(false);
                lock.setString(1, started.get().id());
                lock.executeQuery().close(); // and left idle in the transaction, as a forgotten psql would
                pooler.freeze();
                onUi(() -> {
                    timeline.addNote("rolled back the deploy", false);
                    return null;
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineProperty().get()));
                pooler.thaw();

                await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineTextProperty().get()
                        .equals("Team store waiting for a lock held by another session - 1 entry queued")));
                assertThat(onUi(() -> model.offlineProperty().get())).as("the store answers").isFalse();
                other.rollback();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineTextProperty().get().isEmpty()));
        }
    }

    @Test
    void offlineStoreSaysHowManyEntriesWaitAndTheyAreStoredWhenItIsBack() throws Exception {
        IncidentViewModel model = model(() -> IncidentStores.postgres(url(), "postgres", null, dir, FAST_RETRY));
        TimelineViewModel timeline = model.timeline();
        onUi(() -> {
            model.start(IncidentDraft.of("Queue backlog", Severity.P2), i -> { });
            return null;
        });
        assertThat(onUi(() -> model.offlineTextProperty().get())).isEmpty();

        pg.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineProperty().get()));
        onUi(() -> {
            timeline.addNote("consumers restarted", false);
            timeline.addNote("backlog shrinking", true);
            return null;
        });

        assertThat(onUi(() -> model.offlineTextProperty().get())).isEqualTo("Team store unreachable - 3 entries queued");
        assertThat(onUi(() -> timeline.entries().stream().filter(e -> e.seq() == 0).count())).isEqualTo(3);
        assertThat(onUi(() -> timeline.messageProperty().get())).contains("saved locally");

        pg.ensureRunning();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineTextProperty().get().isEmpty()));
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> timeline.entries().stream().allMatch(e -> e.seq() > 0)));
        List<TimelineEntry> shown = onUi(() -> List.copyOf(timeline.entries()));
        assertThat(shown).extracting(TimelineEntry::kind).containsExactly("created", "note", "note", "pin");
        assertThat(shown).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(onUi(() -> timeline.queuedProperty().get())).isZero();
        assertThat(onUi(() -> timeline.incidentProperty().get().pinned())).hasSize(1);
        assertThat(onUi(() -> timeline.messageProperty().get())).as("no longer says they wait").isEmpty();
    }

    @Test
    void aWindowStartedDuringAnOutageOpensQueuesAndSendsEachEntryOnceWhenTheStoreIsBack() throws Exception {
        SettingsStore settings = new SettingsStore(dir.resolve("config/settings.json"));
        settings.update(s -> s.withStore(url(), "postgres"));
        StoreSettingsViewModel stores = new StoreSettingsViewModel(new DirectTaskExecutor(), ui, settings, dir, null,
                name -> null);
        IncidentViewModel model = model(stores::open);
        model.attach(stores);
        TimelineViewModel timeline = model.timeline();
        pg.stop();

        onUi(() -> {
            model.refresh(); // what the window does first: opens the store and lists the incidents
            return null;
        });
        String where = "localhost:" + pg.port() + "/postgres as postgres";
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> model.offlineProperty().get()));
        assertThat(onUi(() -> model.offlineTextProperty().get())).isEqualTo("Team store unreachable (" + where + ") - 0 entries queued");
        assertThat(onUi(() -> model.errorProperty().get())).isEmpty();

        AtomicReference<Incident> started = new AtomicReference<>();
        onUi(() -> {
            model.start(IncidentDraft.of("Started during the outage", Severity.P1), started::set);
            timeline.addNote("paged while the store was down", false);
            return null;
        });
        assertThat(started.get()).isNotNull();
        assertThat(onUi(() -> model.offlineTextProperty().get())).isEqualTo("Team store unreachable (" + where + ") - 2 entries queued");
        assertThat(onUi(() -> timeline.entries().stream().map(e -> e.kind() + " " + e.seq()).toList()))
                .as("shown while waiting in the journal").containsExactly("created 0", "note 0");
        assertThat(onUi(() -> model.incidents().stream().map(Incident::title).toList())).containsExactly("Started during the outage");

        pg.ensureRunning();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineTextProperty().get().isEmpty()));
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> timeline.entries().size() == 2
                && timeline.entries().stream().allMatch(e -> e.seq() > 0)));
        assertThat(onUi(() -> timeline.entries().stream().map(TimelineEntry::kind).toList())).containsExactly("created", "note");
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.incidents().stream()
                .filter(i -> i.id().equals(started.get().id())).count() == 1 && model.errorProperty().get().isEmpty()));

        onUi(() -> {
            model.close(); // the window closes; a new one opens the same journal folder
            return null;
        });
        try (var again = IncidentStores.postgres(url(), "postgres", null, dir, FAST_RETRY)) {
            assertThat(again.pendingEntries()).isZero();
            assertThat(again.entries(started.get().id(), 0)).extracting(TimelineEntry::kind).containsExactly("created", "note");
            assertThat(again.list(false)).extracting(Incident::title).containsOnlyOnce("Started during the outage");
        }
    }

    /**
     * The try-out's finding: a window restarted during the outage listed nothing, so the incident the engineer had
     * started in it (still in the journal) could not be selected again and a second one was started. It is listed from
     * the journal, shows what was recorded, and is sent once when the store is back.
     */
    @Test
    void aWindowRestartedDuringTheOutageListsTheIncidentItStartedAndShowsWhatWasRecorded() throws Exception {
        Path data = dir.resolve("window");
        Callable<dev.incidentconsole.incident.IncidentStore> opener =
                () -> IncidentStores.postgresQueueing(url(), "postgres", null, data, FAST_RETRY);
        IncidentViewModel first = model(opener);
        onUi(() -> {
            first.refresh();
            return null;
        });
        pg.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> first.offlineProperty().get()));
        AtomicReference<Incident> started = new AtomicReference<>();
        onUi(() -> {
            first.start(IncidentDraft.of("Payments timeouts", Severity.P1), started::set);
            first.timeline().addNote("paged at 3 a.m., store down", false);
            first.timeline().changeStatus(Status.MITIGATED);
            first.close(); // the window is closed and opened again, the store still down
            return null;
        });

        IncidentViewModel again = model(opener);
        onUi(() -> {
            again.refresh();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> again.incidents().size() == 1));
        assertThat(onUi(() -> again.incidents().get(0))).extracting(Incident::id, Incident::status)
                .containsExactly(started.get().id(), Status.MITIGATED);
        assertThat(onUi(() -> again.errorProperty().get())).isEmpty();
        onUi(() -> {
            again.selectedProperty().set(again.incidents().get(0));
            return null;
        });
        assertThat(onUi(() -> again.timeline().entries().stream().map(e -> e.kind() + " " + e.seq()).toList()))
                .containsExactly("created 0", "note 0", "status_changed 0");

        pg.ensureRunning();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> !again.offlineProperty().get()
                && again.timeline().entries().stream().allMatch(e -> e.seq() > 0)));
        assertThat(onUi(() -> again.timeline().entries().stream().map(e -> e.kind() + " " + e.seq()).toList()))
                .containsExactly("created 1", "note 2", "status_changed 3");
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> again.incidents().stream()
                .filter(i -> i.id().equals(started.get().id())).count() == 1));
    }

    /**
     * The try-out's finding: during the outage, selecting another incident and coming back emptied the timeline of
     * everything stored before the outage (only what was recorded since showed). What was seen stays, the new note is
     * added, and once the store is back each entry is there once.
     */
    @Test
    void whatWasSeenOfAnIncidentStaysWhenItIsSelectedAgainDuringTheOutage() throws Exception {
        IncidentViewModel model = model(() -> IncidentStores.postgres(url(), "postgres", null, dir, FAST_RETRY));
        TimelineViewModel timeline = model.timeline();
        AtomicReference<Incident> checkout = new AtomicReference<>();
        onUi(() -> {
            model.start(IncidentDraft.of("Checkout 502s", Severity.P1), checkout::set);
            timeline.addNote("deploy v42 rolled out", false);
            model.start(IncidentDraft.of("Queue backlog", Severity.P3), i -> { });
            model.selectedProperty().set(checkout.get());
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> timeline.entries().size() == 2));

        pg.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.offlineProperty().get()));
        onUi(() -> {
            model.selectedProperty().set(model.incidents().stream().filter(i -> !i.id().equals(checkout.get().id()))
                    .findFirst().orElseThrow());
            model.selectedProperty().set(model.incidents().stream().filter(i -> i.id().equals(checkout.get().id()))
                    .findFirst().orElseThrow());
            timeline.addNote("failing over to the replica", false);
            return null;
        });
        assertThat(onUi(() -> timeline.entries().stream().map(e -> e.kind() + " " + e.seq()).toList()))
                .containsExactly("created 1", "note 2", "note 0");
        assertThat(onUi(() -> timeline.incidentProperty().get().title())).isEqualTo("Checkout 502s");

        pg.ensureRunning();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> !model.offlineProperty().get()
                && timeline.entries().stream().allMatch(e -> e.seq() > 0)));
        assertThat(onUi(() -> timeline.entries().stream().map(e -> e.kind() + " " + e.seq()).toList()))
                .containsExactly("created 1", "note 2", "note 3");
    }

    @Test
    void entriesOfAnotherConsoleArriveLive() throws Exception {
        IncidentViewModel model = model(() -> IncidentStores.postgres(url(), "postgres", null, dir.resolve("a"), FAST_RETRY));
        AtomicReference<Incident> opened = new AtomicReference<>();
        onUi(() -> {
            model.start(IncidentDraft.of("Checkout 5xx", Severity.P1), opened::set);
            return null;
        });
        try (var other = IncidentStores.postgres(url(), "postgres", null, dir.resolve("b"), FAST_RETRY)) {
            other.append(TimelineEntry.create(opened.get().id(), "bob", new EntryBody.Note("rolled back v42", null)));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> model.timeline().entries().size() == 2));
        assertThat(onUi(() -> model.timeline().entries().get(1).author())).isEqualTo("bob");
    }

    @Test
    void storeDialogSwitchesToTheTeamStoreAndBackWithoutSavingAPassword() throws Exception {
        SettingsStore settings = new SettingsStore(dir.resolve("config/settings.json"));
        StoreSettingsViewModel stores = new StoreSettingsViewModel(new DirectTaskExecutor(), ui, settings, dir, null,
                name -> null);
        IncidentViewModel model = model(stores::open);
        model.attach(stores);
        onUi(() -> {
            model.start(IncidentDraft.of("Only on this laptop", Severity.P3), i -> { });
            return null;
        });
        assertThat(onUi(() -> stores.inUseProperty().get())).startsWith("Embedded: ").endsWith("incidents.db");

        AtomicReference<String> said = new AtomicReference<>();
        onUi(() -> {
            stores.test(url() + "?password=hunter2", "postgres", "", said::set);
            return null;
        });
        assertThat(said.get()).startsWith("Leave the password out");
        onUi(() -> {
            stores.test(url(), "postgres", "", said::set);
            return null;
        });
        assertThat(said.get()).startsWith("Connected to localhost:" + pg.port() + "/postgres as postgres: ").endsWith("open incidents.");

        onUi(() -> {
            stores.useTeamStore("jdbc:postgresql://localhost:1/nowhere", "postgres", "", said::set);
            return null;
        });
        assertThat(said.get()).isNotEmpty().doesNotContain("Exception");
        assertThat(settings.load().storeUrl()).as("a store that does not open is not saved").isNull();

        onUi(() -> {
            stores.useTeamStore(url(), "postgres", "typed-secret", said::set);
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> "".equals(said.get()));
        assertThat(onUi(() -> stores.inUseProperty().get())).isEqualTo("Team: postgres localhost:" + pg.port() + "/postgres as postgres");
        assertThat(onUi(() -> model.incidents().stream().map(Incident::title).toList())).doesNotContain("Only on this laptop");
        assertThat(Files.readString(settings.file())).contains(url()).doesNotContain("typed-secret");

        said.set(null);
        onUi(() -> {
            stores.useEmbeddedStore(said::set);
            return null;
        });
        assertThat(said.get()).isEmpty();
        assertThat(onUi(() -> model.incidents().stream().map(Incident::title).toList())).contains("Only on this laptop");
        assertThat(settings.load().storeUrl()).isNull();
    }
}
