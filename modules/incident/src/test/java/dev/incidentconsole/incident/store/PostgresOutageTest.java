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
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team database stops and comes back (same data directory and port) in the middle of an incident.
 * One server for the class (initdb once); each test stops and restarts it.
 */
class PostgresOutageTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));

    @TempDir
    static Path serverDir;
    private static EmbeddedPostgres pg;
    private static int port;

    @TempDir
    Path clientDir;
    private final List<IncidentStore> stores = new ArrayList<>();

    @BeforeAll
    static void firstStart() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        startServer();
    }

    @AfterAll
    static void lastStop() throws IOException {
        stopServer();
    }

    private static void startServer() throws IOException {
        pg = EmbeddedPostgres.builder().setDataDirectory(serverDir.resolve("pgdata")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static void stopServer() throws IOException {
        if (pg != null) {
            pg.close();
            pg = null;
            // pg_ctl gives up waiting after a few seconds on a busy machine while the shutdown goes on.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !Files.exists(serverDir.resolve("pgdata/postmaster.pid")));
        }
    }

    private IncidentStore open() throws StoreException {
        IncidentStore s = IncidentStores.postgres("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                null, clientDir, FAST_RETRY);
        stores.add(s);
        return s;
    }

    @AfterEach
    void closeClients() throws IOException {
        stores.forEach(IncidentStore::close);
        if (pg == null) {
            startServer();
        }
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

        stopServer();
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

        startServer();
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
    void aClientClosedWhileOfflineSendsItsJournalWhenOpenedAgain() throws Exception {
        IncidentStore first = open();
        Incident incident = first.create(IncidentDraft.of("Queue backlog", Severity.P2), "alice");
        stopServer();
        // The journal is synced before append returns, so closing here is as good as being killed.
        TimelineEntry offline = note(incident, "consumers restarted");
        assertThat(first.append(offline).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        first.close();

        startServer();
        IncidentStore second = open();
        assertThat(second.pendingEntries()).isZero();
        assertThat(second.entries(incident.id(), 0)).extracting(TimelineEntry::id).endsWith(offline.id()).hasSize(2);
    }
}
