package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Incident list and timeline view models against a real embedded store, without a screen. */
class TimelineViewModelTest {
    @TempDir
    Path dir;

    private IncidentStore store;
    private IncidentViewModel incidents;
    private TimelineViewModel timeline;

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        timeline = incidents.timeline();
        incidents.start(IncidentDraft.of("Disk full on db1", Severity.P2), i -> { });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void statusAndSeverityChangesBecomeEntriesAndUpdateTheList() throws Exception {
        timeline.changeSeverity(Severity.P1);
        timeline.changeStatus(Status.MITIGATED);
        timeline.changeStatus(Status.MITIGATED); // same status again adds nothing

        Incident shown = incidents.incidents().get(0);
        assertThat(shown.severity()).isEqualTo(Severity.P1);
        assertThat(shown.status()).isEqualTo(Status.MITIGATED);
        assertThat(store.entries(shown.id(), 0)).extracting(TimelineEntry::kind)
                .containsExactly("created", "severity_changed", "status_changed");
    }

    @Test
    void savedLocallyIsNoLongerSaidOnceTheKeptEntryArrivesStored() throws Exception {
        // A team store whose writer is busy with its own long write journals a note and stays ONLINE: no connectivity
        // event follows, only the entry itself once the journal is sent.
        IncidentViewModel following = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        following.followStore();
        following.start(IncidentDraft.of("Consumer lag on orders", Severity.P2), i -> { });
        TimelineViewModel timeline = following.timeline();
        TimelineEntry kept = TimelineEntry.create(timeline.incidentProperty().get().id(), "alice",
                new EntryBody.Note("restarted the consumer", null));
        timeline.accept(new Receipt(kept, Receipt.Outcome.JOURNALED));
        assertThat(timeline.messageProperty().get()).isEqualTo(TimelineMessage.KEPT_LOCALLY);

        store.append(kept); // what the store's drain does with it

        await().atMost(Duration.ofSeconds(10)).until(() -> timeline.entries().stream()
                .anyMatch(e -> e.id().equals(kept.id()) && e.seq() > 0));
        assertThat(timeline.messageProperty().get()).isEmpty();
    }

    @Test
    void aNoteTheStoreRefusesIsHandedBackWithTheReasonNotLost() {
        timeline.addNote("first look: disk at 100%", false);
        assertThat(timeline.unsentNoteProperty().get()).isNull();
        store.close(); // any refusal: the view has already cleared the field the note was typed in

        timeline.addNote("deleted old WAL segments", false);

        assertThat(timeline.unsentNoteProperty().get()).isEqualTo("deleted old WAL segments");
        assertThat(timeline.errorProperty().get()).contains("closed")
                .as("quoted too: the field may hold a note typed since").contains("deleted old WAL segments");
    }

    @Test
    void aNoteRefusedOnceAnotherIncidentIsShownIsQuotedInTheErrorNotPutInThatIncidentsField() {
        HeldTaskExecutor workers = new HeldTaskExecutor();
        TimelineViewModel racing = noteOnDisk(workers, "deleted old WAL segments");
        Incident checkout = incident("Checkout");
        racing.show(checkout); // before the store answered the note
        store.close();

        workers.runNext(); // the note's append: refused

        assertThat(racing.unsentNoteProperty().get()).as("not typed for this incident").isNull();
        assertThat(racing.errorProperty().get()).contains("closed")
                .contains("\"Disk full on db1\"", "deleted old WAL segments");
    }

    /** A title an older version stored in clear is quoted masked in the refusal, as the timeline shows it. */
    @Test
    void aRefusedNoteQuotesATitleStoredInClearMasked() throws Exception {
        incidents.start(IncidentDraft.of("Disk TITLEWORD", Severity.P2), i -> { });
        String id = incident("Disk TITLEWORD").id();
        store.close();
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("incidents.db"));
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            String clear = "redis-cli -a Sup3rSecretPw flushall";
            st.executeUpdate("UPDATE entries SET payload = replace(payload, 'TITLEWORD', '" + clear + "')");
            st.executeUpdate("UPDATE incidents SET title = replace(title, 'TITLEWORD', '" + clear + "'),"
                    + " snapshot = replace(snapshot, 'TITLEWORD', '" + clear + "')");
        }
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        TimelineViewModel refusing = new TimelineViewModel(new DirectTaskExecutor(), () -> store, "alice");
        refusing.show(store.get(id).orElseThrow());
        store.close();

        refusing.addNote("deleted old WAL segments", false);

        assertThat(refusing.errorProperty().get()).contains("redis-cli -a", "deleted old WAL segments")
                .doesNotContain("Sup3rSecretPw");
    }

    /**
     * The reviewer's finding: a note refused once another incident was shown lived only as a quote in the error, which
     * the next stored entry cleared; and the quote showed a secret typed in it.
     */
    @Test
    void aNoteRefusedWhileAnotherIncidentIsShownComesBackWhenItsIncidentIsShownAgain() throws Exception {
        HeldTaskExecutor workers = new HeldTaskExecutor();
        TimelineViewModel racing = noteOnDisk(workers, "ran psql with PGPASSWORD=Hunter2xyz");
        Incident checkout = incident("Checkout");
        Incident disk = incident("Disk");
        racing.show(checkout);
        store.close();
        workers.runNext(); // the note's append: refused
        assertThat(racing.errorProperty().get()).contains("ran psql with PGPASSWORD=").doesNotContain("Hunter2xyz");

        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        workers.runAll();
        racing.record(new EntryBody.Note("checkout pods restarted", null), null, null);
        workers.runAll();
        assertThat(racing.errorProperty().get()).as("cleared by the entry stored").isEmpty();
        assertThat(racing.unsentNoteProperty().get()).as("not typed for this incident").isNull();

        racing.show(disk);
        workers.runAll();

        assertThat(racing.unsentNoteProperty().get()).isEqualTo("ran psql with PGPASSWORD=Hunter2xyz");
        racing.unsentNoteProperty().set(null); // the view put it in the field
        racing.show(checkout);
        racing.show(disk);
        assertThat(racing.unsentNoteProperty().get()).as("handed back once").isNull();
    }

    /** "Checkout 502s" started too; a timeline on {@code workers} shows the disk incident and adds {@code note}. */
    private TimelineViewModel noteOnDisk(HeldTaskExecutor workers, String note) {
        incidents.start(IncidentDraft.of("Checkout 502s", Severity.P1), i -> { });
        TimelineViewModel racing = new TimelineViewModel(workers, () -> store, "alice");
        racing.show(incident("Disk"));
        workers.runAll();
        racing.addNote(note, false);
        return racing;
    }

    private Incident incident(String titleStart) {
        return incidents.incidents().stream().filter(i -> i.title().startsWith(titleStart)).findFirst().orElseThrow();
    }

    @Test
    void filtersByKindAndPutsPinnedEntriesFirst() {
        timeline.addNote("first look: disk at 100%", false);
        timeline.addNote("deleted old WAL segments", true);
        timeline.changeStatus(Status.IDENTIFIED);

        timeline.filterProperty().set(EntryFilter.NOTES);
        assertThat(timeline.visibleEntries()).extracting(TimelineEntry::kind).containsOnly("note").hasSize(2);

        timeline.filterProperty().set(EntryFilter.ALL);
        timeline.pinnedFirstProperty().set(true);
        assertThat(((EntryBody.Note) timeline.visibleEntries().get(0).body()).text()).isEqualTo("deleted old WAL segments");
    }

    /** Another service's outage during the incident stays one filter away, out of the incident's own story. */
    @Test
    void healthChangesElsewhereAreGatheredUnderTheirOwnFilter() {
        Incident shown = timeline.incidentProperty().get();
        timeline.record(shown.id(), new EntryBody.HealthChanged("orders-api", "http", "up", "down", "HTTP 503"), null, null, null);
        timeline.record(shown.id(), new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "refused").asElsewhere(),
                null, null, null);

        for (EntryFilter own : List.of(EntryFilter.ALL, EntryFilter.SIGNALS)) {
            timeline.filterProperty().set(own);
            assertThat(timeline.visibleEntries()).extracting(dev.incidentconsole.app.cli.IncidentEntryText::summary)
                    .as(own.name()).anyMatch(t -> t.startsWith("orders-api")).noneMatch(t -> t.contains("pgbouncer"));
        }
        timeline.filterProperty().set(EntryFilter.ELSEWHERE);
        assertThat(timeline.visibleEntries()).extracting(dev.incidentconsole.app.cli.IncidentEntryText::summary)
                .containsExactly("elsewhere: pgbouncer (tcp): up -> down, refused");
    }

    @Test
    void pinnedFirstCanBeTurnedOffAndUnpinningPutsTheEntryBackInPlace() {
        timeline.addNote("disk at 100%", false);
        timeline.addNote("WAL archiving stuck", false);
        timeline.addNote("archive_command fixed", false);
        TimelineEntry fix = timeline.entries().get(3);
        timeline.togglePin(fix);
        List<TimelineEntry> inOrder = List.copyOf(timeline.entries());

        timeline.pinnedFirstProperty().set(true);
        assertThat(timeline.visibleEntries().get(0)).isEqualTo(fix);
        assertThat(timeline.visibleEntries().subList(1, 5)).extracting(TimelineEntry::kind)
                .containsExactly("created", "note", "note", "pin");

        timeline.pinnedFirstProperty().set(false);
        assertThat(timeline.visibleEntries()).containsExactlyElementsOf(inOrder);

        timeline.pinnedFirstProperty().set(true);
        timeline.togglePin(fix);
        assertThat(timeline.incidentProperty().get().pinned()).isEmpty();
        assertThat(timeline.visibleEntries().get(3)).isEqualTo(fix);
        assertThat(timeline.visibleEntries()).extracting(TimelineEntry::kind).endsWith("pin", "pin");
    }

    @Test
    void reopeningTheListShowsResolvedIncidentsOnlyWhenAsked() {
        timeline.changeStatus(Status.RESOLVED);
        incidents.showResolvedProperty().set(false);
        assertThat(incidents.incidents()).isEmpty();
        incidents.showResolvedProperty().set(true);
        assertThat(incidents.incidents()).extracting(Incident::title).containsExactly("Disk full on db1");
    }

    @Test
    void entriesRecordedInARowAreStoredInThatOrderWhicheverWorkerRunsFirst() throws Exception {
        HeldTaskExecutor workers = new HeldTaskExecutor();
        TimelineViewModel racing = new TimelineViewModel(workers, () -> store, "alice");
        Incident shown = incidents.incidents().get(0);
        racing.show(shown);
        workers.runAllNewestFirst();

        racing.addNote("backend OOM-killed; raised the memory limit", false);
        racing.changeStatus(Status.RESOLVED);
        workers.runAllNewestFirst();

        assertThat(store.entries(shown.id(), 0)).extracting(TimelineEntry::kind)
                .containsExactly("created", "note", "status_changed");
        assertThat(racing.entries()).extracting(TimelineEntry::kind).containsExactly("created", "note", "status_changed");
        assertThat(racing.pendingProperty().get()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportWritesTheNoteWithSecretsMasked(ExportFormat format) throws Exception {
        timeline.addNote("ran PGPASSWORD=hunter2 psql to check", false);
        Path file = dir.resolve("incident." + format.extension());

        timeline.export(format, file, null);

        assertThat(Files.readString(file)).contains("psql to check").doesNotContain("hunter2");
        assertThat(timeline.messageProperty().get()).contains(file.toString());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void readableExportsNameTheRunbookRelativeToTheWorkspace(ExportFormat format) throws Exception {
        Path workspace = dir.resolve("team-runbooks");
        Incident shown = timeline.incidentProperty().get();
        timeline.record(shown.id(), new EntryBody.RunbookLinked(new dev.incidentconsole.incident.RunbookLink(
                workspace.resolve("db/postgres.md").toString(), List.of("Too many connections"))), null, null);
        timeline.useWorkspace(workspace);
        Path file = dir.resolve("incident." + format.extension());

        timeline.export(format, file, null);

        if (format == ExportFormat.JSON) {
            assertThat(Files.readString(file)).as("read back by import: as recorded").contains(workspace + "/db/postgres.md");
        } else {
            assertThat(Files.readString(file)).contains("db/postgres.md").doesNotContain(workspace.toString());
        }
        assertThat(store.entries(shown.id(), 0).stream().map(TimelineEntry::body)
                .filter(EntryBody.RunbookLinked.class::isInstance).map(b -> ((EntryBody.RunbookLinked) b).link().file()))
                .as("the store keeps the full path").containsExactly(workspace.resolve("db/postgres.md").toString());
    }

    @Test
    void aStoreThatCannotOpenShowsOneLineError() {
        IncidentViewModel broken = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run,
                () -> IncidentStores.embedded(Files.writeString(dir.resolve("not-a-db"), "plain text"), StoreOptions.defaults()),
                "bob");
        broken.refresh();
        assertThat(broken.errorProperty().get()).isNotBlank().doesNotContain("Exception");
    }
    /**
     * The outage: the alert is noticed minutes after it began, the health change is confirmed after the
     * "UP again" note was written. The view and every export show them in the order they happened.
     */
    @Test
    void entriesRecordedOutOfOrderShowAndExportInTheOrderTheyHappened() throws Exception {
        Incident shown = timeline.incidentProperty().get();
        java.time.Instant created = shown.startedAt();
        timeline.record(shown.id(), new EntryBody.Note("orders-api is UP again", null), null, created.plusSeconds(66), null);
        timeline.record(shown.id(), new EntryBody.HealthChanged("orders-api", "http", "down", "up", "HTTP 200"), null,
                created.plusSeconds(60), null);
        TimelineEntry alert = TimelineEntry.happened(shown.id(), "dashboard", new EntryBody.AlertChanged("OrdersApiDown",
                "firing", java.util.Map.of("service", "orders-api"), "no healthy pods"), null,
                created.minusSeconds(217), java.time.Clock.systemUTC());
        timeline.accept(store.append(alert));

        List<String> order = List.of("OrdersApiDown", "Disk full on db1", "HTTP 200", "UP again");
        assertThat(timeline.entries()).extracting(dev.incidentconsole.app.cli.IncidentEntryText::summary)
                .satisfies(lines -> assertThat(String.join("\n", lines)).containsSubsequence(order));
        assertThat(timeline.visibleEntries()).containsExactlyElementsOf(timeline.entries());
        assertThat(dev.incidentconsole.incident.Times.lateNote(timeline.entries().get(0),
                dev.incidentconsole.incident.Times::instant)).contains("3m 37s later");
        assertThat(timeline.incidentProperty().get().entryCount()).isEqualTo(4);

        for (ExportFormat format : ExportFormat.values()) {
            Path file = dir.resolve("export." + format.extension());
            timeline.export(format, file, null);
            String text = Files.readString(file);
            int timelineStart = format == ExportFormat.JSON ? text.indexOf("\"entries\"") : text.indexOf("Timeline");
            assertThat(text.substring(timelineStart)).as(format.name()).containsSubsequence(order);
        }
    }

    /** An older version stored this note in clear: the timeline shows it masked, as the exports do. */
    @Test
    void anEntryStoredInClearByAnOlderVersionIsShownMasked() throws Exception {
        String id = timeline.incidentProperty().get().id();
        timeline.addNote("restarted redis with PLACEHOLDER", false);
        store.close();
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("incidents.db"));
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE entries SET payload = replace(payload, 'PLACEHOLDER',"
                    + " 'redis-cli -a Sup3rSecretPw ping') WHERE kind = 'note'")).isEqualTo(1);
        }
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        assertThat(store.entries(id, 0).toString()).as("stored in clear, as an old version wrote it")
                .contains("Sup3rSecretPw");

        TimelineViewModel reopened = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "bob")
                .timeline();
        reopened.show(store.get(id).orElseThrow());

        assertThat(reopened.visibleEntries()).extracting(e -> e.body().toString())
                .anySatisfy(text -> assertThat(text).contains("redis-cli -a").doesNotContain("Sup3rSecretPw"));
    }

    /** The issue: opening an incident masked all its entries on the FX thread (2,000 long steps took over a second). */
    @Test
    void anOpenedIncidentsEntriesAreMaskedInItsLoadNotWhereTheAnswerArrives() throws Exception {
        Incident opened = incidents.incidents().get(0);
        store.append(TimelineEntry.create(opened.id(), "alice",
                new EntryBody.Note("export PGPASSWORD=Zq8vLm2xRt5w", null)));
        HeldTaskExecutor loads = HeldTaskExecutor.answersLater(); // the answer waits, as for the FX thread
        AtomicInteger masked = new AtomicInteger();
        TimelineViewModel fresh = new TimelineViewModel(loads, () -> store, "bob", e -> {
            masked.incrementAndGet();
            return Redactor.standard().redact(e);
        });

        fresh.show(opened);
        int inLoad = masked.get();
        loads.runAll();

        assertThat(inLoad).isEqualTo(2); // created and the note
        assertThat(masked).hasValue(inLoad);
        assertThat(fresh.visibleEntries()).hasSize(2).noneMatch(e -> e.toString().contains("Zq8vLm2xRt5w"));
    }
}
