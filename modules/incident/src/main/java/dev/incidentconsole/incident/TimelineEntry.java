package dev.incidentconsole.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One append-only entry of an incident's timeline. Entries are never changed once recorded: a note is
 * corrected by a later {@link EntryBody.Note} naming it, a pin is itself an entry.
 *
 * @param id         unique id; the store's primary key, so appending the same entry twice records it once
 * @param incidentId the incident it belongs to
 * @param seq        position in the incident's timeline, 1-based, assigned by the store; 0 before recording
 * @param time       when it happened (UTC instant, microsecond precision)
 * @param author     who recorded it ("alice", or "dashboard" for automatic entries)
 * @param source     the runbook step it came from; null when none
 * @param body       what it says
 */
public record TimelineEntry(UUID id, String incidentId, long seq, Instant time, String author, StepRef source,
                            EntryBody body) {
    public TimelineEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(body, "body");
        if (incidentId.isBlank()) {
            throw new IllegalArgumentException("A timeline entry needs an incident id.");
        }
        author = author == null || author.isBlank() ? "unknown" : author;
    }

    /** A new entry with a random id, stamped now. */
    public static TimelineEntry create(String incidentId, String author, EntryBody body) {
        return create(incidentId, author, body, null, Clock.systemUTC());
    }

    /** A new entry with a random id, stamped by {@code clock}, coming from the runbook step {@code source}. */
    public static TimelineEntry create(String incidentId, String author, EntryBody body, StepRef source, Clock clock) {
        return new TimelineEntry(UUID.randomUUID(), incidentId, 0, clock.instant().truncatedTo(ChronoUnit.MICROS),
                author, source, body);
    }

    /** The JSON {@code kind} of the body, e.g. "note" or "step_finished". */
    public String kind() {
        return Kinds.of(body);
    }

    public TimelineEntry withSeq(long newSeq) {
        return new TimelineEntry(id, incidentId, newSeq, time, author, source, body);
    }

    public TimelineEntry withBody(EntryBody newBody) {
        return new TimelineEntry(id, incidentId, seq, time, author, source, newBody);
    }

    public TimelineEntry withSource(StepRef newSource) {
        return new TimelineEntry(id, incidentId, seq, time, author, newSource, body);
    }
}
