package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Milestones;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.Timelines;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import dev.incidentconsole.incident.testing.TeamDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The postmortem's milestones (first signal, detected, mitigated, resolved and the times between) and the health
 * changes recorded as elsewhere, as the embedded and the PostgreSQL store keep them and the three exports show them.
 */
class MilestonesInStoresTest {
    @RegisterExtension
    static final TeamDatabase PG = new TeamDatabase();

    @TempDir
    Path dir;

    private IncidentStore open(String kind) throws Exception {
        return kind.equals("embedded") ? PG.track(IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults()))
                : PG.track(IncidentStores.postgres(PG.url(), "postgres", null, dir.resolve("journal"), StoreOptions.defaults()));
    }

    /** The orders API went down at 01:42, the incident opened at 01:51; PgBouncer, which it is not about, flapped. */
    private static Incident ordersOutage(IncidentStore s) throws Exception {
        TimelineEntry created = new IncidentDraft("Orders API down", Severity.P1, "prod", List.of("orders-api"),
                List.of(), null).toEntry("alice", Timelines.clockAt("2026-11-22T01:51:00Z"));
        s.append(created);
        Incident i = s.get(created.incidentId()).orElseThrow();
        s.append(entry(i, "01:42:00", "01:51:30", "console",
                new EntryBody.HealthChanged("orders-api", "http", "up", "down", "GET http://orders:8080/health: HTTP 503")));
        s.append(entry(i, "01:40:00", "01:51:30", "console",
                new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "TCP connect pgb:6432: refused").asElsewhere()));
        s.append(entry(i, "01:53:00", "01:53:00", "alice", new EntryBody.Note("looking at the orders pods", null)));
        return i;
    }

    private static TimelineEntry entry(Incident i, String happened, String recorded, String author, EntryBody body) {
        return new TimelineEntry(UUID.randomUUID(), i.id(), 0, Instant.parse("2026-11-22T" + happened + "Z"),
                Instant.parse("2026-11-22T" + recorded + "Z"), author, null, body);
    }

    private static EntryBody status(Status from, Status to) {
        return new EntryBody.StatusChanged(from, to, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void timesToDetectMitigateAndResolveCountFromTheFirstSignalOfTheIncidentsOwnServices(String kind) throws Exception {
        IncidentStore s = open(kind);
        Incident i = ordersOutage(s);
        s.append(entry(i, "02:10:00", "02:10:00", "alice", status(Status.INVESTIGATING, Status.MITIGATED)));
        s.append(entry(i, "02:30:00", "02:30:00", "alice", status(Status.MITIGATED, Status.RESOLVED)));
        IncidentDocument doc = s.document(i.id());

        Milestones m = Milestones.of(doc);
        assertThat(m.firstSignal()).as("pgbouncer is elsewhere, earlier or not").isEqualTo("orders-api down");
        assertThat(m.timeToDetect()).isEqualTo(Duration.ofMinutes(9));
        assertThat(m.timeToMitigate()).isEqualTo(Duration.ofMinutes(28));
        assertThat(m.timeToResolve()).isEqualTo(Duration.ofMinutes(48));
        String md = IncidentExport.markdown(doc, ExportOptions.defaults());
        assertThat(md).contains("| First signal | 2026-11-22T01:42:00Z (orders-api down) |",
                "| Detected | 2026-11-22T01:51:00Z (incident opened; 9m 0s after the first signal) |",
                "| Mitigated | 2026-11-22T02:10:00Z (28m 0s after impact began) |",
                "| Resolved | 2026-11-22T02:30:00Z (48m 0s after impact began) |");
        String html = IncidentExport.html(doc, ExportOptions.defaults());
        assertThat(html).contains("<tr><th>Mitigated</th><td>2026-11-22T02:10:00Z (28m 0s after impact began)</td></tr>",
                "<tr><th>Detected</th><td>2026-11-22T01:51:00Z (incident opened; 9m 0s after the first signal)</td></tr>");
        JsonNode milestones = IncidentJson.mapper().readTree(IncidentExport.json(doc, ExportOptions.defaults())).get("milestones");
        assertThat(milestones.get("firstSignal").asText()).isEqualTo("orders-api down");
        assertThat(milestones.get("impactBegan").asText()).isEqualTo("2026-11-22T01:42:00Z");
        assertThat(milestones.get("timeToDetectSeconds").asLong()).isEqualTo(540);
        assertThat(milestones.get("timeToMitigateSeconds").asLong()).isEqualTo(1680);
        assertThat(milestones.get("timeToResolveSeconds").asLong()).isEqualTo(2880);
        assertThat(milestones.get("mitigationMarked").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void anIncidentResolvedWithoutBeingMarkedMitigatedSaysSoInsteadOfInventingATime(String kind) throws Exception {
        IncidentStore s = open(kind);
        Incident i = ordersOutage(s);
        s.append(entry(i, "02:30:00", "02:30:00", "alice", status(Status.INVESTIGATING, Status.RESOLVED)));
        IncidentDocument doc = s.document(i.id());

        assertThat(doc.incident().mitigatedAt()).isNull();
        assertThat(s.get(i.id()).orElseThrow().mitigatedAt()).as("the stored state agrees with the replay").isNull();
        String md = IncidentExport.markdown(doc, ExportOptions.defaults());
        assertThat(md).contains("| Mitigated | not marked (the status was never set to mitigated; time to mitigate unknown) |")
                .doesNotContain("| Mitigated | 2026");
        assertThat(IncidentExport.html(doc, ExportOptions.defaults()))
                .contains("<tr><th>Mitigated</th><td>not marked (the status was never set to mitigated");
        JsonNode milestones = IncidentJson.mapper().readTree(IncidentExport.json(doc, ExportOptions.defaults())).get("milestones");
        assertThat(milestones.get("mitigated").isNull()).isTrue();
        assertThat(milestones.get("timeToMitigateSeconds").isNull()).isTrue();
        assertThat(milestones.get("mitigationMarked").asBoolean()).isFalse();
        assertThat(milestones.get("timeToResolveSeconds").asLong()).isEqualTo(2880);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void aHealthChangeElsewhereIsKeptAndListedApartFromTheIncidentsOwnTimeline(String kind) throws Exception {
        IncidentStore s = open(kind);
        Incident i = ordersOutage(s);
        IncidentDocument doc = s.document(i.id());

        assertThat(doc.entries()).anySatisfy(e -> assertThat(e.body()).isInstanceOfSatisfying(EntryBody.HealthChanged.class,
                h -> assertThat(h.service().equals("pgbouncer") && h.elsewhere()).isTrue()));
        String md = IncidentExport.markdown(doc, ExportOptions.defaults());
        int timeline = md.indexOf("## Timeline");
        int elsewhere = md.indexOf("## Elsewhere during the incident");
        assertThat(elsewhere).isGreaterThan(timeline);
        assertThat(md.substring(timeline, elsewhere)).contains("orders-api").doesNotContain("pgbouncer");
        assertThat(md.substring(elsewhere)).contains("pgbouncer (tcp): up → down");
        String html = IncidentExport.html(doc, ExportOptions.defaults());
        assertThat(html.indexOf("pgbouncer")).isGreaterThan(html.indexOf("<h2>Elsewhere during the incident</h2>"));
        IncidentDocument imported = IncidentExport.fromJson(IncidentExport.json(doc, ExportOptions.defaults()));
        assertThat(imported.entries()).anySatisfy(e -> assertThat(e.body())
                .isEqualTo(new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "TCP connect pgb:6432: refused", true)));
    }
}
