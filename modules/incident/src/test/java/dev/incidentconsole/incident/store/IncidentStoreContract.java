package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.Timelines;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import dev.incidentconsole.runbook.testing.SecretFormTables;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** What every {@link IncidentStore} must do; run against the embedded and the PostgreSQL store. */
abstract class IncidentStoreContract {
    private final List<IncidentStore> opened = new CopyOnWriteArrayList<>();

    /** A client of this test's store; the same store on each call within a test, a fresh one per test. */
    protected abstract IncidentStore connect(StoreOptions options) throws Exception;

    /** A client of a second, empty store (the import target). */
    protected abstract IncidentStore connectOther(StoreOptions options) throws Exception;

    protected IncidentStore store() throws Exception {
        return track(connect(StoreOptions.defaults()));
    }

    protected IncidentStore track(IncidentStore s) {
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(IncidentStore::close);
    }

    protected static Incident openDbIncident(IncidentStore s) throws StoreException {
        return s.create(new IncidentDraft("Replication lag on orders-db", Severity.P2, "prod", List.of("orders-db"),
                List.of(), null), "alice");
    }

    /** The replication-lag incident, every kind of step in it, as {@code s} stores it. */
    private static IncidentDocument storedReplicationLag(IncidentStore s) throws StoreException {
        Incident i = openDbIncident(s);
        appendAll(s, Timelines.replicationLag(i));
        return s.document(i.id());
    }

    protected static List<Receipt> appendAll(IncidentStore s, List<TimelineEntry> entries) throws StoreException {
        List<Receipt> out = new java.util.ArrayList<>();
        for (TimelineEntry e : entries) {
            out.add(s.append(e));
        }
        return out;
    }

    @Test
    void createdIncidentReadsBackWithItsCreationEntry() throws Exception {
        IncidentStore s = store();
        Incident created = openDbIncident(s);
        assertThat(s.get(created.id())).contains(created);
        List<TimelineEntry> entries = s.entries(created.id(), 0);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.body()).isInstanceOf(EntryBody.Created.class);
        });
        assertThat(created.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(created.responders()).containsExactly("alice");
    }

    @Test
    void appendedEntriesComeBackInOrderAndTheStateFollowsThem() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        List<TimelineEntry> timeline = Timelines.replicationLag(i);
        List<Receipt> receipts = appendAll(s, timeline);
        assertThat(receipts).extracting(Receipt::outcome).containsOnly(Receipt.Outcome.STORED);
        List<TimelineEntry> stored = s.entries(i.id(), 0);
        assertThat(stored).extracting(TimelineEntry::seq).containsExactly(
                java.util.stream.LongStream.rangeClosed(1, timeline.size() + 1).boxed().toArray(Long[]::new));
        assertThat(stored.subList(1, stored.size())).extracting(TimelineEntry::id)
                .containsExactlyElementsOf(timeline.stream().map(TimelineEntry::id).toList());
        Incident now = s.get(i.id()).orElseThrow();
        assertThat(now).isEqualTo(Incident.replay(stored));
        assertThat(now.status()).isEqualTo(Status.RESOLVED);
        assertThat(now.severity()).isEqualTo(Severity.P1);
        assertThat(now.responders()).containsExactly("alice", "bob");
        assertThat(now.pinned()).containsExactly(timeline.get(4).id());
    }

    @Test
    void entriesSinceASequenceNumberReturnOnlyNewerOnes() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        appendAll(s, Timelines.replicationLag(i));
        List<TimelineEntry> all = s.entries(i.id(), 0);
        assertThat(s.entries(i.id(), 10)).containsExactlyElementsOf(all.subList(10, all.size()));
        assertThat(s.entries(i.id(), all.size())).isEmpty();
    }

    @Test
    void listShowsNewestFirstAndOpenOnlyLeavesOutResolved() throws Exception {
        IncidentStore s = store();
        Incident older = s.create(new IncidentDraft("Disk full on build-1", Severity.P3, "ci", null, null,
                java.time.Instant.now().minus(Duration.ofHours(2))), "carol");
        Incident newer = openDbIncident(s);
        s.append(TimelineEntry.create(older.id(), "carol", new EntryBody.StatusChanged(null, Status.RESOLVED, "cleaned")));
        assertThat(s.list(false)).extracting(Incident::id).containsExactly(newer.id(), older.id());
        assertThat(s.list(true)).extracting(Incident::id).containsExactly(newer.id());
    }

    @Test
    void appendingTheSameEntryTwiceRecordsItOnce() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        TimelineEntry note = TimelineEntry.create(i.id(), "alice", new EntryBody.Note("checked the pooler", null));
        Receipt first = s.append(note);
        Receipt again = s.append(note);
        assertThat(first.outcome()).isEqualTo(Receipt.Outcome.STORED);
        assertThat(again.outcome()).isEqualTo(Receipt.Outcome.ALREADY_STORED);
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(s.entries(i.id(), 0)).hasSize(2);
    }

    @Test
    void appendingToAnUnknownIncidentIsNotFound() throws Exception {
        IncidentStore s = store();
        TimelineEntry orphan = TimelineEntry.create("INC-20260101-abcdef", "alice", new EntryBody.Note("x", null));
        assertThatThrownBy(() -> s.append(orphan)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThat(s.get("INC-20260101-abcdef")).isEmpty();
    }

    @Test
    void aSecondCreationUnderATakenIdIsAConflict() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        TimelineEntry creation = s.entries(i.id(), 0).get(0);
        TimelineEntry impostor = new TimelineEntry(UUID.randomUUID(), i.id(), 0, creation.occurredAt(), null, "mallory", null,
                creation.body());
        assertThatThrownBy(() -> s.append(impostor)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));
        assertThat(s.entries(i.id(), 0)).hasSize(1);
    }

    @Test
    void pinsAndCorrectionsMustNameAnEntryOfTheSameIncident() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        Incident other = openDbIncident(s);
        TimelineEntry elsewhere = s.append(TimelineEntry.create(other.id(), "bob", new EntryBody.Note("x", null))).entry();
        TimelineEntry status = s.append(TimelineEntry.create(i.id(), "alice",
                new EntryBody.StatusChanged(null, Status.IDENTIFIED, null))).entry();
        for (EntryBody bad : List.of(new EntryBody.Pin(UUID.randomUUID(), true), new EntryBody.Pin(elsewhere.id(), true),
                new EntryBody.Note("fix", status.id()))) {
            assertThatThrownBy(() -> s.append(TimelineEntry.create(i.id(), "alice", bad)))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_INPUT));
        }
        assertThat(s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.Pin(status.id(), true))).outcome())
                .isEqualTo(Receipt.Outcome.STORED);
        assertThat(s.entries(i.id(), 0)).hasSize(3);
    }

    @Test
    void aRunsOutcomeIsStoredAndReadBack() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        s.append(TimelineEntry.create(i.id(), "alice", EntryBody.StepFinished.ran("tail -f /var/log/app.log", "local",
                143, 4_900, "line 1", null, RunOutcome.CANCELLED)));
        s.append(TimelineEntry.create(i.id(), "bob", EntryBody.StepFinished.ran("psql -c 'select pg_sleep(60)'", "local",
                null, 30_000, "", null, RunOutcome.TIMED_OUT)));
        s.append(TimelineEntry.create(i.id(), "bob", new EntryBody.StepFinished("df -h", "local", 1, 20, "", null)));

        List<TimelineEntry> stored = s.entries(i.id(), 0);

        assertThat(stored.subList(1, 4)).map(e -> ((EntryBody.StepFinished) e.body()).outcome())
                .containsExactly(RunOutcome.CANCELLED, RunOutcome.TIMED_OUT, RunOutcome.EXITED);
        EntryBody.StepFinished cancelled = (EntryBody.StepFinished) stored.get(1).body();
        assertThat(cancelled.exitCode()).isEqualTo(143);
        assertThat(cancelled.ending(stored.get(1).author())).isEqualTo("cancelled by alice");
        assertThat(s.document(i.id()).entries()).isEqualTo(stored);
    }

    @Test
    void storedEntriesHoldNoSecrets() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.StepFinished(
                "PGPASSWORD=hunter2 psql -h db-2", "local", 0, 10, "connected with hunter2", null)));
        TimelineEntry stored = s.entries(i.id(), 0).get(1);
        EntryBody.StepFinished f = (EntryBody.StepFinished) stored.body();
        assertThat(f.command()).isEqualTo("PGPASSWORD=**** psql -h db-2");
        // The command wrote the value as a secret, so its output loses it too, even printed bare:
        assertThat(f.output()).isEqualTo("connected with ****");
    }

    @Test
    void aStepsStartKeepsTheValuesItRanWithTheSecretOnesMasked() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("db-host", "orders-db-2");
        values.put("password", "hunter2");
        values.put("since", "1h");
        s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.StepStarted(
                "PGPASSWORD='hunter2' psql -h 'orders-db-2' -c \"select now() - interval '1h'\"", "local", null, null, values)));
        s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.StepStarted("df -h", "local")));

        List<TimelineEntry> stored = s.entries(i.id(), 0);

        assertThat(((EntryBody.StepStarted) stored.get(1).body()).values()).containsExactly(
                java.util.Map.entry("db-host", "orders-db-2"), java.util.Map.entry("password", "****"),
                java.util.Map.entry("since", "1h"));
        assertThat(((EntryBody.StepStarted) stored.get(2).body()).values()).as("not recorded").isNull();
        assertThat(IncidentExport.json(s.document(i.id()), ExportOptions.defaults()))
                .contains("\"db-host\" : \"orders-db-2\"").doesNotContain("hunter2");
    }

    @Test
    void everySecretFormIsMaskedInStoredCommandsOutputsAndNotes() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        List<Arguments> forms = SecretFormTables.secretForms().toList();
        for (Arguments form : forms) {
            String text = (String) form.get()[1];
            s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.StepFinished(text, "local", 0, 10,
                    "$ " + text + "\ndone", null)));
            s.append(TimelineEntry.create(i.id(), "alice", new EntryBody.Note("ran: " + text, null)));
        }
        List<TimelineEntry> stored = s.entries(i.id(), 0);
        for (int k = 0; k < forms.size(); k++) {
            Object[] form = forms.get(k).get();
            EntryBody.StepFinished step = (EntryBody.StepFinished) stored.get(1 + 2 * k).body();
            EntryBody.Note note = (EntryBody.Note) stored.get(2 + 2 * k).body();
            assertThat(step.command()).as("%s", form[0]).isEqualTo(form[3]);
            assertThat(step.output()).isEqualTo("$ " + form[3] + "\ndone");
            assertThat(note.text()).isEqualTo("ran: " + form[3]);
        }
    }

    @Test
    void jsonExportImportsIntoAnotherStoreAsTheSameIncidentAndOnlyOnce() throws Exception {
        IncidentStore s = store();
        IncidentDocument original = storedReplicationLag(s);
        Incident i = original.incident();
        String json = IncidentExport.json(original, ExportOptions.defaults());

        IncidentStore other = track(connectOther(StoreOptions.defaults()));
        IncidentDocument read = IncidentExport.fromJson(json);
        assertThat(other.importDocument(read)).isEqualTo(original.entries().size());
        assertThat(other.importDocument(read)).isZero();
        IncidentDocument imported = other.document(i.id());
        assertThat(imported).isEqualTo(original);
        assertThat(other.list(false)).extracting(Incident::id).containsExactly(i.id());
        assertThat(s.importDocument(read)).as("importing into the source store adds nothing").isZero();
    }

    @Test
    void aJsonExportWrittenBeforeOutcomesImportsWithEveryRunExited() throws Exception {
        IncidentDocument original = storedReplicationLag(store());
        String old = IncidentExport.json(original, ExportOptions.defaults())
                .replaceAll(",\\s*\"outcome\" : \"exited\"", "");
        assertThat(old).doesNotContain("outcome");

        IncidentStore other = track(connectOther(StoreOptions.defaults()));
        other.importDocument(IncidentExport.fromJson(old));

        IncidentDocument imported = other.document(original.incident().id());
        assertThat(imported).isEqualTo(original);
        assertThat(imported.entries()).map(TimelineEntry::body).filteredOn(EntryBody.StepFinished.class::isInstance)
                .isNotEmpty().allSatisfy(b -> assertThat(((EntryBody.StepFinished) b).outcome()).isEqualTo(RunOutcome.EXITED));
    }

    @Test
    void markdownAndHtmlExportsCoverTheWholeTimeline() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        appendAll(s, Timelines.replicationLag(i));
        IncidentDocument doc = s.document(i.id());
        String md = IncidentExport.markdown(doc, ExportOptions.defaults());
        String html = IncidentExport.html(doc, ExportOptions.defaults());
        assertThat(md).contains("# " + i.id(), "## Timeline", "00:05:40", "Set max\\_standby\\_streaming\\_delay");
        assertThat(html).contains("<h1>" + i.id(), "00:05:40", "Set max_standby_streaming_delay");
    }

    @Test
    void subscribersReceiveEveryEntryAfterTheirCursorInOrder() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        List<TimelineEntry> seen = new CopyOnWriteArrayList<>();
        try (var sub = s.subscribe(i.id(), 0, seen::add)) {
            appendAll(s, Timelines.replicationLag(i));
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == Timelines.replicationLag(i).size() + 1);
        }
        assertThat(seen).containsExactlyElementsOf(s.entries(i.id(), 0));
    }

    @Test
    void aReopenedStoreStillHasEverything() throws Exception {
        IncidentStore s = store();
        Incident i = openDbIncident(s);
        appendAll(s, Timelines.replicationLag(i));
        IncidentDocument before = s.document(i.id());
        s.close();
        assertThat(store().document(i.id())).isEqualTo(before);
    }
    /**
     * Entries learnt late (an alert noticed minutes after it began, a health change confirmed after a note)
     * are stored with when they happened and when they were recorded, and every reader shows them in the order
     * they happened: the document, the three exports, and a re-import on another store.
     */
    @Test
    void entriesRecordedOutOfOrderKeepBothTimesAndEveryExportIsInEventOrder() throws Exception {
        IncidentStore s = store();
        TimelineEntry created = new IncidentDraft("Orders API down", Severity.P2, "prod", List.of("orders-api"),
                List.of(), null).toEntry("alice", Timelines.clockAt("2026-11-22T01:51:00Z"));
        s.append(created);
        Incident i = s.get(created.incidentId()).orElseThrow();
        java.time.Clock at0152 = Timelines.clockAt("2026-11-22T01:52:00Z");
        java.time.Clock at0154 = Timelines.clockAt("2026-11-22T01:54:32Z");
        java.time.Clock at0156 = Timelines.clockAt("2026-11-22T01:56:30Z");
        TimelineEntry upAgain = TimelineEntry.create(i.id(), "alice", new EntryBody.Note("orders-api is UP again", null),
                null, Timelines.clockAt("2026-11-22T01:56:00Z"));
        TimelineEntry health = TimelineEntry.happened(i.id(), "alice", new EntryBody.HealthChanged("orders-api", "http",
                "down", "up", "HTTP 200"), null, java.time.Instant.parse("2026-11-22T01:55:54Z"), at0156);
        TimelineEntry alert = TimelineEntry.happened(i.id(), "dashboard", new EntryBody.AlertChanged("OrdersApiDown",
                "firing", java.util.Map.of("service", "orders-api"), "orders-api has no healthy pods"), null,
                java.time.Instant.parse("2026-11-22T01:50:55Z"), at0154);
        TimelineEntry note = TimelineEntry.create(i.id(), "alice", new EntryBody.Note("paged by phone", null), null, at0152);
        appendAll(s, List.of(note, alert, upAgain, health));

        List<TimelineEntry> stored = s.entries(i.id(), 0);
        assertThat(stored).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        TimelineEntry storedAlert = stored.stream().filter(e -> e.id().equals(alert.id())).findFirst().orElseThrow();
        assertThat(storedAlert.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-22T01:50:55Z"));
        assertThat(storedAlert.recordedAt()).isEqualTo(java.time.Instant.parse("2026-11-22T01:54:32Z"));
        assertThat(storedAlert.recordedLate()).isTrue();

        IncidentDocument doc = s.document(i.id());
        List<String> inEventOrder = List.of("OrdersApiDown", "Orders API down", "paged by phone", "HTTP 200", "UP again");
        assertThat(doc.inEventOrder()).extracting(TimelineEntry::id)
                .containsExactly(alert.id(), created.id(), note.id(), health.id(), upAgain.id());
        String md = IncidentExport.markdown(doc, ExportOptions.defaults());
        String html = IncidentExport.html(doc, ExportOptions.defaults());
        String json = IncidentExport.json(doc, ExportOptions.defaults());
        assertThat(md.substring(md.indexOf("## Timeline"))).containsSubsequence(inEventOrder)
                .contains("**2026-11-22T01:50:55Z** dashboard · **Alert firing** OrdersApiDown")
                .contains("_(recorded 2026-11-22T01:54:32Z, 3m 37s later)_");
        assertThat(md.substring(md.indexOf("paged by phone"))).doesNotContain("later)");
        assertThat(html.substring(html.indexOf("<h2>Timeline"))).containsSubsequence(inEventOrder)
                .contains("<time>2026-11-22T01:50:55Z</time>", "(recorded 2026-11-22T01:54:32Z, 3m 37s later)");
        assertThat(json.substring(json.indexOf("\"entries\""))).containsSubsequence(inEventOrder)
                .contains("\"time\" : \"2026-11-22T01:50:55Z\"", "\"recordedAt\" : \"2026-11-22T01:54:32Z\"");

        IncidentStore other = track(connectOther(StoreOptions.defaults()));
        other.importDocument(IncidentExport.fromJson(json));
        IncidentDocument imported = other.document(i.id());
        assertThat(imported.entries()).extracting(TimelineEntry::id).containsExactlyElementsOf(
                stored.stream().map(TimelineEntry::id).toList());
        assertThat(imported.inEventOrder()).extracting(TimelineEntry::occurredAt, TimelineEntry::recordedAt)
                .containsExactlyElementsOf(doc.inEventOrder().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.occurredAt(), e.recordedAt())).toList());
        assertThat(imported.incident()).isEqualTo(doc.incident());
    }

    @Test
    void aNulInATitleAnAuthorOrANoteIsStoredMarkedNotRefused() throws Exception {
        // PostgreSQL refuses NUL in text: the incident could not be started, or, started offline, never sent.
        IncidentStore s = store();
        Incident i = s.create(IncidentDraft.of("Checkout\u0000 5xx", Severity.P1), "al\u0000ice");
        s.append(TimelineEntry.create(i.id(), "bob", new EntryBody.Note("hexdump: 00\u000000", null)));

        assertThat(s.get(i.id()).orElseThrow().title()).isEqualTo("Checkout\u2400 5xx");
        assertThat(s.entries(i.id(), 0)).extracting(TimelineEntry::author).containsExactly("al\u2400ice", "bob");
        assertThat(((EntryBody.Note) s.entries(i.id(), 0).get(1).body()).text()).isEqualTo("hexdump: 00\u240000");
    }
}
