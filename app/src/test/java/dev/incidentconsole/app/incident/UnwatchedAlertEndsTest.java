package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console (re)started while an incident's timeline says an alert fires: what its first answers make of it, against
 * an embedded store. The alert sources' answers are given directly, as the recorder passes them on.
 */
class UnwatchedAlertEndsTest {
    private static final Instant AT = Instant.parse("2026-01-01T01:00:00Z");
    private static final Map<String, String> LABELS = Map.of("alertname", "RedisDown", "service", "redis");

    @TempDir
    Path dir;

    private IncidentStore store;
    private final AlertChanges alerts = new AlertChanges();
    private final UnwatchedAlertEnds unwatched = new UnwatchedAlertEnds();
    private final Set<UUID> written = new HashSet<>();

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident incident(String environment) throws Exception {
        return store.create(new IncidentDraft("Cache down", Severity.P2, environment, List.of("redis"), List.of(), null),
                "alice");
    }

    /** What the console that saw it fire wrote. */
    private void fired(Incident i, FiringAlert alert, String... sources) throws Exception {
        store.append(AlertEntries.firing(i.id(), alert, List.of(sources), "alice", AT.minusSeconds(600)));
    }

    private static FiringAlert alertmanager(Instant start) {
        return new FiringAlert("RedisDown", "", LABELS, "", start, "a1", Map.of(), "", "active");
    }

    private static FiringAlert prometheus(Instant start) {
        Map<String, String> labels = new java.util.HashMap<>(LABELS);
        labels.put("alertstate", "firing");
        return new FiringAlert("RedisDown", "", labels, "", start, "", Map.of(), "", "firing");
    }

    private List<TimelineEntry> answer(Incident i, String source, List<FiringAlert> firing, List<FiringAlert> silenced) {
        alerts.answer(source, AT, firing, List.of(), silenced);
        return unwatched.due(List.of(i), () -> store, "prod", alerts, written, source, AT, "bob", AT);
    }

    @Test
    void anAlertSilencedWhenTheConsoleStartsIsNotResolved() throws Exception {
        Incident i = incident("prod");
        fired(i, alertmanager(AT.minusSeconds(3600)), "alertmanager");
        unwatched.sources(List.of("alertmanager"));

        assertThat(answer(i, "alertmanager", List.of(), List.of(alertmanager(AT.minusSeconds(3600))))).isEmpty();
        assertThat(unwatched.behind(List.of(i))).as("settled: still firing, only silenced").isFalse();
    }

    @Test
    void anAlertWhoseFiringCameFromPrometheusIsNotResolvedWhileAlertmanagerListsItWithItsLaterStart() throws Exception {
        Instant pending = AT.minusSeconds(3600);
        Incident i = incident("prod");
        fired(i, prometheus(pending), "prometheus");

        // After the restart Alertmanager answers first; its start is after the rule's for: (5 minutes).
        assertThat(answer(i, "alertmanager", List.of(alertmanager(pending.plusSeconds(300))), List.of())).isEmpty();
        assertThat(answer(i, "prometheus", List.of(prometheus(pending)), List.of())).isEmpty();
        assertThat(answer(i, "alertmanager", List.of(alertmanager(pending.plusSeconds(300))), List.of())).isEmpty();
    }

    @Test
    void anAlertWhoseStartHadNanosecondsIsResolvedOnceItsSourceNoLongerListsIt() throws Exception {
        FiringAlert alert = prometheus(Instant.parse("2026-01-01T00:00:00.123456789Z"));
        Incident i = incident("prod");
        fired(i, alert, "prometheus");

        List<TimelineEntry> due = answer(i, "prometheus", List.of(), List.of());

        assertThat(due).hasSize(1);
        assertThat(due.get(0).id()).isEqualTo(AlertEntries.id(i.id(), alert, false));
        assertThat(((EntryBody.AlertChanged) due.get(0).body()).state()).isEqualTo("resolved");
    }

    @Test
    void aFiringEntryWrittenBeforeTheExactStartWasKeptStillReads() throws Exception {
        String json = """
                {"kind": "alert", "alert": "RedisDown", "state": "firing", "labels": {"alertname": "RedisDown"},
                 "summary": null, "sources": ["alertmanager"], "timing": null}""";

        EntryBody.AlertChanged body = (EntryBody.AlertChanged) IncidentJson.mapper().readValue(json, EntryBody.class);

        assertThat(body.startsAt()).isNull();
        assertThat(body.sources()).containsExactly("alertmanager");
    }

    @Test
    void anAlertOfAnIncidentInAnotherEnvironmentIsLeftAlone() throws Exception {
        Incident staging = incident("staging");
        fired(staging, alertmanager(AT.minusSeconds(3600)), "alertmanager");

        assertThat(answer(staging, "alertmanager", List.of(), List.of())).isEmpty();
    }

    @Test
    void anAlertNoneOfWhoseSourcesThisDashboardWatchesIsLeftAlone() throws Exception {
        Incident i = incident("prod");
        fired(i, alertmanager(AT.minusSeconds(3600)), "alertmanager-eu");
        unwatched.sources(List.of("alertmanager"));

        assertThat(answer(i, "alertmanager", List.of(), List.of())).isEmpty();
    }

    @Test
    void anAlertIsResolvedOnceAWatchedSourceThatWasUnreachableAnswersLate() throws Exception {
        Incident i = incident("prod");
        fired(i, alertmanager(AT.minusSeconds(3600)), "alertmanager");
        unwatched.sources(List.of("alertmanager", "prometheus"));
        for (int k = 0; k < UnwatchedAlertEnds.TRIES + 5; k++) {
            assertThat(answer(i, "alertmanager", List.of(), List.of())).as("Prometheus may still fire it").isEmpty();
        }

        assertThat(answer(i, "prometheus", List.of(), List.of())).hasSize(1);
    }

    @Test
    void aResolutionThisConsoleAlreadyWroteIsNotWrittenAgainWithTheUnwatchedTiming() throws Exception {
        FiringAlert alert = alertmanager(AT.minusSeconds(3600));
        Incident i = incident("prod");
        fired(i, alert, "alertmanager");
        written.add(AlertEntries.id(i.id(), alert, false));

        assertThat(answer(i, "alertmanager", List.of(), List.of())).isEmpty();
    }

    @Test
    void nothingIsResolvedWhileTheDashboardDoesNotKnowItsAlertSourcesYet() throws Exception {
        Incident i = incident("prod");
        fired(i, alertmanager(AT.minusSeconds(3600)), "alertmanager");
        unwatched.sources(List.of()); // the rows are still loading; Prometheus may fire it too
        for (int k = 0; k < UnwatchedAlertEnds.TRIES + 5; k++) {
            assertThat(answer(i, "alertmanager", List.of(), List.of())).isEmpty();
        }
        assertThat(unwatched.behind(List.of(i))).as("not given up").isTrue();

        unwatched.sources(List.of("alertmanager"));
        assertThat(answer(i, "alertmanager", List.of(), List.of())).hasSize(1);
    }

    @Test
    void anAlertThatEndedUnwatchedIsResolvedOnceEverySourceAnsweredWithoutIt() throws Exception {
        FiringAlert alert = alertmanager(AT.minusSeconds(3600));
        Incident i = incident("prod");
        fired(i, alert, "alertmanager");
        unwatched.sources(List.of("alertmanager", "prometheus"));

        assertThat(answer(i, "alertmanager", List.of(), List.of())).isEmpty();
        List<TimelineEntry> due = answer(i, "prometheus", List.of(), List.of());

        assertThat(due).extracting(TimelineEntry::id).containsExactly(AlertEntries.id(i.id(), alert, false));
        assertThat(((EntryBody.AlertChanged) due.get(0).body()).timing())
                .isEqualTo("first seen gone; prometheus no longer listed it when this console began watching");
    }
}
