package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on PostgreSQL (one server for the class, a fresh database per test), plus live sharing. */
class PostgresIncidentStoreTest extends IncidentStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres pg;

    @TempDir
    Path dataDir;
    private String database;
    private String otherDatabase;

    @BeforeAll
    static void startServer() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void freshDatabases() throws Exception {
        int n = DATABASES.incrementAndGet();
        database = "incidents_" + n;
        otherDatabase = "imported_" + n;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    protected IncidentStore connect(StoreOptions options) throws Exception {
        return IncidentStores.postgres(pg.getJdbcUrl("postgres", database), null, null, dataDir, options);
    }

    @Override
    protected IncidentStore connectOther(StoreOptions options) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + otherDatabase);
        }
        return IncidentStores.postgres(pg.getJdbcUrl("postgres", otherDatabase), null, null, dataDir.resolve("other"),
                options);
    }

    @Test
    void twoClientsOnOneDatabaseSeeEachOthersEntriesLive() throws Exception {
        IncidentStore alice = store();
        IncidentStore bob = store();
        Incident incident = openDbIncident(alice);
        List<TimelineEntry> seenByAlice = new CopyOnWriteArrayList<>();
        List<TimelineEntry> seenByBob = new CopyOnWriteArrayList<>();
        alice.subscribe(incident.id(), 0, seenByAlice::add);
        bob.subscribe(incident.id(), 0, seenByBob::add);

        // Bob only learns of Alice's note through a notification: he has not written anything himself.
        TimelineEntry aliceNote = alice.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.Note("replica db-2 is 340 s behind", null))).entry();
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByBob.contains(aliceNote));

        TimelineEntry bobNote = bob.append(TimelineEntry.create(incident.id(), "bob",
                new EntryBody.Note("pausing the vacuum on db-2", null))).entry();
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByAlice.contains(bobNote));

        List<TimelineEntry> all = alice.entries(incident.id(), 0);
        assertThat(all).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByAlice.size() == 3 && seenByBob.size() == 3);
        assertThat(seenByAlice).containsExactlyElementsOf(all);
        assertThat(seenByBob).containsExactlyElementsOf(all);
        assertThat(bob.get(incident.id())).isEqualTo(alice.get(incident.id()));
    }

    /**
     * An incident stored before Acknowledged meant the first response by its recording time: its snapshot still holds
     * the time the older version derived (here its first status change). What is exported and shown follows the rule.
     */
    @Test
    void anIncidentStoredByAnOlderVersionIsExportedWithAcknowledgedByTheCurrentRule() throws Exception {
        IncidentStore store = store();
        Incident incident = openDbIncident(store);
        TimelineEntry note = store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.Note("replica db-2 is 340 s behind", null))).entry();
        Thread.sleep(20);
        TimelineEntry identified = store.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.IDENTIFIED, "vacuum on db-2"))).entry();
        Incident i = store.get(incident.id()).orElseThrow();
        Incident asStoredBefore = new Incident(i.id(), i.title(), i.severity(), i.status(), i.environment(), i.startedAt(),
                identified.recordedAt(), i.mitigatedAt(), i.resolvedAt(), i.updatedAt(), i.responders(), i.runbooks(),
                i.services(), i.postmortem(), i.pinned(), i.entryCount());
        try (Connection c = pg.getDatabase("postgres", database).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE incidents SET snapshot = ? WHERE id = ?")) {
            ps.setString(1, IncidentJson.writeIncident(asStoredBefore));
            ps.setString(2, incident.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(store.get(incident.id()).orElseThrow().acknowledgedAt()).isEqualTo(identified.recordedAt());

        IncidentDocument document = store.document(incident.id());

        assertThat(document.incident().acknowledgedAt()).isEqualTo(note.recordedAt());
        assertThat(IncidentJson.readDocument(IncidentJson.writeDocument(document, Redactor.standard(), Clock.systemUTC()))
                .incident().acknowledgedAt()).as("the JSON export").isEqualTo(note.recordedAt());
    }

    @Test
    void concurrentAppendsFromTwoClientsGetGaplessSequenceNumbers() throws Exception {
        IncidentStore a = store();
        IncidentStore b = store();
        Incident incident = openDbIncident(a);
        Thread other = new Thread(() -> {
            try {
                for (int k = 0; k < 40; k++) {
                    b.append(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("b" + k, null)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        for (int k = 0; k < 40; k++) {
            a.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("a" + k, null)));
        }
        other.join();
        List<TimelineEntry> all = a.entries(incident.id(), 0);
        assertThat(all).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 81).boxed().toList());
        assertThat(a.get(incident.id()).orElseThrow().entryCount()).isEqualTo(81);
        assertThat(a.connectivity()).isEqualTo(Connectivity.ONLINE);
    }

    /**
     * The catch-up question: a follower reads {@code seq > cursor}, so an entry that took a lower seq but committed
     * after a higher one would be skipped for good. It cannot happen: an append takes its seq under the incident
     * row's lock and keeps it until it commits, so the next append of that incident waits, and seqs commit in order.
     */
    @Test
    void anAppendHeldOpenMakesTheNextOneWaitSoAFollowersCursorNeverPassesIt() throws Exception {
        IncidentStore bob = store();
        IncidentStore follower = store();
        Incident incident = openDbIncident(bob);
        List<TimelineEntry> seen = new CopyOnWriteArrayList<>();
        follower.subscribe(incident.id(), 0, seen::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);

        CompletableFuture<Receipt> bobsAppend;
        try (Connection alice = DriverManager.getConnection(pg.getJdbcUrl("postgres", database))) {
            // Alice's console in the middle of an append: its entry has taken seq 2, its transaction is open.
            alice.setAutoCommit(false);
            Receipt held = new TimelineSql(true, 10).insert(alice, List.of(TimelineEntry.create(incident.id(), "alice",
                    new EntryBody.Note("held open", null)))).get(0);
            assertThat(held.entry().seq()).isEqualTo(2);

            bobsAppend = CompletableFuture.supplyAsync(() -> {
                try {
                    return bob.append(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("after", null)));
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Connection watcher = DriverManager.getConnection(pg.getJdbcUrl("postgres", database))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(watcher));
            }
            assertThat(bobsAppend).as("Bob's append, while Alice's is open").isNotDone();
            assertThat(follower.entries(incident.id(), 1)).as("what a follower reads past seq 1 meanwhile").isEmpty();

            alice.commit();
        }

        assertThat(bobsAppend.get(10, TimeUnit.SECONDS).entry().seq()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
        assertThat(seen).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(seen).extracting(e -> e.body() instanceof EntryBody.Note n ? n.text() : "")
                .containsExactly("", "held open", "after");
    }

    @Test
    void aFollowerOfTwoConsolesWritingAtOnceGetsEveryEntryOnceInOrder() throws Exception {
        IncidentStore a = store();
        IncidentStore b = store();
        IncidentStore follower = store();
        Incident incident = openDbIncident(a);
        List<TimelineEntry> seen = new CopyOnWriteArrayList<>();
        follower.subscribe(incident.id(), 0, seen::add);
        CompletableFuture<Void> bob = CompletableFuture.runAsync(() -> {
            try {
                for (int k = 0; k < 60; k++) {
                    b.append(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("b" + k, null)));
                }
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int k = 0; k < 60; k++) {
            a.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("a" + k, null)));
        }
        bob.get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 121);
        assertThat(seen).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 121).boxed().toList());
        assertThat(seen).containsExactlyElementsOf(a.entries(incident.id(), 0));
    }

    /**
     * Two consoles record the same alert entry (its id derived from incident, alert and start) at the same moment:
     * the second, whose duplicate check ran before the first committed, gets "already stored", not an error.
     */
    @Test
    void theSameEntryAppendedByTwoConsolesAtOnceIsStoredOnceAndTheSecondIsToldSo() throws Exception {
        IncidentStore bob = store();
        Incident incident = openDbIncident(bob);
        TimelineEntry alert = TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("PgReplicationLag firing", null));

        CompletableFuture<Receipt> bobsAppend;
        try (Connection alice = DriverManager.getConnection(pg.getJdbcUrl("postgres", database))) {
            alice.setAutoCommit(false);
            new TimelineSql(true, 10).insert(alice, List.of(alice(alert)));
            bobsAppend = CompletableFuture.supplyAsync(() -> {
                try {
                    return bob.append(alert);
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Bob's append is past its duplicate check once it waits for the incident's lock: only then does this test
            // reach the check made again under it.
            try (Connection watcher = DriverManager.getConnection(pg.getJdbcUrl("postgres", database))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(watcher));
            }
            assertThat(bobsAppend).isNotDone();
            alice.commit();
        }

        Receipt bobs = bobsAppend.get(10, TimeUnit.SECONDS);
        assertThat(bobs.outcome()).isEqualTo(Receipt.Outcome.ALREADY_STORED);
        assertThat(bobs.entry().seq()).isEqualTo(2);
        List<TimelineEntry> stored = bob.entries(incident.id(), 0);
        assertThat(stored).extracting(TimelineEntry::seq).containsExactly(1L, 2L);
        assertThat(stored.get(1).id()).isEqualTo(alert.id());
        assertThat(bob.get(incident.id()).orElseThrow().entryCount()).as("the snapshot counts it once").isEqualTo(2);
        TimelineEntry next = bob.append(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("next", null))).entry();
        assertThat(next.seq()).as("no gap after it").isEqualTo(3);
    }

    /** Whether a session waits for a row lock another holds (Bob's append behind Alice's open transaction). */
    private static boolean waitingForALock(Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** The entry as Alice's console writes it: redacted as every store does before recording. */
    private static TimelineEntry alice(TimelineEntry entry) {
        return EntryPreparation.prepare(entry, StoreOptions.defaults().redactor());
    }
}
