package dev.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One append-only entry of an incident's timeline. Entries are never changed once recorded: a note is
 * corrected by a later {@link EntryBody.Note} naming it, a pin is itself an entry.
 *
 * <p>Two times: {@code occurredAt} is when it happened (an alert's start, a health change's first failing
 * check, a command's start, the moment a person wrote a note) and orders the timeline
 * ({@link TimelineOrder#EVENT}); {@code recordedAt} is when this console recorded it. They differ when a
 * fact is learnt late, e.g. an alert noticed minutes after it began; {@link #recordedLate()} says when the
 * gap is worth telling a reader.
 *
 * @param id         unique id; the store's primary key, so appending the same entry twice records it once
 * @param incidentId the incident it belongs to
 * @param seq        position in the order the store recorded the incident's entries, 1-based, assigned by
 *                   the store; 0 before recording
 * @param occurredAt when it happened (UTC instant, microsecond precision); JSON field {@code time}
 * @param recordedAt when it was recorded; null (e.g. an entry written before this field existed) means
 *                   {@code occurredAt}
 * @param author     who recorded it ("alice", or "dashboard" for automatic entries)
 * @param source     the runbook step it came from; null when none
 * @param body       what it says
 */
public record TimelineEntry(UUID id, String incidentId, long seq, @JsonProperty("time") Instant occurredAt,
                            Instant recordedAt, String author, StepRef source, EntryBody body) {
    /**
     * An entry recorded more than this after it happened says so in the view and the exports. A minute
     * leaves out the usual detection delay (a DOWN confirmed by its retries, a command's own duration) and
     * catches what a reader would otherwise take at face value: an alert noticed minutes after it began, a
     * health change confirmed on a slow check interval.
     */
    public static final Duration LATE_AFTER = Duration.ofMinutes(1);

    public TimelineEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(body, "body");
        if (incidentId.isBlank()) {
            throw new IllegalArgumentException("A timeline entry needs an incident id.");
        }
        recordedAt = recordedAt == null ? occurredAt : recordedAt;
        author = author == null || author.isBlank() ? "unknown" : author;
    }

    /** A new entry with a random id, happening and recorded now. */
    public static TimelineEntry create(String incidentId, String author, EntryBody body) {
        return create(incidentId, author, body, null, Clock.systemUTC());
    }

    /** A new entry with a random id, happening and recorded at {@code clock}'s now, from the step {@code source}. */
    public static TimelineEntry create(String incidentId, String author, EntryBody body, StepRef source, Clock clock) {
        Instant now = micros(clock.instant());
        return new TimelineEntry(UUID.randomUUID(), incidentId, 0, now, now, author, source, body);
    }

    /**
     * A new entry with a random id, recorded at {@code clock}'s now, about something that happened at
     * {@code occurredAt} (null: now).
     */
    public static TimelineEntry happened(String incidentId, String author, EntryBody body, StepRef source,
                                         Instant occurredAt, Clock clock) {
        Instant now = micros(clock.instant());
        return new TimelineEntry(UUID.randomUUID(), incidentId, 0, occurredAt == null ? now : micros(occurredAt), now,
                author, source, body);
    }

    /** The JSON {@code kind} of the body, e.g. "note" or "step_finished". */
    public String kind() {
        return Kinds.of(body);
    }

    /** How long after it happened it was recorded; zero when recorded first (clocks of two machines may disagree). */
    @JsonIgnore
    public Duration recordingDelay() {
        Duration d = Duration.between(occurredAt, recordedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether it was recorded more than {@link #LATE_AFTER} after it happened. */
    @JsonIgnore
    public boolean recordedLate() {
        return recordingDelay().compareTo(LATE_AFTER) > 0;
    }

    public TimelineEntry withSeq(long newSeq) {
        return new TimelineEntry(id, incidentId, newSeq, occurredAt, recordedAt, author, source, body);
    }

    public TimelineEntry withBody(EntryBody newBody) {
        return new TimelineEntry(id, incidentId, seq, occurredAt, recordedAt, author, source, newBody);
    }

    public TimelineEntry withSource(StepRef newSource) {
        return new TimelineEntry(id, incidentId, seq, occurredAt, recordedAt, author, newSource, body);
    }

    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
