package dev.incidentconsole.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds realistic timelines for tests: a fixed clock, one step per second. */
public final class Timelines {
    private Timelines() {
    }

    public static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    public static TimelineEntry at(Incident i, String author, int secondsAfterStart, EntryBody body) {
        return TimelineEntry.create(i.id(), author, body, null,
                Clock.fixed(i.startedAt().plusSeconds(secondsAfterStart), ZoneOffset.UTC));
    }

    /** A database incident worked through from page to resolution, with a step, a pin and a correction. */
    public static List<TimelineEntry> replicationLag(Incident i) {
        List<TimelineEntry> out = new ArrayList<>();
        out.add(at(i, "dashboard", 5, new EntryBody.AlertChanged("PostgresReplicationLag", "firing",
                Map.of("severity", "page", "instance", "db-2"), "Replica db-2 is 340 s behind")));
        out.add(at(i, "alice", 30, new EntryBody.Acknowledged()));
        TimelineEntry note = at(i, "alice", 60, new EntryBody.Note("Lag started after the 02:50 deploy", null));
        out.add(note);
        TimelineEntry started = at(i, "alice", 90, new EntryBody.StepStarted("psql -c 'select now() - pg_last_xact_replay_timestamp()'", "ssh:db-2"))
                .withSource(new StepRef("runbooks/postgres.md", List.of("Replication lag", "Diagnosis"), 42));
        out.add(started);
        TimelineEntry finished = at(i, "alice", 92, new EntryBody.StepFinished(started.body() instanceof EntryBody.StepStarted s ? s.command() : "",
                "ssh:db-2", 0, 1_250, " ?column?\n----------\n 00:05:40\n(1 row)\n", started.id()))
                .withSource(started.source());
        out.add(finished);
        out.add(at(i, "alice", 100, new EntryBody.Pin(finished.id(), true)));
        out.add(at(i, "alice", 120, new EntryBody.Note("Lag started after the 02:40 deploy, not 02:50", note.id())));
        out.add(at(i, "bob", 150, new EntryBody.ResponderJoined("bob", "DBA")));
        out.add(at(i, "alice", 200, new EntryBody.StatusChanged(Status.INVESTIGATING, Status.IDENTIFIED, "long vacuum on replica")));
        out.add(at(i, "bob", 300, new EntryBody.SeverityChanged(Severity.P2, Severity.P1, "checkout reads stale data")));
        out.add(at(i, "dashboard", 400, new EntryBody.HealthChanged("orders-db", "replication", "degraded", "healthy", "lag 2 s")));
        out.add(at(i, "bob", 420, new EntryBody.StatusChanged(Status.IDENTIFIED, Status.MITIGATED, null)));
        out.add(at(i, "alice", 500, new EntryBody.PostmortemEdited("A long vacuum on db-2 stalled replay.",
                "Checkout showed stale stock for 7 minutes.", "Vacuum ran without a replay-conflict guard.",
                List.of(new ActionItem("Set max_standby_streaming_delay", "bob", java.time.LocalDate.of(2026, 12, 1), false)))));
        out.add(at(i, "bob", 600, new EntryBody.StatusChanged(Status.MITIGATED, Status.RESOLVED, "lag back to zero")));
        return out;
    }
}
