package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.testing.DefaultZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every instant is written in UTC, whatever zone the machine is in (here: 13 hours ahead, across a date line). */
class TimesTest {
    private static final Instant AT = Instant.parse("2026-12-05T22:47:00.734Z");
    @RegisterExtension
    final DefaultZone zone = DefaultZone.of("Pacific/Auckland");

    @Test
    void theRecordFormIsIsoUtcToTheSecond() {
        assertThat(Times.instant(AT)).isEqualTo("2026-12-05T22:47:00Z");
        assertThat(Times.instant(null)).isEmpty();
    }

    @Test
    void theScreenFormsAreUtcAndSaySo() {
        assertThat(Times.clock(AT)).isEqualTo("22:47:00 UTC");
        assertThat(Times.dated(AT)).isEqualTo("2026-12-05 22:47:00 UTC");
        assertThat(Times.day(AT)).as("the UTC day, already the 6th in Auckland").isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void localTimeIsWrittenOnlyWhereItIsNamed() {
        assertThat(Times.local(AT, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-12-05 23:47:00 CET");
    }

    @Test
    void aSpanIsWrittenAlikeInEveryView() {
        assertThat(Times.span(Duration.ofSeconds(217))).isEqualTo("3m 37s");
        assertThat(Times.span(Duration.ofMinutes(72))).isEqualTo("1h 12m");
        assertThat(Times.span(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void aNoteRecordedAfterMidnightAboutTheDayBeforeIsDated() {
        TimelineEntry late = TimelineEntry.happened("INC-1", "alice", new EntryBody.Note("paged", null), null,
                Instant.parse("2026-12-05T23:50:00Z"), Clock.fixed(Instant.parse("2026-12-06T00:20:00Z"), ZoneOffset.UTC));
        assertThat(Times.lateNote(late, Times.onScreenBeside(late.occurredAt())))
                .isEqualTo("recorded 2026-12-06 00:20:00 UTC, 30m 0s later");
        assertThat(Times.lateNote(late, Times::instant)).isEqualTo("recorded 2026-12-06T00:20:00Z, 30m 0s later");
        TimelineEntry sameDay = TimelineEntry.happened("INC-1", "alice", new EntryBody.Note("paged", null), null,
                Instant.parse("2026-12-05T22:00:00Z"), Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(Times.lateNote(sameDay, Times.onScreenBeside(sameDay.occurredAt())))
                .isEqualTo("recorded 22:47:00 UTC, 47m 0s later");
        TimelineEntry onTime = TimelineEntry.happened("INC-1", "alice", new EntryBody.Note("paged", null), null,
                AT, Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(Times.lateNote(onTime, Times::instant)).isEmpty();
    }
}
