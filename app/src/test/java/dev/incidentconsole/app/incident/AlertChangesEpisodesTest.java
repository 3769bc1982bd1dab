package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.alert.AlertmanagerAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Episodes of one alert over Alertmanager's and Prometheus' real answers, the answer times standing for the clock:
 * an alert that fires again, and listings the console missed (a laptop asleep).
 */
class AlertChangesEpisodesTest {
    private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");

    private final AlertChanges changes = new AlertChanges();
    private final List<String> log = new ArrayList<>();

    /** Alertmanager's {@code /api/v2/alerts} with RedisDown firing from {@code start} until {@code endsAt}. */
    private static String alertmanager(Instant start, Instant endsAt) {
        return """
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "annotations": {},
                  "startsAt": "%s", "endsAt": "%s", "updatedAt": "%s", "fingerprint": "a1",
                  "status": {"state": "active", "silencedBy": [], "inhibitedBy": []}, "receivers": [{"name": "x"}]}]
                """.formatted(start, endsAt, start);
    }

    /** Prometheus' {@code /api/v1/alerts} with RedisDown firing, active (pending) from {@code activeAt}. */
    private static String prometheus(Instant activeAt) {
        return """
                {"status": "success", "data": {"alerts": [{"labels": {"alertname": "RedisDown", "service": "redis"},
                  "annotations": {}, "state": "firing", "activeAt": "%s", "value": "1e+00"}]}}
                """.formatted(activeAt);
    }

    private List<AlertChanges.Change> am(Instant at, String body) throws Exception {
        AlertmanagerAlerts.Answer a = AlertmanagerAlerts.read(body, at);
        return note(changes.answer("alertmanager", at, a.firing(), a.resolved(), a.suppressed()));
    }

    private List<AlertChanges.Change> prom(Instant at, String body) throws Exception {
        String data = body.isEmpty() ? "{\"status\": \"success\", \"data\": {\"alerts\": []}}" : body;
        return note(changes.answer("prometheus", at, AlertmanagerAlerts.parsePrometheus(data), List.of(), List.of()));
    }

    /** Keeps what a timeline would get: each firing once (the recorder skips ids it wrote), each resolution. */
    private List<AlertChanges.Change> note(List<AlertChanges.Change> cs) {
        for (AlertChanges.Change c : cs) {
            String line = (c.firing() ? "fired " : "resolved ") + c.alert().startsAt();
            if (!c.firing() || !log.contains(line)) {
                log.add(line);
            }
        }
        return cs;
    }

    @Test
    void anAlertFiringAgainWithANewStartResolvesTheFirstFiringAndFiresAgain() throws Exception {
        Instant first = T.minusSeconds(300);
        Instant again = T.plusSeconds(60);
        // Prometheus answers first: the episode is first seen with its pending start, a `for: 1m` before the firing.
        prom(T, prometheus(first.minusSeconds(60)));
        am(T.plusSeconds(1), alertmanager(first, T.plusSeconds(240)));
        // It resolved and fired again between two checks of each source: Prometheus sees the new one first.
        prom(T.plusSeconds(120), prometheus(again.minusSeconds(60)));
        am(T.plusSeconds(121), alertmanager(again, T.plusSeconds(360)));
        prom(T.plusSeconds(130), prometheus(again.minusSeconds(60)));
        am(T.plusSeconds(131), alertmanager(again, T.plusSeconds(370)));

        assertThat(log).containsExactlyInAnyOrder("fired " + first.minusSeconds(60),
                "resolved " + first.minusSeconds(60), "fired " + again.minusSeconds(60));
    }

    @Test
    void anAlertResolvedThenFiringAgainIsThreeEntries() throws Exception {
        Instant again = T.plusSeconds(600);
        am(T, alertmanager(T.minusSeconds(300), T.plusSeconds(240)));
        am(T.plusSeconds(15), alertmanager(T.minusSeconds(300), T.plusSeconds(240)));
        am(T.plusSeconds(300), "[]");
        am(T.plusSeconds(615), alertmanager(again, T.plusSeconds(840)));

        assertThat(log).containsExactly("fired " + T.minusSeconds(300), "resolved " + T.minusSeconds(300),
                "fired " + again);
    }

    @Test
    void afterTheLaptopSleptAnHourTheEndLastListedDoesNotDateTheResolution() throws Exception {
        Instant start = T.minusSeconds(600);
        Instant endsAt = T.plusSeconds(240); // Prometheus renews it every minute, 4 minutes ahead
        am(T, alertmanager(start, endsAt));
        am(T.plusSeconds(15), alertmanager(start, endsAt)); // the same end twice: it looks as if no one renews it
        Instant woke = T.plus(Duration.ofHours(1)); // the laptop slept: no check ran, renewals went unseen

        AlertChanges.Change resolution = am(woke, "[]").stream().filter(c -> !c.firing()).findFirst().orElseThrow();

        assertThat(resolution.happened()).as("first seen gone, not the end last listed").isEqualTo(woke);
        assertThat(resolution.timing()).startsWith("first seen gone; alertmanager last gave the end time "
                + endsAt + ", which a renewal it did not see may have moved");
    }

    @Test
    void checksCloseTogetherStillDateTheResolutionAtTheEndListed() throws Exception {
        Instant start = T.minusSeconds(600);
        Instant endsAt = T.plusSeconds(30);
        am(T, alertmanager(start, endsAt));
        am(T.plusSeconds(15), alertmanager(start, endsAt));

        AlertChanges.Change resolution = am(T.plusSeconds(45), "[]").stream().filter(c -> !c.firing()).findFirst()
                .orElseThrow();

        assertThat(resolution.happened()).isEqualTo(endsAt);
    }

    /** Prometheus saw the first firing first, Alertmanager the second: two Alertmanager starts are two episodes. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRefiringFirstSeenInPrometheusReachesTheTimelineAndTheFirstResolvesWhenReplaced(boolean prometheusEmptyFirst)
            throws Exception {
        Instant first = T.minusSeconds(300);
        Instant again = T.plusSeconds(60);
        prom(T, prometheus(first.minusSeconds(60)));
        am(T.plusSeconds(1), alertmanager(first, T.plusSeconds(241)));
        List<AlertChanges.Change> replaced = am(T.plusSeconds(120), alertmanager(again, T.plusSeconds(360)));
        prom(T.plusSeconds(121), prometheus(again.minusSeconds(60)));
        for (int s = 180; s < 600; s += 60) {
            prom(T.plusSeconds(s), prometheus(again.minusSeconds(60)));
            am(T.plusSeconds(s + 1), alertmanager(again, T.plusSeconds(s + 241)));
        }
        if (prometheusEmptyFirst) {
            prom(T.plusSeconds(600), "");
            am(T.plusSeconds(601), "[]");
        } else {
            am(T.plusSeconds(600), "[]");
            prom(T.plusSeconds(601), "");
        }

        assertThat(log).containsExactlyInAnyOrder("fired " + first.minusSeconds(60),
                "resolved " + first.minusSeconds(60), "fired " + again, "resolved " + again);
        assertThat(replaced.stream().filter(c -> !c.firing()).findFirst().orElseThrow().happened())
                .as("the first firing ended by the time Alertmanager listed the second")
                .isBeforeOrEqualTo(T.plusSeconds(120));
    }

    /** An hour asleep between two listings is many renewals, not one: the next sleep still counts as a gap. */
    @Test
    void aRenewalIsNotLearnedAcrossASleep() throws Exception {
        Instant start = T.minusSeconds(600);
        am(T, alertmanager(start, T.plusSeconds(240)));
        Instant woke = T.plus(Duration.ofHours(1));
        am(woke, alertmanager(start, woke.plusSeconds(240)));
        am(woke.plusSeconds(15), alertmanager(start, woke.plusSeconds(240)));
        Instant wokeAgain = woke.plus(Duration.ofMinutes(30)); // Prometheus renewed it till about 03:20 meanwhile

        AlertChanges.Change resolution = am(wokeAgain, "[]").stream().filter(c -> !c.firing()).findFirst()
                .orElseThrow();

        assertThat(resolution.happened()).as("first seen gone, not the end last listed").isEqualTo(wokeAgain);
    }
}
