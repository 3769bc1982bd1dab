package dev.incidentconsole.health.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One alert reported by an Alertmanager and by the Prometheus that feeds it, read from each one's own JSON. */
class MergedAlertsTest {
    private static List<FiringAlert> alertmanager(String startsAt, String labels) throws IOException {
        return AlertmanagerAlerts.parse("""
                [{"labels": {%s}, "annotations": {"summary": "Redis does not answer"},
                  "startsAt": "%s", "fingerprint": "9c1e", "status": {"state": "active"}}]
                """.formatted(labels, startsAt));
    }

    private static List<FiringAlert> prometheus(String activeAt, String labels) throws IOException {
        return AlertmanagerAlerts.parsePrometheus("""
                {"status": "success", "data": {"alerts": [
                  {"labels": {%s}, "annotations": {"runbook_url": "https://wiki/redis.md#down"}, "state": "firing",
                   "activeAt": "%s", "value": "0"}]}}
                """.formatted(labels, activeAt));
    }

    private static final String REDIS = "\"alertname\": \"RedisDown\", \"severity\": \"critical\", \"service\": \"redis\"";

    private static List<MergedAlerts.Seen> merge(List<FiringAlert> am, List<FiringAlert> prom) {
        Map<String, List<FiringAlert>> bySource = new LinkedHashMap<>();
        bySource.put("Alertmanager", am);
        bySource.put("Prometheus", prom);
        return MergedAlerts.merge(bySource);
    }

    @Test
    void theSameAlertFromBothSourcesIsOneWithBothSourcesAndAlertmanagersStart() throws IOException {
        List<MergedAlerts.Seen> seen = merge(alertmanager("2026-01-01T00:00:00.000Z", REDIS),
                prometheus("2026-01-01T00:00:00.412345678Z", REDIS + ", \"alertstate\": \"firing\""));

        assertThat(seen).hasSize(1);
        MergedAlerts.Seen one = seen.get(0);
        assertThat(one.sources()).containsExactly("Alertmanager", "Prometheus");
        assertThat(one.alert().startsAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(one.alert().fingerprint()).isEqualTo("9c1e");
        assertThat(one.alert().summary()).isEqualTo("Redis does not answer");
        assertThat(one.alert().runbookUrl()).as("completed from Prometheus' report").contains("https://wiki/redis.md#down");
    }

    @Test
    void prometheusPendingStartBeforeAlertmanagersFiringIsTheSameAlert() throws IOException {
        // A rule with "for: 5m": Prometheus says when it turned pending, Alertmanager when it fired.
        List<MergedAlerts.Seen> seen = merge(alertmanager("2026-01-01T00:05:00Z", REDIS),
                prometheus("2026-01-01T00:00:00Z", REDIS));

        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.sources()).containsExactly("Alertmanager", "Prometheus");
            assertThat(s.alert().startsAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        });
    }

    @Test
    void anotherStartOrOtherLabelsAreAnotherAlert() throws IOException {
        assertThat(merge(alertmanager("2026-01-01T00:00:00Z", REDIS), prometheus("2026-01-01T00:30:00Z", REDIS)))
                .as("Prometheus' alert began after Alertmanager's: a later firing").hasSize(2);
        assertThat(merge(alertmanager("2026-01-01T00:00:00Z", REDIS),
                prometheus("2026-01-01T00:00:00Z", REDIS.replace("\"redis\"", "\"redis-replica\""))))
                .extracting(MergedAlerts.Seen::sources)
                .containsExactly(List.of("Alertmanager"), List.of("Prometheus"));
    }

    @Test
    void twoAlertsOfOneSourceStayTwoEvenWhenAlike() throws IOException {
        List<FiringAlert> twice = List.of(alertmanager("2026-01-01T00:00:00Z", REDIS).get(0),
                alertmanager("2026-01-01T00:00:00Z", REDIS).get(0));

        assertThat(merge(twice, List.of())).hasSize(2);
    }
}
