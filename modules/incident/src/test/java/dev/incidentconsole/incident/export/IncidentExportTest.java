package dev.incidentconsole.incident.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.Timelines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentExportTest {
    private static final ExportOptions OPTIONS = ExportOptions.defaults()
            .withClock(Timelines.clockAt("2026-11-22T05:00:00Z"));

    private static IncidentDocument worked(String title, EntryBody... extra) {
        TimelineEntry creation = new IncidentDraft(title, Severity.P2, "prod", List.of("orders-db"), null, null)
                .toEntry("alice", Timelines.clockAt("2026-11-22T03:02:00Z"));
        Incident opened = Incident.replay(List.of(creation));
        List<TimelineEntry> all = new ArrayList<>(List.of(creation));
        all.addAll(Timelines.replicationLag(opened));
        for (EntryBody b : extra) {
            all.add(Timelines.at(opened, "alice", 700 + all.size(), b));
        }
        List<TimelineEntry> numbered = IntStream.range(0, all.size()).mapToObj(k -> all.get(k).withSeq(k + 1L)).toList();
        return IncidentDocument.of(numbered);
    }

    /** A worked incident that uses every kind of entry. */
    static IncidentDocument sample() {
        return worked("Every kind", new EntryBody.DetailsChanged("Every kind of entry", "staging"),
                new EntryBody.StepStarted("sleep 600", "local"),
                new EntryBody.RunbookLinked(new dev.incidentconsole.incident.RunbookLink("runbooks/a.md", List.of("A"))),
                new EntryBody.ServiceLinked("api"));
    }

    @Test
    void markdownIsAPostmortemWithUtcTimesStepsAndFollowUps() {
        String md = IncidentExport.markdown(worked("Replication lag on orders-db"), OPTIONS);
        assertThat(md).startsWith("# INC-20261122-")
                .contains("| Severity | P1 (high, respond within 15 minutes) |")
                .contains("| Acknowledged | 2026-11-22T03:02:30Z (after 30s; target: respond within 15 minutes) |")
                .contains("| Duration | 10m 0s |")
                .contains("## Summary\n\nA long vacuum on db-2 stalled replay.")
                .contains("## Timeline\n\nAll times are UTC.")
                .contains("- **2026-11-22T03:03:30Z** alice · **Ran** ``psql -c 'select now() - pg_last_xact_replay_timestamp()'``"
                        .replace("``", "`"))
                .contains("on ssh:db-2: exit 0 after 1.3 s")
                .contains("_from runbooks/postgres.md:42 (Replication lag › Diagnosis)_")
                .contains("~~**Note** Lag started after the 02:50 deploy~~ _(corrected below)_")
                .contains("**Correction** of the note at 2026-11-22T03:03:00Z: Lag started after the 02:40 deploy")
                .contains("## Key moments (pinned)")
                .contains("## Root cause\n\nVacuum ran without a replay-conflict guard.")
                .contains("- [ ] Set max\\_standby\\_streaming\\_delay — bob (due 2026-12-01)");
        assertThat(md).as("a started step with a recorded finish is shown once").doesNotContain("**Started**");
    }

    @Test
    void theHeaderGivesEachServicesOutageFromItsHealthEntriesAlsoWhenItBeganBeforeTheIncident() {
        TimelineEntry creation = IncidentDraft.of("PgBouncer refuses connections", Severity.P2)
                .toEntry("ana", Timelines.clockAt("2026-11-22T03:02:00Z"));
        Incident opened = Incident.replay(List.of(creation));
        List<TimelineEntry> all = List.of(creation,
                Timelines.at(opened, "ana", -43, new EntryBody.HealthChanged("pgbouncer", "postgres", "up", "down", "refused")),
                Timelines.at(opened, "ana", 81, new EntryBody.HealthChanged("pgbouncer", "postgres", "down", "up", "ok")),
                Timelines.at(opened, "ana", 20, new EntryBody.HealthChanged("cache", "redis", "up", "degraded", "slow")),
                Timelines.at(opened, "ana", 112, new EntryBody.StatusChanged(
                        dev.incidentconsole.incident.Status.INVESTIGATING, dev.incidentconsole.incident.Status.RESOLVED, null)));
        IncidentDocument doc = IncidentDocument.of(IntStream.range(0, all.size())
                .mapToObj(k -> all.get(k).withSeq(k + 1L)).toList());

        String md = IncidentExport.markdown(doc, OPTIONS);
        assertThat(md).contains("| Duration | 1m 52s |")
                .contains("| Health of pgbouncer | down at 2026-11-22T03:01:17Z (43s before the incident was opened); "
                        + "up at 2026-11-22T03:03:21Z, after 2m 4s |")
                .contains("| Health of cache | degraded at 2026-11-22T03:02:20Z (20s after the incident was opened); "
                        + "not up again when exported |");
        assertThat(IncidentExport.html(doc, OPTIONS)).contains("Health of pgbouncer")
                .contains("(43s before the incident was opened); up at 2026-11-22T03:03:21Z, after 2m 4s");
    }

    @Test
    void theHeaderGivesOnlyTheIncidentsOwnServicesOutagesAndTheyAgreeWithTheFirstSignal() {
        // PgBouncer went down first, elsewhere; linked later, its standing change was told again as the incident's own.
        TimelineEntry creation = new IncidentDraft("Orders API failing", Severity.P1, "prod", List.of("orders-api"),
                List.of(), null).toEntry("ana", Timelines.clockAt("2026-11-22T03:02:00Z"));
        Incident opened = Incident.replay(List.of(creation));
        List<TimelineEntry> all = List.of(creation,
                Timelines.at(opened, "ana", -300, new EntryBody.HealthChanged("cache", "redis", "up", "down", "refused", true)),
                Timelines.at(opened, "ana", -120, new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "refused", true)),
                Timelines.at(opened, "ana", -120, new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "refused")),
                Timelines.at(opened, "ana", -60, new EntryBody.HealthChanged("orders-api", "http", "up", "down", "HTTP 503")));
        IncidentDocument doc = IncidentDocument.of(IntStream.range(0, all.size())
                .mapToObj(k -> all.get(k).withSeq(k + 1L)).toList());

        String md = IncidentExport.markdown(doc, OPTIONS);
        assertThat(md).contains("| First signal | 2026-11-22T03:00:00Z (pgbouncer down) |")
                .contains("| Health of pgbouncer | down at 2026-11-22T03:00:00Z (2m 0s before the incident was opened);")
                .contains("| Health of orders-api | down at 2026-11-22T03:01:00Z (1m 0s before the incident was opened);")
                .doesNotContain("| Health of cache");
    }

    @Test
    void acknowledgedIsTheFirstResponseOfAPersonWhateverItIsNotTheFirstStatusChange() throws Exception {
        // Taken straight from investigating to resolved after 9m 22s, though both engineers wrote within seconds.
        TimelineEntry creation = IncidentDraft.of("Checkout 5xx", Severity.P1)
                .toEntry("alice", Timelines.clockAt("2026-11-22T03:02:00Z"));
        Incident opened = Incident.replay(List.of(creation));
        List<TimelineEntry> all = List.of(creation,
                Timelines.at(opened, "health", 3, new EntryBody.HealthChanged("checkout", "http", "up", "down", "503")),
                Timelines.at(opened, "bob", 12, new EntryBody.Note("5xx from every pod since 03:01", null)),
                Timelines.at(opened, "alice", 8, new EntryBody.Note("paged, looking at the deploy", null)),
                Timelines.at(opened, "alice", 562, new EntryBody.StatusChanged(
                        dev.incidentconsole.incident.Status.INVESTIGATING, dev.incidentconsole.incident.Status.RESOLVED,
                        "rolled back")));
        IncidentDocument doc = IncidentDocument.of(IntStream.range(0, all.size())
                .mapToObj(k -> all.get(k).withSeq(k + 1L)).toList());

        assertThat(doc.incident().acknowledgedAt()).as("the earliest note, not the health check before it")
                .isEqualTo(java.time.Instant.parse("2026-11-22T03:02:08Z"));
        assertThat(IncidentExport.markdown(doc, OPTIONS))
                .contains("| Acknowledged | 2026-11-22T03:02:08Z (after 8s; target: respond within 15 minutes) |");
        assertThat(IncidentExport.html(doc, OPTIONS)).contains("2026-11-22T03:02:08Z (after 8s;");
        JsonNode json = IncidentJson.mapper().readTree(IncidentExport.json(doc, OPTIONS));
        assertThat(json.findValue("acknowledgedAt").asText()).isEqualTo("2026-11-22T03:02:08Z");
    }

    @Test
    void anAlertsResolutionSaysWhichSourcesSawItAndHowItsTimeWasFound() throws Exception {
        IncidentDocument doc = worked("Redis down", new EntryBody.AlertChanged("RedisDown", "resolved",
                java.util.Map.of("service", "redis"), "Redis does not answer", List.of("alertmanager", "prometheus"),
                "last seen firing; prometheus gives no end time and stopped listing it at 2026-11-22T03:20:00Z"));

        String md = IncidentExport.markdown(doc, OPTIONS);
        String html = IncidentExport.html(doc, OPTIONS);
        String json = IncidentExport.json(doc, OPTIONS);

        String said = "from alertmanager and prometheus (last seen firing; prometheus gives no end time and stopped"
                + " listing it at 2026-11-22T03:20:00Z)";
        assertThat(md).contains(said);
        assertThat(html).contains(said);
        assertThat(json).contains("\"sources\" : [ \"alertmanager\", \"prometheus\" ]").contains("\"timing\" : \"last seen firing;");
        assertThat(IncidentExport.fromJson(json)).isEqualTo(doc);
    }

    @Test
    void aCancelledRunReadsAsCancelledByItsAuthorInEveryExportNotAsItsSignalsExitCode() throws Exception {
        IncidentDocument doc = worked("Tailing the log", EntryBody.StepFinished.ran("tail -f /var/log/app.log", "local",
                143, 4_900, "line 1\n", null, RunOutcome.CANCELLED));

        String md = IncidentExport.markdown(doc, OPTIONS);
        String html = IncidentExport.html(doc, OPTIONS);
        String json = IncidentExport.json(doc, OPTIONS);

        assertThat(md).contains("on local: cancelled by alice after 4.9 s").doesNotContain("exit 143");
        assertThat(html).contains("on local: cancelled by alice after 4.9 s").doesNotContain("exit 143");
        assertThat(json).contains("\"outcome\" : \"cancelled\"").contains("\"author\" : \"alice\"");
        assertThat(IncidentExport.fromJson(json)).isEqualTo(doc);
    }

    @Test
    void aTimedOutRunSaysSoAndARunThatExitedKeepsItsExitCode() {
        IncidentDocument doc = worked("Slow query", EntryBody.StepFinished.ran("psql -c 'select pg_sleep(60)'", "ssh:db-2",
                null, 30_000, "", null, RunOutcome.TIMED_OUT));
        assertThat(IncidentExport.markdown(doc, OPTIONS)).contains("on ssh:db-2: timed out after 30.0 s")
                .contains("on ssh:db-2: exit 0 after 1.3 s");
    }

    @Test
    void aJsonExportWrittenBeforeOutcomesReadsEveryRunAsExited() throws Exception {
        IncidentDocument doc = worked("Replication lag on orders-db");
        String json = IncidentExport.json(doc, OPTIONS);
        String old = json.replaceAll(",\\s*\"outcome\" : \"exited\"", "");
        assertThat(old).isNotEqualTo(json).doesNotContain("outcome");

        IncidentDocument read = IncidentExport.fromJson(old);

        assertThat(read).isEqualTo(doc);
        assertThat(read.entries()).map(TimelineEntry::body).filteredOn(EntryBody.StepFinished.class::isInstance)
                .isNotEmpty().allSatisfy(b -> assertThat(((EntryBody.StepFinished) b).outcome()).isEqualTo(RunOutcome.EXITED));
    }

    @Test
    void longOutputIsExcerptedByTheTimelinesRuleAndCountsTheLinesOfTheRun() {
        String output = IntStream.rangeClosed(1, 10_000).mapToObj(k -> k == 17 ? "ERROR: row 17" : "row " + k)
                .collect(Collectors.joining("\n"));
        String stored = OutputTrim.excerpt(output, 10, 30);
        IncidentDocument doc = worked("Long run", new EntryBody.StepFinished("seq 10000", "", 0, 5, stored, null));

        for (String export : List.of(IncidentExport.markdown(doc, OPTIONS), IncidentExport.html(doc, OPTIONS))) {
            assertThat(export).contains("ERROR: row 17").contains("… 9953 lines omitted …").contains("row 10000")
                    .doesNotContain("row 9970");
        }
        ExportOptions short_ = OPTIONS.withLines(1, 2);
        assertThat(IncidentExport.markdown(doc, short_)).contains("… 16 lines omitted …\n  ERROR: row 17\n"
                + "  … 9981 lines omitted …\n  row 9999\n  row 10000");
    }

    @Test
    void markdownFencesSurviveBackticksInOutput() {
        IncidentDocument doc = worked("Build broke", new EntryBody.StepFinished("echo `date`", "", 1, 5,
                "```\nnot a fence\n```", null));
        String md = IncidentExport.markdown(doc, OPTIONS);
        assertThat(md).contains("`` echo `date` ``").contains("  ````text\n  ```\n  not a fence\n  ```\n  ````");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
            "Tom & Jerry's \"db\"|Tom &amp; Jerry&#39;s &quot;db&quot;",
    })
    void htmlIsOneSelfContainedPageWithAllTextEscaped(String title, String escaped) {
        String html = IncidentExport.html(worked(title), OPTIONS);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains(escaped)
                .doesNotContain(title)
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("url(")
                .contains("<pre>")
                .contains("<code>psql -c &#39;select now() - pg_last_xact_replay_timestamp()&#39;</code>");
    }

    @Test
    void htmlKeepsTheWhitespaceOfOutputAndNotesAndStillMasksThem() {
        String psql = " count \n-------\n     6\n(1 row)\n";
        IncidentDocument doc = worked("Too many connections",
                new EntryBody.StepFinished("psql -tc 'select count(*) from pg_stat_activity'", "", 0, 40,
                        psql + "password=hunter2\n", null),
                new EntryBody.Note("Counts by state:\n  active   4\n  idle     2\n\n    then: token=abc123def", null));

        String html = IncidentExport.html(doc, OPTIONS);

        assertThat(html).as("psql's right-aligned count").contains("<pre> count \n-------\n     6\n(1 row)\npassword=");
        assertThat(html).as("a note's indented lines and blank line").containsPattern(
                "<span class=\"text\">Counts by state:\n  active   4\n  idle     2\n\n    then: token=[^<]*</span>");
        assertThat(html).contains(".text{white-space:pre-wrap}");
        assertThat(html).doesNotContain("hunter2").doesNotContain("abc123def");
    }

    @Test
    void readableExportsNameRunbooksRelativeToTheWorkspaceAndJsonKeepsThePathsAsRecorded() throws Exception {
        String team = "/tmp/team-runbooks";
        IncidentDocument worked = worked("Too many connections",
                new EntryBody.RunbookLinked(new dev.incidentconsole.incident.RunbookLink(team + "/db/postgres.md",
                        List.of("Too many connections"))),
                new EntryBody.RunbookLinked(new dev.incidentconsole.incident.RunbookLink("/home/alice/scratch/notes.md",
                        List.of())),
                new EntryBody.StepFinished("psql -c 'show max_connections'", "", 0, 30, " max_connections\n 100\n", null));
        List<TimelineEntry> entries = worked.entries().stream().map(e -> e.body() instanceof EntryBody.StepFinished f
                && f.command().contains("max_connections") ? e.withSource(new dev.incidentconsole.incident.StepRef(
                team + "/db/postgres.md", List.of("Too many connections", "Diagnosis"), 12)) : e).toList();
        IncidentDocument doc = IncidentDocument.of(entries);
        ExportOptions options = OPTIONS.withWorkspace(java.nio.file.Path.of(team));

        String md = IncidentExport.markdown(doc, options);
        String html = IncidentExport.html(doc, options);
        String json = IncidentExport.json(doc, options);

        for (String export : List.of(md, html)) {
            assertThat(export).doesNotContain(team).doesNotContain("/home/alice");
        }
        assertThat(md).contains("db/postgres.md › Too many connections").contains("notes.md")
                .contains("_from db/postgres.md:12 (Too many connections › Diagnosis)_");
        assertThat(html).contains("db/postgres.md › Too many connections")
                .contains("from db/postgres.md:12 (Too many connections › Diagnosis)");
        // The JSON is read back (incident import, scripts): it keeps the paths as recorded, so its links still open.
        IncidentDocument back = IncidentExport.fromJson(json);
        assertThat(back.incident().runbooks()).extracting(dev.incidentconsole.incident.RunbookLink::file)
                .contains(team + "/db/postgres.md", "/home/alice/scratch/notes.md");
        assertThat(back.entries()).filteredOn(e -> e.source() != null).extracting(e -> e.source().file())
                .contains(team + "/db/postgres.md");
        assertThat(doc.entries()).as("the timeline keeps the full path").filteredOn(e -> e.source() != null)
                .extracting(e -> e.source().file()).contains(team + "/db/postgres.md");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tmp/team-runbooks/db/postgres.md|db/postgres.md",
            "/tmp/team-runbooks/../elsewhere/x.md|x.md",
            "/srv/other/redis.md|redis.md",
            "runbooks/postgres.md|runbooks/postgres.md",
    })
    void aRunbookFileIsNamedInsideTheWorkspaceOrByItsFileName(String stored, String exported) {
        assertThat(OPTIONS.withWorkspace(java.nio.file.Path.of("/tmp/team-runbooks")).runbookFile(stored)).isEqualTo(exported);
        assertThat(OPTIONS.runbookFile("/tmp/team-runbooks/db/postgres.md")).as("no workspace known").isEqualTo("postgres.md");
    }

    @Test
    void jsonCarriesTheSchemaVersionAndReadsBackToTheSameDocument() throws Exception {
        IncidentDocument doc = worked("Replication lag on orders-db");
        String json = IncidentExport.json(doc, OPTIONS);
        JsonNode root = IncidentJson.mapper().readTree(json);
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(IncidentJson.SCHEMA_VERSION);
        assertThat(root.get("exportedAt").asText()).isEqualTo("2026-11-22T05:00:00Z");
        assertThat(root.at("/entries/0/body/kind").asText()).isEqualTo("created");
        assertThat(root.at("/incident/status").asText()).isEqualTo("resolved");
        assertThat(IncidentExport.fromJson(json)).isEqualTo(doc);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all|not JSON",
            "[1, 2]|not a JSON object",
            "{\"entries\": []}|'schemaVersion' is missing",
            "{\"schemaVersion\": 99, \"entries\": []}|schemaVersion 99, newer",
            "{\"schemaVersion\": 1, \"entries\": []}|'entries' is missing or empty",
            "{\"schemaVersion\": 1, \"entries\": [{\"id\": \"nope\"}]}|entries[0] is not a valid entry",
    })
    void unreadableImportsNameWhatIsWrong(String json, String message) {
        assertThatThrownBy(() -> IncidentExport.fromJson(json)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
