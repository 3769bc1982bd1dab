package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Colleague's report: the timeline showed a bare local {@code 22:47:00} while the exports say UTC. */
class TimelineTimesTest {
    /** Berlin is UTC+1 in December: 23:30 UTC there is already 00:30 the next day. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final TimelineTimes times = new TimelineTimes(Clock.fixed(Instant.parse("2026-12-06T23:40:00Z"), BERLIN));

    private static TimelineEntry at(String instant) {
        return TimelineEntry.happened("INC-1", "alice", new EntryBody.Note("n", null), null, Instant.parse(instant),
                Clock.systemUTC());
    }

    @Test
    void anEntryOfTodayShowsItsUtcTimeNamedUtcWhateverTheLocalZone() {
        TimelineEntry entry = at("2026-12-06T22:47:00Z");

        assertThat(times.label(entry.occurredAt(), List.of(entry))).isEqualTo("22:47:00 UTC");
        assertThat(times.local(entry.occurredAt())).isEqualTo("2026-12-06 23:47:00 CET");
    }

    @Test
    void anEntryOfAnEarlierUtcDayShowsItsDate() {
        TimelineEntry entry = at("2026-12-05T22:47:00Z");

        assertThat(times.label(entry.occurredAt(), List.of(entry))).isEqualTo("2026-12-05 22:47:00 UTC");
    }

    @Test
    void everyEntryOfAnIncidentSpanningUtcMidnightShowsItsDate() {
        TimelineEntry before = at("2026-12-05T23:58:00Z");
        TimelineEntry after = at("2026-12-06T00:03:00Z");
        List<TimelineEntry> timeline = List.of(before, after);

        assertThat(times.label(after.occurredAt(), timeline)).isEqualTo("2026-12-06 00:03:00 UTC");
        assertThat(times.label(before.occurredAt(), timeline)).isEqualTo("2026-12-05 23:58:00 UTC");
    }

    @Test
    void aLocalMidnightThatIsNotAUtcOneKeepsTheTimeAlone() {
        // 22:59 and 23:10 UTC: the same UTC day, though Berlin passed midnight in between
        TimelineEntry before = at("2026-12-06T22:59:00Z");
        TimelineEntry after = at("2026-12-06T23:10:00Z");

        assertThat(times.label(after.occurredAt(), List.of(before, after))).isEqualTo("23:10:00 UTC");
    }

    /** Reviewer: each cell drawn rescanned every entry for "spans days"; the labels are worked out once per change. */
    @Test
    void theLabelsOfATimelineAreWorkedOutOnceWhenItsEntriesAreGiven() {
        TimelineEntry today = at("2026-12-06T22:47:00Z");
        List<TimelineEntry> timeline = new java.util.ArrayList<>(List.of(today));
        var labels = times.labels(timeline);

        timeline.add(at("2026-12-05T22:00:00Z")); // the view asks for new labels on a change

        assertThat(labels.apply(today.occurredAt())).isEqualTo("22:47:00 UTC");
        assertThat(times.labels(timeline).apply(today.occurredAt())).isEqualTo("2026-12-06 22:47:00 UTC");
    }
}
