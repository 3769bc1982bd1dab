package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIncidentStoreTest extends IncidentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected IncidentStore connect(StoreOptions options) throws Exception {
        return IncidentStores.embedded(dir.resolve("data/incidents.db"), options);
    }

    @Override
    protected IncidentStore connectOther(StoreOptions options) throws Exception {
        return IncidentStores.embedded(dir.resolve("other/incidents.db"), options);
    }

    @Test
    void theStoreIsOneFileInWalModeWithFullSync() throws Exception {
        SqliteIncidentStore s = (SqliteIncidentStore) store();
        assertThat(s.pragma("journal_mode")).isEqualTo("wal");
        assertThat(s.pragma("synchronous")).as("2 is FULL").isEqualTo("2");
        assertThat(s.pragma("foreign_keys")).isEqualTo("1");
        s.close();
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .as("one store file (WAL side files are SQLite's own)")
                .allMatch(n -> n.startsWith("incidents.db"));
    }

    @Test
    void twoProgramsOnOneFileBothWriteAndSeeEachOthersEntries() throws Exception {
        IncidentStore gui = store();
        IncidentStore cli = store();
        Incident incident = openDbIncident(gui);
        List<TimelineEntry> seenByGui = new CopyOnWriteArrayList<>();
        gui.subscribe(incident.id(), 0, seenByGui::add);
        TimelineEntry fromCli = cli.append(TimelineEntry.create(incident.id(), "bob",
                new EntryBody.Note("noted from the terminal", null))).entry();
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByGui.contains(fromCli));
        TimelineEntry fromGui = gui.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.Note("seen it", null))).entry();
        assertThat(cli.entries(incident.id(), 0)).containsExactly(gui.entries(incident.id(), 0).toArray(TimelineEntry[]::new))
                .contains(fromCli, fromGui);
    }

    @Test
    void runawayOutputIsCappedWithTheCutMarked() throws Exception {
        IncidentStore s = store();
        Incident incident = openDbIncident(s);
        String huge = IntStream.range(0, 200_000).mapToObj(k -> "log line " + k).collect(Collectors.joining("\n"));
        s.append(TimelineEntry.create(incident.id(), "alice",
                new EntryBody.StepFinished("journalctl -u api", "local", 0, 900, huge, null)));
        String stored = ((EntryBody.StepFinished) s.entries(incident.id(), 0).get(1).body()).output();
        assertThat(stored.length()).isLessThan(huge.length()).isLessThanOrEqualTo(EntryPreparation.MAX_OUTPUT_CHARS + 200);
        assertThat(stored).startsWith("log line 0\nlog line 1\n").endsWith("log line 199999")
                .containsPattern("… \\d+ characters \\(\\d+ lines\\) of output not stored …\n");
    }

    @Test
    void aFileThatIsNotAStoreIsReportedAsDamaged() throws Exception {
        Path bogus = dir.resolve("notes.db");
        Files.writeString(bogus, "these are my notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> IncidentStores.embedded(bogus, StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT);
                    assertThat(e.getMessage()).contains(bogus.toString());
                });
    }

    @Test
    void callsOnAClosedStoreFailAsClosed() throws Exception {
        IncidentStore s = store();
        s.close();
        assertThatThrownBy(() -> s.list(false)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CLOSED));
    }
    /** A run stored before outcomes were kept (no {@code outcome} in its row) reads as having exited by itself. */
    @Test
    void aRunStoredBeforeOutcomesWereKeptReadsAsExited() throws Exception {
        Path file = dir.resolve("old-runs.db");
        String id;
        try (IncidentStore s = IncidentStores.embedded(file, StoreOptions.defaults())) {
            Incident incident = s.create(dev.incidentconsole.incident.IncidentDraft.of("Disk full",
                    dev.incidentconsole.incident.Severity.P2), "alice");
            id = incident.id();
            s.append(TimelineEntry.create(id, "alice", new EntryBody.StepFinished("tail -f app.log", "local", 143, 4_900,
                    "line", null)));
        }
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            int changed = st.executeUpdate("UPDATE entries SET payload = replace(payload, ',\"outcome\":\"exited\"', '')"
                    + " WHERE kind = 'step_finished'");
            assertThat(changed).isEqualTo(1);
            try (var rs = st.executeQuery("SELECT count(*) FROM entries WHERE payload LIKE '%outcome%'")) {
                assertThat(rs.next() && rs.getInt(1) == 0).as("no row names an outcome").isTrue();
            }
        }

        try (IncidentStore s = IncidentStores.embedded(file, StoreOptions.defaults())) {
            TimelineEntry read = s.entries(id, 0).get(1);
            EntryBody.StepFinished f = (EntryBody.StepFinished) read.body();
            assertThat(f.outcome()).isEqualTo(dev.incidentconsole.incident.RunOutcome.EXITED);
            assertThat(f.ending(read.author())).isEqualTo("exit 143");
        }
    }

    /**
     * A store written by a version that knew one time per entry opens after the V2 migration: its entries
     * were stamped when recorded, which is all it knew, so both times read as that.
     */
    @Test
    void aVersionOneStoreIsMigratedAndItsEntriesReadWithBothTimes() throws Exception {
        Path file = Files.createDirectories(dir.resolve("v1")).resolve("incidents.db");
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds)
                .locations("classpath:" + Migrations.LOCATION).table(Migrations.HISTORY_TABLE).target("1").load().migrate();
        TimelineEntry created = new dev.incidentconsole.incident.IncidentDraft("Disk full", dev.incidentconsole.incident.Severity.P2,
                "", null, null, null).toEntry("alice", dev.incidentconsole.incident.Timelines.clockAt("2026-11-22T03:00:00Z"));
        Incident incident = Incident.replay(List.of(created.withSeq(1)));
        com.fasterxml.jackson.databind.node.ObjectNode oldPayload = dev.incidentconsole.incident.IncidentJson.mapper()
                .valueToTree(created.withSeq(1));
        oldPayload.remove("recordedAt");
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO incidents VALUES ('" + incident.id() + "', 'Disk full', 'P2', 'investigating', 0, 0, '"
                    + dev.incidentconsole.incident.IncidentJson.writeIncident(incident).replace("'", "''") + "')");
            st.execute("INSERT INTO entries VALUES ('" + created.id() + "', '" + incident.id() + "', 1, 0, 'alice', 'created', '"
                    + oldPayload.toString().replace("'", "''") + "')");
        }

        try (IncidentStore s = IncidentStores.embedded(file, StoreOptions.defaults())) {
            TimelineEntry read = s.entries(incident.id(), 0).get(0);
            assertThat(read.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-22T03:00:00Z"));
            assertThat(read.recordedAt()).isEqualTo(read.occurredAt());
            assertThat(s.append(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("freed 20 GB", null)))
                    .outcome()).isEqualTo(dev.incidentconsole.incident.Receipt.Outcome.STORED);
        }
        try (var c = ds.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM entries WHERE recorded_at IS NOT NULL")) {
            assertThat(rs.next() && rs.getInt(1) == 2).as("both rows have recorded_at").isTrue();
        }
    }
}
