package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another session sits idle in a transaction holding one incident's row (a psql left open after a {@code SELECT ...
 * FOR UPDATE}) while entries of that incident wait in the journal. The outage is a frozen pooler in front of a real
 * PostgreSQL, so the lock, taken directly, outlives it.
 */
class PostgresLockedIncidentTest {
    /** Two seconds: long enough that an append waiting for the writer and a probe is told apart from one that did not. */
    private static final StoreOptions OPTIONS = new StoreOptions(Redactor.standard(), Duration.ofSeconds(2),
            Duration.ofMillis(200));

    @RegisterExtension
    static final TeamDatabase PG = new TeamDatabase();

    @TempDir
    Path clientDir;

    private IncidentStore openThrough(FreezingProxy pooler) throws StoreException {
        IncidentStore s = IncidentStores.postgres("jdbc:postgresql://localhost:" + pooler.port() + "/postgres",
                "postgres", null, clientDir, OPTIONS);
        PG.track(s);
        return s;
    }

    private static TimelineEntry note(Incident i, String text) {
        return TimelineEntry.create(i.id(), "alice", new EntryBody.Note(text, null));
    }

    private static Connection lockRowOf(Incident incident) throws Exception {
        Connection other = DriverManager.getConnection(PG.url(), "postgres", null);
        other.setAutoCommit(false);
        try (PreparedStatement ps = other.prepareStatement("SELECT 1 FROM incidents WHERE id = ? FOR UPDATE")) {
            ps.setString(1, incident.id());
            ps.executeQuery().close();
        }
        return other;
    }

    private static List<UUID> ids(IncidentStore store, Incident incident) {
        try {
            return store.entries(incident.id(), 0).stream().map(TimelineEntry::id).toList();
        } catch (StoreException e) {
            return List.of(); // busy this instant: asked again
        }
    }

    @Test
    void anIncidentLockedByAnotherSessionKeepsOnlyItsOwnEntriesQueuedAndTheStoreBackOnline() throws Exception {
        try (FreezingProxy pooler = new FreezingProxy(PG.port())) {
            IncidentStore store = openThrough(pooler);
            List<Connectivity> states = new CopyOnWriteArrayList<>();
            store.onConnectivity(states::add);
            Incident locked = store.create(IncidentDraft.of("Checkout 5xx", Severity.P1), "alice");
            Incident free = store.create(IncidentDraft.of("Search latency", Severity.P3), "bob");
            List<UUID> lockedIds = new ArrayList<>(ids(store, locked));
            List<UUID> freeIds = new ArrayList<>(ids(store, free));
            try (Connection other = lockRowOf(locked)) {
                pooler.freeze();
                TimelineEntry first = note(locked, "rolled back the deploy");
                assertThat(store.append(first).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
                await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);
                TimelineEntry second = note(locked, "error rate falling");
                TimelineEntry elsewhere = note(free, "reindex started");
                assertThat(store.append(second).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
                assertThat(store.append(elsewhere).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
                lockedIds.addAll(List.of(first.id(), second.id()));
                freeIds.add(elsewhere.id());

                pooler.thaw();

                await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() != Connectivity.OFFLINE
                        && ids(store, free).equals(freeIds));
                assertThat(store.pendingEntries()).as("only the locked incident's entries wait").isEqualTo(2);
                TimelineEntry later = note(free, "reindex done");
                assertThat(store.append(later).outcome()).as("another incident is written at once")
                        .isEqualTo(Receipt.Outcome.STORED);
                freeIds.add(later.id());
                TimelineEntry third = note(locked, "all clear");
                assertThat(store.append(third).outcome()).as("behind its incident's waiting entries, in order")
                        .isEqualTo(Receipt.Outcome.JOURNALED);
                lockedIds.add(third.id());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> store.connectivity() == Connectivity.WAITING_FOR_LOCK);
                assertThat(store.journaled(locked.id())).extracting(TimelineEntry::id)
                        .containsExactly(first.id(), second.id(), third.id());
                assertThat(store.journaled(free.id())).as("sent, no longer kept as waiting").isEmpty();
                other.rollback();
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.ONLINE
                    && store.pendingEntries() == 0);
            assertThat(ids(store, locked)).containsExactlyElementsOf(lockedIds);
            assertThat(ids(store, free)).containsExactlyElementsOf(freeIds);
            assertThat(states).containsExactly(Connectivity.OFFLINE, Connectivity.ONLINE,
                    Connectivity.WAITING_FOR_LOCK, Connectivity.ONLINE);
        }
    }

    @Test
    void notesTypedDuringAKnownOutageAreJournaledWithoutWaitingForTheTimeout() throws Exception {
        try (FreezingProxy pooler = new FreezingProxy(PG.port())) {
            IncidentStore store = openThrough(pooler);
            Incident incident = store.create(IncidentDraft.of("DNS resolution failures", Severity.P1), "alice");
            pooler.freeze();
            store.append(note(incident, "the outage is noticed here"));
            await().atMost(Duration.ofSeconds(20)).until(() -> store.connectivity() == Connectivity.OFFLINE);

            long slowest = 0;
            for (int k = 0; k < 8; k++) {
                long start = System.nanoTime();
                assertThat(store.append(note(incident, "typed during the outage " + k)).outcome())
                        .isEqualTo(Receipt.Outcome.JOURNALED);
                slowest = Math.max(slowest, System.nanoTime() - start);
                Thread.sleep(150); // spread over the reconnect attempts, which hold the writer while connecting
            }

            assertThat(Duration.ofNanos(slowest)).as("the slowest append during the outage")
                    .isLessThan(OPTIONS.timeout().dividedBy(2));
        }
    }

    @Test
    void aWriteToAnIncidentAnotherConsoleHoldsLockedIsJournaledWaitingForTheLockNotOffline() throws Exception {
        IncidentStore store = IncidentStores.postgres(PG.url(), "postgres", null, clientDir, OPTIONS);
        PG.track(store);
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident locked = store.create(IncidentDraft.of("Checkout 5xx", Severity.P1), "alice");
        Incident other = store.create(IncidentDraft.of("Search latency", Severity.P2), "alice");
        TimelineEntry typed = TimelineEntry.create(locked.id(), "alice", new EntryBody.Note("rolled back", null));
        Receipt receipt;
        try (Connection console = DriverManager.getConnection(PG.url(), "postgres", null)) {
            console.setAutoCommit(false);
            try (PreparedStatement st = console.prepareStatement("SELECT 1 FROM incidents WHERE id = ? FOR UPDATE")) {
                st.setString(1, locked.id());
                st.executeQuery().close();
            }

            receipt = store.append(typed);

            assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
            assertThat(store.connectivity()).isEqualTo(Connectivity.WAITING_FOR_LOCK);
            TimelineEntry elsewhere = TimelineEntry.create(other.id(), "alice", new EntryBody.Note("checked", null));
            assertThat(store.append(elsewhere).outcome()).as("another incident is written at once")
                    .isEqualTo(Receipt.Outcome.STORED);
            console.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> store.pendingEntries() == 0
                && store.connectivity() == Connectivity.ONLINE);
        assertThat(store.entries(locked.id(), 0)).extracting(TimelineEntry::id).containsOnlyOnce(typed.id());
        assertThat(states).as("never announced offline").doesNotContain(Connectivity.OFFLINE)
                .containsExactly(Connectivity.WAITING_FOR_LOCK, Connectivity.ONLINE);
    }
}
