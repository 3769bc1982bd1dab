package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code incident note} and {@code incident status} while the team store (a real PostgreSQL) is down: they
 * queue the entry in the local journal, say so and exit 0; once the database is back, the next command or a
 * window that has the store open sends it, and it is stored exactly once.
 */
class IncidentOfflineCommandTest {
    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path dir;
    private final CliRun cli = new CliRun();

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    @AfterEach
    void restore() throws IOException {
        cli.restore();
        pg.ensureRunning();
    }

    private static String url() {
        return pg.url() + "?user=postgres";
    }

    private int incident(String... args) {
        String[] full = new String[args.length + 5];
        System.arraycopy(new String[] {"incident", "--store-url", url(), "--author", "alice"}, 0, full, 0, 5);
        System.arraycopy(args, 0, full, 5, args.length);
        return cli.run(full);
    }

    private String newIncident() {
        cli.isolate(dir);
        assertThat(incident("new", "--title", "Orders API down", "--severity", "P1")).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    @Test
    void aNoteDuringAnOutageIsQueuedAndTheNextCommandStoresItOnce() throws Exception {
        String id = newIncident();
        pg.stop();

        assertThat(incident("note", id, "restarted pgbouncer; connections back")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Queued a note for " + id);
        assertThat(cli.err()).contains("team store is unreachable: queued in the local journal (1 waiting)");
        assertThat(incident("status", id, "mitigated")).as(cli.err()).isZero();
        assertThat(cli.err()).contains("(2 waiting)");
        assertThat(incident("show", id)).as("the whole timeline needs the store").isEqualTo(1);
        assertThat(cli.out()).as("what this machine queued is shown").contains("alice  note: restarted pgbouncer;"
                + " connections back", "status mitigated").doesNotContain("Orders API down");
        assertThat(cli.err()).contains("this is only what this machine queued for " + id + " (2 entries)");
        int printed = cli.out().length();
        assertThat(incident("show", "--json", id)).isEqualTo(1);
        assertThat(cli.out().substring(printed)).as("no part of a timeline passed for an importable document").isEmpty();

        pg.ensureRunning();
        assertThat(incident("list")).as(cli.err()).isZero();
        assertThat(notes(id)).containsExactly("restarted pgbouncer; connections back");
        assertThat(incident("show", id)).as(cli.err()).isZero();
        assertThat(incident("note", id, "watching")).isZero();
        assertThat(notes(id)).containsExactly("restarted pgbouncer; connections back", "watching");
        try (IncidentStore store = open()) {
            assertThat(store.get(id).orElseThrow().status().label()).isEqualTo("mitigated");
        }
    }

    @Test
    void anIncidentOpenedDuringAnOutageGetsItsIdAtOnceAndReachesTheStoreWithItsNotes() throws Exception {
        cli.isolate(dir);
        pg.stop();
        assertThat(incident("new", "--title", "Store down too", "--severity", "P1")).as(cli.err()).isZero();
        String id = cli.out().strip();
        assertThat(id).startsWith("INC-");
        assertThat(cli.err()).contains("new incident is queued in the local journal (1 waiting)");
        assertThat(incident("note", id, "opened while the team store was down")).isZero();

        pg.ensureRunning();
        assertThat(incident("list")).as(cli.err()).isZero();
        assertThat(cli.out()).contains(id, "Store down too");
        assertThat(notes(id)).containsExactly("opened while the team store was down");
    }

    @Test
    void aWindowThatHasTheStoreOpenSendsWhatTheCommandQueued() throws Exception {
        String id = newIncident();
        try (IncidentStore window = IncidentStores.postgres(url(), null, null, dir.resolve("data"),
                StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200)))) {
            pg.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> window.connectivity() == Connectivity.OFFLINE);

            assertThat(incident("note", id, "failed over to the replica")).as(cli.err()).isZero();
            assertThat(cli.err()).contains("queued in the local journal");

            pg.ensureRunning();
            await().atMost(Duration.ofSeconds(30)).until(() -> window.connectivity() == Connectivity.ONLINE
                    && notes(id).size() == 1);
            Thread.sleep(1000); // a few more rounds of the window's checks must not send it again
            assertThat(notes(id)).containsExactly("failed over to the replica");
        }
    }

    private IncidentStore open() throws Exception {
        return IncidentStores.postgres(url(), null, null, dir.resolve("other-client"), StoreOptions.defaults());
    }

    private List<String> notes(String id) throws Exception {
        try (IncidentStore store = open()) {
            return store.entries(id, 0).stream().map(TimelineEntry::body)
                    .filter(b -> b instanceof EntryBody.Note).map(b -> ((EntryBody.Note) b).text()).toList();
        }
    }
}
