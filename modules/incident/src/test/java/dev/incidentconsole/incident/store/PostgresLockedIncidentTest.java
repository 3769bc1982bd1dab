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
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another console holds an incident's row locked (a transaction left open mid-write): a write to that incident gives
 * up waiting for the lock well before the store's timeout, is journaled, and the store says it waits for a lock
 * instead of claiming the database is unreachable.
 */
class PostgresLockedIncidentTest {
    private static final StoreOptions OPTIONS = new StoreOptions(Redactor.standard(), Duration.ofSeconds(3),
            Duration.ofMillis(200));

    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path clientDir;
    private IncidentStore store;

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    @AfterEach
    void closeClient() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aWriteToAnIncidentAnotherConsoleHoldsLockedIsJournaledWaitingForTheLockNotOffline() throws Exception {
        store = IncidentStores.postgres(pg.url(), "postgres", null, clientDir, OPTIONS);
        List<Connectivity> states = new CopyOnWriteArrayList<>();
        store.onConnectivity(states::add);
        Incident locked = store.create(IncidentDraft.of("Checkout 5xx", Severity.P1), "alice");
        Incident other = store.create(IncidentDraft.of("Search latency", Severity.P2), "alice");
        TimelineEntry typed = TimelineEntry.create(locked.id(), "alice", new EntryBody.Note("rolled back", null));
        Receipt receipt;
        try (Connection console = DriverManager.getConnection(pg.url(), "postgres", null)) {
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
