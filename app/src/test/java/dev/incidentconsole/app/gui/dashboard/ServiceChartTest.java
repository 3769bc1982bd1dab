package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the service chart draws, without a screen: status segments, marks at event time, merged clusters, ticks. */
class ServiceChartTest {
    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
    private static final ServiceSpec API = ServiceSpec.of("orders-api", "10.0.0.7", 8080, new TcpSpec("10.0.0.7", 8080));
    private static final Incident INCIDENT = Incident.replay(List.of(new IncidentDraft("Orders API down", Severity.P1,
            "prod", List.of("orders-api", "web"), List.of(), null).toEntry("alice", Clock.fixed(T0, ZoneOffset.UTC))));

    @Test
    void consecutiveChecksOfOneStatusAreOneSegmentUpToTheRightEdge() {
        ServiceStatus status = status(Status.UP, Status.UP, Status.DOWN, Status.DOWN, Status.DOWN, Status.DEGRADED, Status.UP);
        ServiceChart chart = ServiceChart.of(status, List.of(), T0.plusSeconds(70));

        assertThat(chart.from()).isEqualTo(T0);
        assertThat(chart.to()).isEqualTo(T0.plusSeconds(70));
        assertThat(chart.tick()).isEqualTo(Duration.ofSeconds(10));
        assertThat(chart.segments()).containsExactly(
                new ServiceChart.Segment(T0, T0.plusSeconds(20), Status.UP),
                new ServiceChart.Segment(T0.plusSeconds(20), T0.plusSeconds(50), Status.DOWN),
                new ServiceChart.Segment(T0.plusSeconds(50), T0.plusSeconds(60), Status.DEGRADED),
                new ServiceChart.Segment(T0.plusSeconds(60), T0.plusSeconds(70), Status.UP));
        assertThat(chart.answered()).hasSize(4);
        assertThat(chart.lines()).as("no line across the outage").extracting(List::size).containsExactly(2, 2);
        assertThat(chart.failed()).extracting(ServiceChart.Point::at)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(40));
    }

    @Test
    void aStepIsOneMarkAtItsStartTellingHowItEndedWithItsPasswordMasked() {
        TimelineEntry started = entry(T0.plusSeconds(25), new EntryBody.StepStarted(
                "PGPASSWORD=hunter22 psql -h 10.0.0.7 -c 'select 1'", "local"));
        TimelineEntry finished = entry(T0.plusSeconds(29), new EntryBody.StepFinished(
                "PGPASSWORD=hunter22 psql -h 10.0.0.7 -c 'select 1'", "local", 0, 4000, "1", started.id()));
        TimelineEntry note = entry(T0.plusSeconds(55), new EntryBody.Note("orders-api answers again after the restart", null));
        TimelineEntry elsewhere = entry(T0.plusSeconds(40), new EntryBody.Note("web is fine", null));

        List<ServiceChart.Mark> marks = ServiceChart.marks(API, INCIDENT, List.of(note, finished, elsewhere, started), "prod");

        assertThat(marks).extracting(ServiceChart.Mark::at).containsExactly(T0.plusSeconds(25), T0.plusSeconds(55));
        ServiceChart.Mark step = marks.get(0);
        assertThat(step.kind()).isEqualTo("step");
        assertThat(step.text()).isEqualTo("ran `PGPASSWORD=**** psql -h 10.0.0.7 -c 'select 1'` on local: exit 0 after 4.0 s");
        assertThat(step.describe()).doesNotContain("hunter22").contains("step  alice");
        assertThat(marks.get(1).kind()).isEqualTo("note");
        assertThat(marks.get(1).style()).isEqualTo("mark-note");
    }

    @Test
    void aStepStillRunningIsMarkedAsStarted() {
        TimelineEntry started = entry(T0.plusSeconds(25), new EntryBody.StepStarted("systemctl restart orders-api", "local"));

        List<ServiceChart.Mark> marks = ServiceChart.marks(API, INCIDENT, List.of(started), "prod");

        assertThat(marks).singleElement().extracting(ServiceChart.Mark::text)
                .isEqualTo("started `systemctl restart orders-api` on local");
    }

    @Test
    void withoutAnIncidentOrInAnotherEnvironmentNothingIsMarked() {
        TimelineEntry note = entry(T0.plusSeconds(5), new EntryBody.Note("orders-api is slow", null));
        assertThat(ServiceChart.marks(API, null, List.of(note), "prod")).isEmpty();
        assertThat(ServiceChart.marks(API, INCIDENT, List.of(note), "staging")).isEmpty();
    }

    @Test
    void entriesBeforeTheFirstCheckKeptAreCountedNotDrawn() {
        TimelineEntry early = entry(T0.minusSeconds(600), new EntryBody.Note("orders-api paged", null));
        TimelineEntry onChart = entry(T0.plusSeconds(10), new EntryBody.Note("orders-api restarted", null));
        ServiceStatus status = status(Status.DOWN, Status.DOWN, Status.UP);

        ServiceChart chart = ServiceChart.of(status, ServiceChart.marks(API, INCIDENT, List.of(early, onChart), "prod"),
                T0.plusSeconds(30));

        assertThat(chart.marks()).extracting(ServiceChart.Mark::at).containsExactly(T0.plusSeconds(10));
        assertThat(chart.outside()).isEqualTo(1);
    }

    @Test
    void marksCloserThanAFewPixelsMergeIntoOneWithTheirCount() {
        // 105 s (7 ticks of 15 s) over 1050 px: 10 px a second. 10.0 s and 10.5 s touch; 12 s does not; 90 s is far.
        List<TimelineEntry> entries = List.of(
                entry(T0.plusMillis(10_000), new EntryBody.Note("orders-api: restarting", null)),
                entry(T0.plusMillis(10_500), new EntryBody.StepStarted("systemctl restart orders-api", "local")),
                entry(T0.plusMillis(12_000), new EntryBody.Note("orders-api: restarted", null)),
                entry(T0.plusMillis(90_000), new EntryBody.StatusChanged(
                        dev.incidentconsole.incident.Status.INVESTIGATING, dev.incidentconsole.incident.Status.MITIGATED, null)));
        ServiceChart chart = ServiceChart.of(status(Status.UP), ServiceChart.marks(API, INCIDENT, entries, "prod"),
                T0.plusSeconds(100));
        assertThat(chart.to()).isEqualTo(T0.plusSeconds(105));

        List<ServiceChart.Cluster> clusters = chart.clusters(1050);

        assertThat(clusters).extracting(c -> c.marks().size()).containsExactly(2, 1, 1);
        assertThat(clusters).extracting(ServiceChart.Cluster::x).satisfiesExactly(
                x -> assertThat(x).isCloseTo(100, within(1e-6)), x -> assertThat(x).isCloseTo(120, within(1e-6)),
                x -> assertThat(x).isCloseTo(900, within(1e-6)));
        String first = clusters.get(0).describe();
        assertThat(first).startsWith("2 entries\n\n").contains("note: orders-api: restarting")
                .contains("started `systemctl restart orders-api` on local");
        assertThat(clusters.get(2).describe()).contains("status  alice").contains("status investigating -> mitigated");
        // A narrower plot merges more.
        assertThat(chart.clusters(100)).extracting(c -> c.marks().size()).containsExactly(3, 1);
    }

    @Test
    void theEdgesFallOnWholeTicksSoTheLabelsAreRoundTimes() {
        ServiceStatus status = status(Status.UP, Status.UP, Status.UP);
        ServiceChart chart = ServiceChart.of(status, List.of(), T0.plusSeconds(33).plusMillis(400));
        // Checks at 3 s, 13 s, 23 s after T0 (shifted by 3 s), now 36.4 s: 5 s ticks.
        ServiceChart shifted = ServiceChart.of(shifted(status, 3), List.of(), T0.plusSeconds(36).plusMillis(400));

        assertThat(chart.tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(chart.to()).isEqualTo(T0.plusSeconds(35));
        assertThat(shifted.from()).isEqualTo(T0);
        assertThat(shifted.to()).isEqualTo(T0.plusSeconds(40));
        assertThat(shifted.segments()).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(T0.plusSeconds(3));
            assertThat(s.to()).isEqualTo(T0.plusSeconds(36).plusMillis(400));
        });
    }

    @ParameterizedTest(name = "{0} s span: a label every {1} s")
    @CsvSource({"30, 5", "100, 15", "1500, 300", "3600, 600", "7200, 1800", "86400, 21600"})
    void timeLabelsComeAtRoundStepsAndAreFew(long span, long tick) {
        assertThat(ServiceChart.tick(Duration.ofSeconds(span))).isEqualTo(Duration.ofSeconds(tick));
    }

    /** House review: the axis and marks read local time while the timeline reads UTC; on a machine far from UTC. */
    @Test
    void theTimeAxisAndMarksReadUtcLikeTheTimeline() {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
        try {
            assertThat(ServiceChart.clock(ServiceChart.seconds(T0.plusSeconds(75)))).isEqualTo("03:01:15 UTC");
            assertThat(new ServiceChart.Mark(T0, "note", "rolled back", "alice", "mark-note").describe())
                    .startsWith("03:00:00 UTC  note  alice");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    /** Checks ten seconds apart from {@link #T0}, 40 ms each when answered. */
    private static ServiceStatus status(Status... statuses) {
        List<ProbeResult> history = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            history.add(ProbeResult.of(statuses[i], statuses[i].answering() ? "ok" : "connection refused",
                    Duration.ofMillis(40), T0.plusSeconds(10L * i)));
        }
        ProbeResult last = history.get(history.size() - 1);
        return new ServiceStatus(API, last.status(), last.reason(), T0, last, 0, history, HistoryStats.of(history));
    }

    private static ServiceStatus shifted(ServiceStatus s, long seconds) {
        List<ProbeResult> history = s.history().stream().map(p -> ProbeResult.of(p.status(), p.reason(), p.latency(),
                p.checkedAt().plusSeconds(seconds))).toList();
        return new ServiceStatus(s.spec(), s.status(), s.reason(), s.since(), history.get(history.size() - 1), 0, history,
                HistoryStats.of(history));
    }

    private static TimelineEntry entry(Instant at, EntryBody body) {
        return new TimelineEntry(UUID.randomUUID(), INCIDENT.id(), 0, at, at, "alice", null, body);
    }
}
