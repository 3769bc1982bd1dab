package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.incident.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertSeverityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "critical, P0", "Critical, P0", "page, P0",
            "high, P1", "error, P1",
            "warning, P2", "warn, P2",
            "info, P3", "none, P3",
            "P1, P1", "sev3, P3", "S0, P0", "sev-2, P2",
            "'', P2", "whatever, P2", "P7, P2",
    })
    void theDefaultsMapCommonLabels(String label, Severity expected) {
        assertThat(AlertSeverity.of(Map.of()).suggest(label)).isEqualTo(expected);
    }

    @Test
    void settingsOverrideAndAddLabelsAndABadLevelNamesTheLabel() {
        AlertSeverity team = AlertSeverity.of(Map.of("critical", "P1", "Sev-Blocker", "p0"));
        assertThat(team.suggest("critical")).isEqualTo(Severity.P1);
        assertThat(team.suggest("sev-blocker")).isEqualTo(Severity.P0);
        assertThat(team.suggest("warning")).isEqualTo(Severity.P2);
        assertThatThrownBy(() -> AlertSeverity.of(Map.of("critical", "urgent")))
                .hasMessage("settings.json alertSeverities.critical: 'urgent' is not a severity; write P0, P1, P2 or P3.");
    }
}
