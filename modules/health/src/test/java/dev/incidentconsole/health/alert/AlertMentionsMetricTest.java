package dev.incidentconsole.health.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A metric named by a plain word ({@code up}) counts only where it is queried. */
class AlertMentionsMetricTest {
    @ParameterizedTest
    @ValueSource(strings = {"sum(up) by (job)", "absent(up{job=\"redis\"})", "up", "  up  ", "up{job=\"redis\"} == 0",
            "up[5m]", "up == 0", "up{}"})
    void aQueryOfUpLinks(String text) {
        assertThat(AlertMentions.containsMetric("check the targets:\n" + text + "\nthen", "up")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker compose up {service}", "scale up the pool", "docker compose up -d",
            "bring it up (again)", "set up"})
    void upAsAWordDoesNotLink(String text) {
        assertThat(AlertMentions.containsMetric(text, "up")).isFalse();
    }
}
