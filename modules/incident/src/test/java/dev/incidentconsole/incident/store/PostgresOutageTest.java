package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.FreezingProxy;
import dev.incidentconsole.incident.testing.TeamDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team database stops and comes back (same data directory and port) in the middle of an incident.
 * One server for the class (initdb once); each test stops and restarts it.
 */
class PostgresOutageTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));

    @RegisterExtension
    static final TeamDatabase PG = new TeamDatabase();

    @TempDir
    Path clientDir;

    private IncidentStore open() throws StoreException {
        return open(PG.url(), "postgres");
    }

    private IncidentStore open(String url, String user) throws StoreException {
        IncidentStore s = IncidentStores.postgres(url, user, null, clientDir, FAST_RETRY);
        PG.track(s);
        return s;
    }

    private static TimelineEntry note(Incident i, String text) {
        return TimelineEntry.create(i.id(), "alice", new EntryBody.Note(text, null));
    }

    @Test
    void entriesWrittenWhileTheDatabaseIsDownArriveOnceWhenItIsBack() throws Exception {
        IncidentStore store = open();
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident incident = store.create(IncidentDraft.of("Checkout 5xx after deploy", Severity.P1), "alice");
        TimelineEntry before = note(incident, "rolled back to v41");
        assertThat(store.append(before).outcome()).isEqualTo(Receipt.Outcome.STORED);

        PG.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);
        List<UUID> written = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Receipt r = store.append(note(incident, "offline note " + k));
            assertThat(r.outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
            written.add(r.entry().id());
        }
        // Sending an already-stored entry again while offline must not duplicate it later.
        assertThat(store.append(before).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        assertThat(store.pendingEntries()).isEqualTo(6);
        assertThatThrownBy(() -> store.entries(incident.id(), 0)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));

        PG.ensureRunning();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
        assertThat(states).containsExactly(Connectivity.OFFLINE, Connectivity.ONLINE);
        assertThat(store.pendingEntries()).isZero();
        List<TimelineEntry> all = store.entries(incident.id(), 0);
        assertThat(all).extracting(TimelineEntry::id).doesNotHaveDuplicates().contains(before.id())
                .containsAll(written).hasSize(7);
        assertThat(all).extracting(TimelineEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
        assertThat(store.append(note(incident, "back online")).outcome()).isEqualTo(Receipt.Outcome.STORED);
    }

    @Test
    void aNoteAppendedWhileAQueryHangsBehindAStuckPoolerIsJournaledNotRefusedAndArrivesOnce() throws Exception {
        // The try-out's defect: behind a PgBouncer whose PostgreSQL had stopped, a read held the writer for 30 s and
        // a note typed meanwhile failed with "stayed busy for 10 s; try again": the window had already cleared it.
        try (FreezingProxy pooler = new FreezingProxy(PG.port())) {
            IncidentStore store = IncidentStores.postgres("jdbc:postgresql://localhost:" + pooler.port() + "/postgres",
                    "postgres", null, clientDir, new StoreOptions(Redactor.standard(), Duration.ofSeconds(1),
                            Duration.ofMillis(200)));
            PG.track(store);
            Incident incident = store.create(IncidentDraft.of("Checkout slow", Severity.P2), "alice");
            pooler.freeze();
            ExecutorService timeline = Executors.newSingleThreadExecutor();
            try {
                timeline.submit(() -> store.entries(incident.id(), 0)); // waits for an answer, holding the writer
                Thread.sleep(300);
                TimelineEntry typed = note(incident, "typed while the database hung");

                Receipt receipt = store.append(typed);

                assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
                assertThat(store.connectivity()).isEqualTo(Connectivity.OFFLINE);
                // read back while the hung query still holds the writer: the journal answers on its own guard
                assertThat(store.journaled(incident.id())).extracting(TimelineEntry::id).containsExactly(typed.id());
                pooler.thaw();
                await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE
                        && store.pendingEntries() == 0);
                assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).containsOnlyOnce(typed.id());
            } finally {
                timeline.shutdownNow();
            }
        }
    }

    @Test
    void theJournalGivesBackAnIncidentsEntriesAndTheIncidentsStartedWhileTheDatabaseIsDownAndNothingOnceSent() throws Exception {
        IncidentStore store = open();
        Incident incident = store.create(IncidentDraft.of("Checkout 5xx after deploy", Severity.P1), "alice");
        Incident other = store.create(IncidentDraft.of("Queue backlog", Severity.P3), "bob");
        TimelineEntry stored = note(incident, "rolled back to v41");
        store.append(stored);
        assertThat(store.journaled(incident.id())).as("nothing waits while the database answers").isEmpty();

        PG.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);
        TimelineEntry first = note(incident, "paged at 3 a.m., store down");
        store.append(first);
        store.append(note(other, "consumers restarted"));
        TimelineEntry second = TimelineEntry.create(incident.id(), "alice",
                new EntryBody.Note("redis-cli -a s3cretpw info replication", null));
        store.append(second);
        store.append(first); // appended again: the database will keep one

        List<TimelineEntry> held = store.journaled(incident.id());
        assertThat(held).extracting(TimelineEntry::id).containsExactly(first.id(), second.id());
        assertThat(held).extracting(TimelineEntry::seq).containsOnly(0L);
        assertThat(dev.incidentconsole.incident.IncidentJson.writeEntry(held.get(1))).as("the journal holds what the redactor left").doesNotContain("s3cretpw");
        assertThat(store.journaled(other.id())).extracting(TimelineEntry::incidentId).containsExactly(other.id());
        Incident startedOffline = store.create(IncidentDraft.of("Payments timeouts", Severity.P2), "alice");
        store.append(TimelineEntry.create(startedOffline.id(), "alice", new EntryBody.StatusChanged(
                startedOffline.status(), dev.incidentconsole.incident.Status.MITIGATED, null)));
        assertThat(store.journaledIncidents()).as("only those whose creation waits, replayed from the journal")
                .extracting(Incident::id, Incident::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(startedOffline.id(),
                        dev.incidentconsole.incident.Status.MITIGATED));

        PG.ensureRunning();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
        assertThat(store.journaled(incident.id())).isEmpty();
        assertThat(store.journaledIncidents()).isEmpty();
        assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).hasSize(4)
                .endsWith(stored.id(), first.id(), second.id());
    }

    @Test
    void anOutageIsNoticedWithoutAWriteWhileTheNotificationConnectionIsDown() throws Exception {
        // A login allowed one session: the writer holds it and the notification connection is refused, as when
        // the database stops before that connection is made (it is made in the background after opening).
        String login = "scribe_" + Long.toHexString(System.nanoTime());
        PG.execute("CREATE ROLE " + login + " LOGIN", "CREATE DATABASE " + login + " OWNER " + login);
        open(PG.url(login), login).close(); // the schema, while Flyway may still use two sessions
        PG.execute("ALTER ROLE " + login + " CONNECTION LIMIT 1");
        // The first store's sessions end in the background; until then this login is at its limit.
        IncidentStore store = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> open(PG.url(login), login), opened -> true);
        Incident incident = store.create(IncidentDraft.of("Disk full on db-2", Severity.P2), "alice");

        PG.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);
        TimelineEntry offline = note(incident, "freed 20 GB of old WAL");
        assertThat(store.append(offline).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);

        PG.ensureRunning();
        PG.execute("ALTER ROLE " + login + " CONNECTION LIMIT -1"); // else the listener may take the one session
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
        assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).endsWith(offline.id()).hasSize(2);
    }

    @Test
    void anEntryTheDatabaseRefusesIsPutAsideAndTheJournalBehindItIsStillSent() throws Exception {
        // A NUL in a title reaches a TEXT column as is, and PostgreSQL refuses it: before, that one entry kept the
        // store OFFLINE for good and every later entry was journaled and never sent.
        IncidentStore first = open();
        Incident incident = first.create(IncidentDraft.of("Queue backlog", Severity.P2), "alice");
        first.close();
        PG.stop();
        TimelineEntry before = note(incident, "consumers restarted");
        TimelineEntry refused = IncidentDraft.of("Checkout\u0000 5xx", Severity.P1).toEntry("alice",
                java.time.Clock.systemUTC());
        TimelineEntry after = note(incident, "lag back under 1 min");
        // written as an older version journaled it, without the NUL replaced
        try (OfflineJournal journal = JournalFiles.claim(clientDir, PG.url() + "|postgres")) {
            journal.append(List.of(before, refused, after));
        }
        IncidentStore store = IncidentStores.postgresQueueing(PG.url(), "postgres", null, clientDir, FAST_RETRY);
        PG.track(store);
        assertThat(store.connectivity()).isEqualTo(Connectivity.OFFLINE);

        PG.ensureRunning();

        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
        assertThat(store.pendingEntries()).isZero();
        assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).endsWith(before.id(), after.id());
        assertThat(store.get(refused.incidentId())).isEmpty();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(clientDir)) {
            Path rejected = files.filter(f -> f.toString().endsWith(".rejected")).findFirst().orElseThrow();
            assertThat(java.nio.file.Files.readString(rejected)).contains(refused.id().toString())
                    .doesNotContain(before.id().toString());
        }
        assertThat(store.append(note(incident, "back online")).outcome()).isEqualTo(Receipt.Outcome.STORED);
    }

    @Test
    void aClientClosedWhileOfflineSendsItsJournalWhenOpenedAgain() throws Exception {
        IncidentStore first = open();
        Incident incident = first.create(IncidentDraft.of("Queue backlog", Severity.P2), "alice");
        PG.stop();
        // The journal is synced before append returns, so closing here is as good as being killed.
        TimelineEntry offline = note(incident, "consumers restarted");
        assertThat(first.append(offline).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        first.close();

        PG.ensureRunning();
        IncidentStore second = open();
        assertThat(second.pendingEntries()).isZero();
        assertThat(second.entries(incident.id(), 0)).extracting(TimelineEntry::id).endsWith(offline.id()).hasSize(2);
    }
}
