package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTest {
    private final TimelineEntry creation = IncidentDraft.of("Replication lag on orders-db", Severity.P2)
            .toEntry("alice", Timelines.clockAt("2026-11-22T03:02:00Z"));
    private final Incident opened = Incident.replay(List.of(creation));

    @Test
    void theIdCarriesTheStartDateAndTheCreationEntry() {
        assertThat(opened.id()).matches("INC-20261122-[0-9a-f]{6}").endsWith(creation.id().toString().substring(0, 6));
        assertThat(IncidentIds.looksLikeId(opened.id())).isTrue();
        assertThat(opened.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(opened.startedAt()).isEqualTo(Instant.parse("2026-11-22T03:02:00Z"));
    }

    @Test
    void replayingTheTimelineGivesTimesSeverityRespondersPinsAndPostmortem() {
        List<TimelineEntry> all = new ArrayList<>(List.of(creation));
        List<TimelineEntry> steps = Timelines.replicationLag(opened);
        all.addAll(steps);
        Incident i = Incident.replay(all);
        Instant start = opened.startedAt();
        assertThat(i.acknowledgedAt()).isEqualTo(start.plusSeconds(30));
        assertThat(i.mitigatedAt()).isEqualTo(start.plusSeconds(420));
        assertThat(i.resolvedAt()).isEqualTo(start.plusSeconds(600));
        assertThat(i.status()).isEqualTo(Status.RESOLVED);
        assertThat(i.severity()).isEqualTo(Severity.P1);
        assertThat(i.responders()).containsExactly("alice", "bob");
        assertThat(i.pinned()).containsExactly(steps.get(4).id());
        assertThat(i.postmortem().rootCause()).startsWith("Vacuum ran");
        assertThat(i.postmortem().actionItems()).hasSize(1);
        assertThat(i.entryCount()).isEqualTo(all.size());
        assertThat(i.updatedAt()).isEqualTo(start.plusSeconds(600));
    }

    @Test
    void aBackDatedNoteAcknowledgesWhenItWasRecordedNotWhenItSaysSomethingHappened() {
        Instant start = opened.startedAt();
        TimelineEntry backDated = new TimelineEntry(java.util.UUID.randomUUID(), opened.id(), 0, start.minusSeconds(300),
                start.plusSeconds(480), "bob", null, new EntryBody.Note("02:57 customer reported checkout errors", null));

        Incident i = opened.apply(backDated);

        assertThat(i.acknowledgedAt()).isEqualTo(start.plusSeconds(480));
        TimelineEntry earlier = Timelines.at(opened, "alice", 60, new EntryBody.Note("looking", null));
        assertThat(i.apply(earlier).acknowledgedAt()).as("an earlier response still wins").isEqualTo(start.plusSeconds(60));
    }

    @Test
    void reopeningClearsResolutionAndMitigation() {
        Incident resolved = opened.apply(Timelines.at(opened, "bob", 60,
                new EntryBody.StatusChanged(Status.INVESTIGATING, Status.RESOLVED, null)));
        assertThat(resolved.mitigatedAt()).as("resolving does not say when impact stopped").isNull();
        assertThat(resolved.acknowledgedAt()).as("acting on it implies acknowledged").isNotNull();
        Incident reopened = resolved.apply(Timelines.at(opened, "bob", 120,
                new EntryBody.StatusChanged(Status.RESOLVED, Status.INVESTIGATING, "errors are back")));
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.mitigatedAt()).isNull();
        assertThat(reopened.acknowledgedAt()).isEqualTo(resolved.acknowledgedAt());
    }

    @Test
    void unpinningRemovesThePinAndAutomaticEntriesDoNotMakeResponders() {
        TimelineEntry alert = Timelines.at(opened, "dashboard", 5,
                new EntryBody.HealthChanged("orders-db", "tcp", "up", "down", "connection refused"));
        Incident i = opened.apply(alert)
                .apply(Timelines.at(opened, "alice", 6, new EntryBody.Pin(alert.id(), true)))
                .apply(Timelines.at(opened, "alice", 7, new EntryBody.Pin(alert.id(), false)));
        assertThat(i.pinned()).isEmpty();
        assertThat(i.responders()).containsExactly("alice");
    }

    @Test
    void aTimelineMustStartWithItsCreation() {
        TimelineEntry note = Timelines.at(opened, "alice", 5, new EntryBody.Note("x", null));
        assertThatThrownBy(() -> Incident.replay(List.of(note))).hasMessageContaining("creation");
        assertThatThrownBy(() -> opened.apply(creation.withSeq(2))).hasMessageContaining("already has a creation");
    }
}
