package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which firing alerts and failing checks can be an incident's first signal (decision 0027). */
class MilestonesTest {
    private static final int DAYS_3 = -3 * 24 * 3600;

    private static IncidentDocument document(String title, List<String> services, Object... secondsAndBodies) {
        TimelineEntry creation = new IncidentDraft(title, Severity.P1, "prod", services, List.of(), null)
                .toEntry("ana", Timelines.clockAt("2026-11-22T03:02:00Z"));
        Incident opened = Incident.replay(List.of(creation));
        List<TimelineEntry> all = new ArrayList<>(List.of(creation));
        for (int k = 0; k < secondsAndBodies.length; k += 2) {
            all.add(Timelines.at(opened, "console", (Integer) secondsAndBodies[k], (EntryBody) secondsAndBodies[k + 1]));
        }
        return IncidentDocument.of(IntStream.range(0, all.size()).mapToObj(k -> all.get(k).withSeq(k + 1L)).toList());
    }

    private static EntryBody.AlertChanged firing(String name, Map<String, String> labels) {
        return new EntryBody.AlertChanged(name, "firing", labels, "");
    }

    @Test
    void anAlertOfAnotherServiceOrFiringForDaysIsNoFirstSignal() {
        IncidentDocument doc = document("Orders API failing", List.of("orders-api"),
                DAYS_3, firing("OrdersHighLatency", Map.of("service", "orders-api")),
                -600, firing("Watchdog", Map.of("severity", "none")),
                -300, firing("KafkaConsumerLag", Map.of("service", "kafka")),
                -200, new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "refused", true),
                30, new EntryBody.HealthChanged("orders-api", "http", "up", "down", "HTTP 503"));

        Milestones m = Milestones.of(doc);

        assertThat(m.firstSignal()).isNull();
        assertThat(m.impactBegan()).isEqualTo(doc.incident().startedAt());
        assertThat(m.timeToDetect()).isZero();
    }

    @Test
    void theIncidentsOwnAlertWithinTheWindowIsItsFirstSignal() {
        int inWindow = -(int) Milestones.SIGNAL_WINDOW.minusMinutes(1).toSeconds();
        IncidentDocument doc = document("Orders API failing", List.of("orders-api"),
                inWindow - 7200, firing("OrdersHighLatency", Map.of("service", "orders-api")),
                inWindow, firing("OrdersErrors", Map.of("job", "Orders-API")));

        assertThat(Milestones.of(doc).firstSignal()).isEqualTo("alert OrdersErrors firing");
        assertThat(Milestones.of(doc).timeToDetect()).isEqualTo(Milestones.SIGNAL_WINDOW.minusMinutes(1));
    }

    @Test
    void theAlertTheIncidentWasStartedFromAndAlertsOfServicesItsHealthEntriesOwnCount() {
        IncidentDocument fromAlert = document("OrdersDown: orders answer 503", List.of(),
                -120, firing("OrdersDown", Map.of()),
                -300, firing("Watchdog", Map.of()));
        assertThat(Milestones.of(fromAlert).firstSignal()).isEqualTo("alert OrdersDown firing");

        IncidentDocument fromRunbook = document("Consumer lag", List.of(),
                -400, firing("PgBouncerDown", Map.of("service", "pgbouncer")),
                -90, firing("KafkaLag", Map.of("service", "kafka")),
                -60, new EntryBody.HealthChanged("kafka", "http", "up", "degraded", "lag 9000"),
                -30, new EntryBody.HealthChanged("pgbouncer", "tcp", "up", "down", "refused", true));
        assertThat(Milestones.of(fromRunbook).firstSignal()).isEqualTo("alert KafkaLag firing");
        assertThat(Milestones.of(fromRunbook).timeToDetect()).isEqualTo(Duration.ofSeconds(90));
    }
}
