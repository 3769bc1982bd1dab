package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseTargetTest {

    @ParameterizedTest
    @CsvSource({
            "immediately, PT0S, false, respond immediately",
            "15m, PT15M, false, respond within 15 minutes",
            "1h, PT1H, false, respond within 1 hour",
            "30 minutes, PT30M, false, respond within 30 minutes",
            "PT2H, PT2H, false, respond within 2 hours",
            "next business day, PT0S, true, respond next business day",
    })
    void targetsAreReadFromSettings(String text, String within, boolean businessDay, String described) {
        ResponseTarget t = ResponseTarget.parse(text);
        assertThat(t.within()).isEqualTo(Duration.parse(within));
        assertThat(t.nextBusinessDay()).isEqualTo(businessDay);
        assertThat(t.describe()).isEqualTo(described);
    }

    @Test
    void unreadableTargetsAreRefusedWithTheText() {
        assertThatThrownBy(() -> ResponseTarget.parse("soonish")).hasMessageContaining("'soonish'");
    }

    @Test
    void defaultPolicyMatchesTheUsualOnCallLevels() {
        SeverityPolicy p = SeverityPolicy.defaults();
        assertThat(p.level(Severity.P0).describe()).isEqualTo("critical, respond immediately");
        assertThat(p.level(Severity.P1).describe()).isEqualTo("high, respond within 15 minutes");
        assertThat(p.level(Severity.P2).describe()).isEqualTo("medium, respond within 1 hour");
        assertThat(p.level(Severity.P3).describe()).isEqualTo("low, respond next business day");
        SeverityPolicy custom = p.with(Severity.P1, new SeverityPolicy.Level("major", ResponseTarget.parse("5m")));
        assertThat(custom.level(Severity.P1).target().within()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFridayNightLowSeverityIsDueMondayMorning() {
        Instant fridayNight = Instant.parse("2026-11-20T22:00:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(ResponseTarget.businessDay().dueBy(fridayNight, berlin))
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(ResponseTarget.parse("15m").dueBy(fridayNight, berlin)).isEqualTo(fridayNight.plusSeconds(900));
    }
}
