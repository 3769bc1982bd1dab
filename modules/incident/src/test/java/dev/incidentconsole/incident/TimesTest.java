package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.testing.DefaultZone;
import java.time.Instant;
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
}
