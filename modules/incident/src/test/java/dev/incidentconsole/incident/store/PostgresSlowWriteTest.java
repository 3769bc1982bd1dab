package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.TeamDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team database answers, but slowly (a trigger sleeps in every insert), while the writer is held longer than the
 * store's timeout by the store's own work: a backlog sent after an outage, a large import. Appends meanwhile are
 * journaled, and must still be sent.
 */
class PostgresSlowWriteTest {
    /** One second: an append gives up waiting for the writer after it, and journals. */
    private static final StoreOptions SHORT = new StoreOptions(Redactor.standard(), Duration.ofSeconds(1),
            Duration.ofMillis(200));

    @RegisterExtension
    static final TeamDatabase PG = new TeamDatabase();

    @TempDir
    Path clientDir;

    @AfterEach
    void closeClientsAndSpeedUp() throws Exception {
        PG.closeStoresAndRestart();
        PG.execute("DROP TRIGGER IF EXISTS slow_insert ON entries");
    }

    private IncidentStore open() throws StoreException {
        IncidentStore s = IncidentStores.postgres(PG.url(), "postgres", null, clientDir, SHORT);
        PG.track(s);
        return s;
    }

    private static void slowInserts(double seconds) throws SQLException {
        PG.execute("CREATE OR REPLACE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN PERFORM pg_sleep(" + seconds + "); RETURN NEW; END $$",
                "DROP TRIGGER IF EXISTS slow_insert ON entries",
                "CREATE TRIGGER slow_insert BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION slow_insert()");
    }

    private static TimelineEntry note(Incident i, String text) {
        return TimelineEntry.create(i.id(), "alice", new EntryBody.Note(text, null));
    }

    @Test
    void entriesAppendedWhileABacklogIsSentSlowlyAreSentTooOnceAndInOrder() throws Exception {
        IncidentStore store = open();
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident incident = store.create(IncidentDraft.of("Checkout 5xx after deploy", Severity.P1), "alice");
        List<UUID> written = new ArrayList<>(List.of(firstId(store, incident)));
        slowInserts(0.4); // six entries: the backlog holds the writer for 2.4 s, appends give up after 1 s
        PG.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);
        for (int k = 0; k < 6; k++) {
            written.add(store.append(note(incident, "backlog " + k)).entry().id());
        }
        PG.ensureRunning();

        for (int k = 0; k < 8; k++) {
            written.add(store.append(note(incident, "during the drain " + k)).entry().id());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> store.connectivity() == Connectivity.ONLINE
                && store.pendingEntries() == 0);
        TimelineEntry after = note(incident, "after the drain");
        assertThat(store.append(after).outcome()).isEqualTo(Receipt.Outcome.STORED);
        written.add(after.id());
        assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).containsExactlyElementsOf(written);
        assertThat(states).containsExactly(Connectivity.OFFLINE, Connectivity.ONLINE);
    }

    private static UUID firstId(IncidentStore store, Incident incident) throws StoreException {
        return store.entries(incident.id(), 0).get(0).id();
    }

    @Test
    void aLargeImportOnASlowButAnsweringDatabaseKeepsTheStoreOnlineAndSendsWhatWaitedMeanwhile() throws Exception {
        IncidentStore store = open();
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident live = store.create(IncidentDraft.of("Payments timeouts", Severity.P2), "alice");
        TimelineEntry created = IncidentDraft.of("Imported: queue backlog", Severity.P3).toEntry("bob", Clock.systemUTC());
        List<TimelineEntry> imported = new ArrayList<>(List.of(created));
        for (int k = 0; k < 5; k++) {
            imported.add(TimelineEntry.create(created.incidentId(), "bob", new EntryBody.Note("imported " + k, null)));
        }
        slowInserts(0.5); // six entries in one transaction: 3 s holding the writer

        CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() -> {
            try {
                return store.importDocument(IncidentDocument.of(imported));
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        TimelineEntry typed = note(live, "typed while the import ran");
        Receipt receipt = store.append(typed);

        assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        assertThat(store.connectivity()).as("the database answers: no outage").isEqualTo(Connectivity.ONLINE);
        assertThat(importing.get()).isEqualTo(6);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.pendingEntries() == 0);
        assertThat(store.entries(live.id(), 0)).extracting(TimelineEntry::id).containsOnlyOnce(typed.id());
        assertThat(states).as("no outage announced").doesNotContain(Connectivity.OFFLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
    }

    /**
     * The lead's finding: another program holds the entries table (a long transaction, here LOCK TABLE and a wait), so
     * the timeline's reads wait for it and hold the writer past the timeout. The database answers: an append that
     * cannot get the writer meanwhile is journaled without announcing an outage, and is sent once the table is free.
     */
    @Test
    void readsWaitingForAnotherProgramsLockJournalAnAppendWithoutGoingOffline() throws Exception {
        IncidentStore store = open();
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident incident = store.create(IncidentDraft.of("Search latency", Severity.P2), "alice");
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService timeline = Executors.newSingleThreadExecutor();
        TimelineEntry journaled = null;
        try (Connection other = DriverManager.getConnection(PG.url(), "postgres", null)) {
            other.setAutoCommit(false);
            other.createStatement().execute("LOCK TABLE entries IN ACCESS EXCLUSIVE MODE");
            timeline.submit(() -> {
                while (reading.get()) { // a window following the timeline reads again at once
                    try {
                        store.entries(incident.id(), 0);
                    } catch (StoreException e) {
                        // cancelled after the timeout, waiting for the lock: read again
                    }
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForALock(other) > 0);
            for (int k = 0; k < 5 && journaled == null; k++) {
                TimelineEntry typed = note(incident, "typed while another program held the table " + k);
                try {
                    if (store.append(typed).outcome() == Receipt.Outcome.JOURNALED) {
                        journaled = typed;
                    }
                } catch (StoreException gotTheWriterAndWaitedForTheLock) {
                    assertThat(gotTheWriterAndWaitedForTheLock.reason()).isEqualTo(StoreException.Reason.TIMEOUT);
                }
            }
            assertThat(journaled).as("an append that waited past the timeout for the reads").isNotNull();
            reading.set(false); // the writer comes free, the table stays held
            timeline.shutdown();
            assertThat(timeline.awaitTermination(20, TimeUnit.SECONDS)).as("the reads stopped").isTrue();
            Timestamp since = serverTime(other);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> theStoreWaitedForTheTableSince(since)); // sending it, refused by the lock's timeout
            // An append that got the writer waits for the table itself, gives up on the lock and says so.
            assertThat(store.connectivity()).as("the database answers: no outage")
                    .isIn(Connectivity.ONLINE, Connectivity.WAITING_FOR_LOCK);
            other.rollback();
        } finally {
            reading.set(false);
            timeline.shutdown();
        }
        UUID id = journaled.id();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.pendingEntries() == 0);
        assertThat(store.entries(incident.id(), 0)).extracting(TimelineEntry::id).containsOnlyOnce(id);
        assertThat(states).as("no outage announced").doesNotContain(Connectivity.OFFLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE);
    }

    private static Timestamp serverTime(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /**
     * Whether a statement on the entries begun after {@code since} waits for a lock now: with the reads stopped, the
     * store's send of its journal (which reads the incident's entries, then inserts). Asked on a session of its own:
     * a transaction sees one snapshot of {@code pg_stat_activity}.
     */
    private static boolean theStoreWaitedForTheTableSince(Timestamp since) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG.url(), "postgres", null);
             var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND query LIKE '%entries%' AND query_start > ?")) {
            ps.setTimestamp(1, since);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** Asked on the session holding the lock: the sessions whose lock request it keeps waiting. */
    private static int sessionsWaitingForALock(Connection holder) throws SQLException {
        try (var rs = holder.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Sending the journal while another program holds the entries table: waiting for it is no refusal. */
    @Test
    void aJournaledEntryWhoseSendWaitsForAnotherProgramsLockStaysJournaledAndIsSentLater() throws Exception {
        IncidentStore first = open();
        Incident incident = first.create(IncidentDraft.of("Cache stampede", Severity.P2), "alice");
        PG.stop();
        TimelineEntry offline = note(incident, "warmed the cache by hand");
        assertThat(first.append(offline).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        first.close();
        PG.ensureRunning();

        IncidentStore second;
        try (Connection other = DriverManager.getConnection(PG.url(), "postgres", null)) {
            other.setAutoCommit(false);
            other.createStatement().execute("LOCK TABLE entries IN ACCESS EXCLUSIVE MODE");
            second = open(); // sends the journal: the insert waits for the lock past the timeout
            assertThat(second.pendingEntries()).as("still journaled, not set aside").isEqualTo(1);
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> second.pendingEntries() == 0);
        assertThat(second.entries(incident.id(), 0)).extracting(TimelineEntry::id).containsOnlyOnce(offline.id());
        try (Stream<Path> files = Files.list(clientDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".rejected"));
        }
    }

    @Test
    void anUnreadableJournalLineIsKeptBesideTheJournalWhenTheRestIsSent() throws Exception {
        IncidentStore first = open();
        Incident incident = first.create(IncidentDraft.of("Disk full on db-2", Severity.P2), "alice");
        PG.stop();
        TimelineEntry offline = note(incident, "freed 20 GB of old WAL");
        assertThat(first.append(offline).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        first.close();
        Path journal;
        try (Stream<Path> files = Files.list(clientDir)) {
            journal = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        String damaged = "{\"id\":\"half-written by an older console\"";
        Files.writeString(journal, damaged + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        PG.ensureRunning();
        IncidentStore second = open();

        assertThat(second.pendingEntries()).isZero();
        assertThat(second.entries(incident.id(), 0)).extracting(TimelineEntry::id).endsWith(offline.id()).hasSize(2);
        Path rejected = journal.resolveSibling(journal.getFileName() + ".rejected");
        assertThat(rejected).as("the line that could not be read is kept for a person").exists();
        assertThat(Files.readString(rejected)).contains(damaged);
    }
}
