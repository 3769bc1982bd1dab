package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.stack.DebianServers;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team store where teams usually put it: behind the PgBouncer that pools the database, in transaction mode.
 * Real PostgreSQL and PgBouncer from the Debian packages; skips with a message when they are not installed.
 */
class TeamStoreBehindPgBouncerTest {
    private static final String PASSWORD = "bouncer-pw";

    @TempDir
    Path dir;
    private DebianServers servers;
    private int postgresPort;

    @BeforeEach
    void postgres() throws Exception {
        servers = new DebianServers();
        postgresPort = DebianServers.freePort();
        servers.postgres(postgresPort, "CREATE ROLE app LOGIN PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE incidents OWNER app", "CREATE ROLE pooler LOGIN PASSWORD 'rotated'");
    }

    @AfterEach
    void stop() throws Exception {
        servers.close();
    }

    @Test
    void twoConsolesWritingThroughATransactionPoolingPgBouncerLoseNoEntry() throws Exception {
        String url = bouncer("transaction", "extra_float_digits");
        try (IncidentStore alice = open(url, "alice"); IncidentStore bob = open(url, "bob")) {
            Incident incident = alice.create(IncidentDraft.of("Checkout 502s", Severity.P1), "alice");
            ExecutorService consoles = Executors.newFixedThreadPool(2);
            try {
                // more notes than pgjdbc's prepareThreshold (5): it then names its statements on the server
                // connection, which the pooler hands to the other console between transactions
                Future<?> a = consoles.submit(() -> notes(alice, incident.id(), "alice", 12));
                Future<?> b = consoles.submit(() -> notes(bob, incident.id(), "bob", 12));
                a.get(60, TimeUnit.SECONDS);
                b.get(60, TimeUnit.SECONDS);
            } finally {
                consoles.shutdownNow();
            }
            List<String> notes = notes(open(url, "reviewer"), incident.id());
            assertThat(notes).hasSize(24);
            assertThat(notes.stream().filter(n -> n.startsWith("alice")).toList()).isEqualTo(numbered("alice", 12));
            assertThat(notes.stream().filter(n -> n.startsWith("bob")).toList()).isEqualTo(numbered("bob", 12));
        }
    }

    @Test
    void aConsoleFollowingATimelineThroughTheBouncerSeesTheOtherConsolesEntries() throws Exception {
        String url = bouncer("transaction", "extra_float_digits");
        try (IncidentStore alice = open(url, "alice"); IncidentStore bob = open(url, "bob")) {
            Incident incident = alice.create(IncidentDraft.of("Checkout 502s", Severity.P1), "alice");
            List<String> seen = new CopyOnWriteArrayList<>();
            try (var following = alice.subscribe(incident.id(), 0, e -> {
                if (e.body() instanceof EntryBody.Note n) {
                    seen.add(n.text());
                }
            })) {
                Thread.sleep(1000); // the listener connects in the background
                notes(bob, incident.id(), "bob", 2);
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(seen).isEqualTo(numbered("bob", 2)));
            }
        }
    }

    @Test
    void aPgBouncerThatRefusesJdbcsStartupParameterIsAnErrorNamingTheFixNotAnOutage() throws Exception {
        String url = bouncer("transaction", "");

        assertThatThrownBy(() -> IncidentStores.postgresQueueing(url, "app", PASSWORD, dir.resolve("queueing"),
                StoreOptions.defaults()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isNotEqualTo(StoreException.Reason.UNAVAILABLE))
                .hasMessageContaining("refuses the startup parameter extra_float_digits")
                .hasMessageContaining("ignore_startup_parameters = extra_float_digits");
    }

    @Test
    void aWrongPasswordAtTheBouncerIsRefusedNotQueuedAsAnOutage() throws Exception {
        String url = bouncer("transaction", "extra_float_digits");

        // PgBouncer answers every refusal with SQLState 08P01, the class of a broken connection: taken for an
        // outage, the console queued the user's entries in the journal and kept retrying a password that stays wrong.
        assertThatThrownBy(() -> IncidentStores.postgresQueueing(url, "app", "not-" + PASSWORD, dir.resolve("queueing"),
                StoreOptions.defaults()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isNotEqualTo(StoreException.Reason.UNAVAILABLE))
                .hasMessageContaining("SASL authentication failed") // scram-sha-256 (plain: "password authentication failed")
                .hasMessageContaining("PGPASSWORD");
    }

    @Test
    void thePoolersOwnFailedLoginKeepsEntriesQueuedAndBlamesThePoolerNotTheUser() throws Exception {
        int port = DebianServers.freePort();
        // the pooler logs in as itself with the password from before the rotation; PgBouncer relays the server's
        // "password authentication failed for user \"pooler\"" (as 08P01 up to 1.20, as 28P01 later)
        servers.pgbouncer(port, postgresPort, "incidents", "app", PASSWORD, "transaction", "extra_float_digits",
                "user=pooler password=before-rotation");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/incidents";

        assertThatThrownBy(() -> IncidentStores.postgres(url, "app", PASSWORD, dir.resolve("plain"),
                StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("password authentication failed for user \"pooler\"")
                            .contains("pooler").contains("not yours").doesNotContain("PGPASSWORD");
                });
        try (IncidentStore queueing = IncidentStores.postgresQueueing(url, "app", PASSWORD, dir.resolve("queueing"),
                StoreOptions.defaults())) {
            assertThat(queueing.connectivity()).isEqualTo(Connectivity.OFFLINE);
            TimelineEntry note = TimelineEntry.create("INC-1", "alice", new EntryBody.Note("kept", null));
            assertThat(queueing.append(note).outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
        }
    }

    @Test
    void aDatabaseTheBouncerDoesNotPoolIsNamedWithWhereToAddIt() throws Exception {
        String url = bouncer("transaction", "extra_float_digits").replace("/incidents", "/incidnets");

        assertThatThrownBy(() -> IncidentStores.postgresQueueing(url, "app", PASSWORD, dir.resolve("queueing"),
                StoreOptions.defaults()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isNotEqualTo(StoreException.Reason.UNAVAILABLE))
                .hasMessageContaining("no such database: incidnets")
                .hasMessageContaining("[databases]");
    }

    private String bouncer(String poolMode, String ignored) throws Exception {
        int port = DebianServers.freePort();
        servers.pgbouncer(port, postgresPort, "incidents", "app", PASSWORD, poolMode, ignored);
        return "jdbc:postgresql://127.0.0.1:" + port + "/incidents";
    }

    private IncidentStore open(String url, String console) throws StoreException {
        return IncidentStores.postgres(url, "app", PASSWORD, dir.resolve(console), StoreOptions.defaults());
    }

    private static Void notes(IncidentStore store, String incidentId, String author, int count) throws StoreException {
        for (String text : numbered(author, count)) {
            store.append(TimelineEntry.create(incidentId, author, new EntryBody.Note(text, null)));
        }
        return null;
    }

    private static List<String> notes(IncidentStore store, String incidentId) throws StoreException {
        try (store) {
            return store.entries(incidentId, 0).stream().map(TimelineEntry::body)
                    .filter(b -> b instanceof EntryBody.Note).map(b -> ((EntryBody.Note) b).text()).toList();
        }
    }

    private static List<String> numbered(String author, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(author + " note " + i);
        }
        return out;
    }
}
