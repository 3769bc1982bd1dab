package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Alerts the recorder writes into incidents, from Alertmanager and Prometheus answers under the real scheduler. */
class HealthRecorderAlertsTest extends HealthRecorderFixture {
    @Test
    void alertsAreRecordedOnceWhenTheyFireAndWhenTheyResolve() throws Exception {
        AtomicReference<String> alerts = new AtomicReference<>("""
                [{"labels": {"alertname": "RedisDown", "severity": "critical", "service": "redis"},
                  "annotations": {"summary": "Redis does not answer"}, "startsAt": "2026-01-01T00:00:00Z",
                  "fingerprint": "a1"},
                 {"labels": {"alertname": "WebSlow", "service": "web"}, "fingerprint": "b2"}]
                """);
        AtomicInteger answers = new AtomicInteger();
        HttpServer am = serve(answering(alerts, answers));
        Incident cache = incident("Cache down", "prod", "redis");
        Incident web = incident("Web slow", "prod", "web");
        Incident staging = incident("Staging", "staging", "redis");
        HealthRecorder alice = recorder("alice", "prod");
        HealthRecorder bob = recorder("bob", "prod"); // a second console on the same store
        scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 1 && alertEntries(web).size() == 1);
        alerts.set("[{\"labels\": {\"alertname\": \"WebSlow\", \"service\": \"web\"}, \"fingerprint\": \"b2\"}]");
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 2);
        int seen = answers.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.get() >= seen + 4); // more answers add nothing
        alice.awaitIdle();
        bob.awaitIdle();

        assertThat(alertEntries(cache)).containsExactly("RedisDown firing", "RedisDown resolved");
        TimelineEntry firing = store.entries(cache.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.AlertChanged).findFirst().orElseThrow();
        assertThat(firing.occurredAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(firing.recordedLate()).isTrue();
        assertThat(alertEntries(web)).containsExactly("WebSlow firing");
        assertThat(alertEntries(staging)).isEmpty();
    }

    @Test
    void withNoIncidentOpenAndNoAlertChangingTheStoreIsNotListedAtEveryAnswer() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        HttpServer am = serve(answering(new AtomicReference<>("[]"), answers));
        AtomicInteger storeCalls = new AtomicInteger();
        HealthRecorder r = new HealthRecorder(() -> {
            storeCalls.incrementAndGet();
            return store;
        }, "alice", receipts::add);
        r.environment("prod");
        recorders.add(r);
        scheduler.subscribe(r);
        scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.get() >= 2);
        r.awaitIdle();
        int before = storeCalls.get();

        int seen = answers.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.get() >= seen + 5);
        r.awaitIdle();

        assertThat(storeCalls.get()).as("once listed, nothing open and nothing changing").isEqualTo(before);
    }

    @Test
    void aResolutionHappenedAtThePastEndsAtTheSourceGives() throws Exception {
        String firing = """
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00Z", "endsAt": "%s"}]
                """.formatted(java.time.Instant.now().plus(Duration.ofMinutes(5)));
        AtomicReference<String> alerts = new AtomicReference<>(firing);
        HttpServer am = serve(answering(alerts, new AtomicInteger()));
        Incident cache = incident("Cache down", "prod", "redis");
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 1);

        alerts.set(firing.replaceFirst("\"endsAt\": \"[^\"]+\"", "\"endsAt\": \"2026-01-01T00:07:30Z\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 2);
        recorder.awaitIdle();

        TimelineEntry resolved = alertEntry(cache, "resolved");
        assertThat(resolved.occurredAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:07:30Z"));
        assertThat(((EntryBody.AlertChanged) resolved.body()).timing()).as("the source's own time")
                .isEqualTo("at the end time alertmanager gave");
        assertThat(((EntryBody.AlertChanged) resolved.body()).sources()).containsExactly("alertmanager");
    }

    @Test
    void withoutAnEndTimeAResolutionHappenedWhenTheConsoleFirstSawItGoneAndSaysSo() throws Exception {
        AtomicReference<String> alerts = new AtomicReference<>("""
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00Z"}]
                """);
        List<java.time.Instant> servedFiring = new CopyOnWriteArrayList<>();
        List<java.time.Instant> servedGone = new CopyOnWriteArrayList<>();
        HttpServer am = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        am.createContext("/", ex -> {
            String body = alerts.get();
            (body.equals("[]") ? servedGone : servedFiring).add(java.time.Instant.now());
            reply(ex, 200, body);
        });
        am.start();
        Incident cache = incident("Cache down", "prod", "redis");
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 1 && servedFiring.size() >= 3);

        alerts.set("[]");
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 2);
        recorder.awaitIdle();

        TimelineEntry resolved = alertEntry(cache, "resolved");
        java.time.Instant lastFiring = servedFiring.get(servedFiring.size() - 1);
        java.time.Instant firstGone = servedGone.get(0);
        // The check that first got an answer without it started after the last answer listing it was served.
        assertThat(resolved.occurredAt()).isAfter(lastFiring).isBeforeOrEqualTo(firstGone);
        assertThat(((EntryBody.AlertChanged) resolved.body()).timing())
                .startsWith("first seen gone; alertmanager gives no end time; last listed firing at ");
    }

    @Test
    void anAlertThatEndedWhileNoConsoleWatchedIsResolvedWhenTheNextOneStarts() throws Exception {
        String stillFiring = """
                {"labels": {"alertname": "CacheEvicting", "service": "redis"}, "fingerprint": "b2",
                  "startsAt": "2026-01-01T00:01:00Z"}""";
        AtomicReference<String> alerts = new AtomicReference<>("""
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00Z"}, %s]""".formatted(stillFiring));
        HttpServer am = serve(answering(alerts, new AtomicInteger()));
        ServiceSpec source = ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK);
        Incident cache = incident("Cache down", "prod", "redis");
        HealthRecorder first = recorder("alice", "prod");
        scheduler.watch(source);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 2);
        first.awaitIdle();
        scheduler.close(); // the console is closed; RedisDown ends meanwhile
        first.close();
        alerts.set("[" + stillFiring + "]");

        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
        HealthRecorder second = recorder("bob", "prod");
        AtomicInteger answers = new AtomicInteger();
        scheduler.subscribe(new dev.incidentconsole.health.schedule.HealthListener() {
            @Override
            public void statusChanged(dev.incidentconsole.health.schedule.StatusChange change) {
            }

            @Override
            public void checked(dev.incidentconsole.health.schedule.ServiceStatus status) {
                answers.incrementAndGet();
            }
        });
        scheduler.watch(source);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 3 && answers.get() >= 4);
        second.awaitIdle();

        assertThat(alertEntries(cache)).containsExactlyInAnyOrder("RedisDown firing", "CacheEvicting firing",
                "RedisDown resolved");
        TimelineEntry resolved = alertEntry(cache, "resolved");
        assertThat(resolved.author()).isEqualTo("bob");
        assertThat(((EntryBody.AlertChanged) resolved.body()).timing())
                .isEqualTo("first seen gone; alertmanager no longer listed it when this console began watching");
    }

    @Test
    void anAlertOneOfItsSourcesStillListsIsNotResolvedWhenTheNextConsoleStarts() throws Exception {
        AtomicReference<String> amAlerts = new AtomicReference<>("""
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00.000Z", "status": {"state": "active"}}]
                """);
        String prometheusFiring = """
                {"status": "success", "data": {"alerts": [{"labels": {"alertname": "RedisDown", "service": "redis",
                  "alertstate": "firing"}, "state": "firing", "activeAt": "2026-01-01T00:00:00.000Z"}]}}
                """;
        AtomicInteger promAnswers = new AtomicInteger();
        HttpServer am = serve(answering(amAlerts, new AtomicInteger()));
        HttpServer prom = serve(answering(new AtomicReference<>(prometheusFiring), promAnswers));
        ServiceSpec amSource = ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK);
        ServiceSpec promSource = ServiceSpec.of("prometheus", "127.0.0.1", Loopback.port(prom),
                AlertmanagerSpec.prometheus("http://127.0.0.1:" + Loopback.port(prom))).withInterval(TICK);
        Incident cache = incident("Cache down", "prod", "redis");
        HealthRecorder first = recorder("alice", "prod");
        scheduler.watch(amSource);
        scheduler.watch(promSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 1 && promAnswers.get() >= 2);
        first.awaitIdle();
        scheduler.close();
        first.close();
        amAlerts.set("[]"); // Alertmanager dropped it; Prometheus still fires it

        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
        HealthRecorder second = recorder("bob", "prod");
        second.alertSources(List.of("alertmanager", "prometheus"));
        scheduler.watch(amSource);
        scheduler.watch(promSource);
        int seen = promAnswers.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> promAnswers.get() >= seen + 4);
        second.awaitIdle();

        assertThat(alertEntries(cache)).as("Prometheus still fires it").containsExactly("RedisDown firing");
    }

    @Test
    void oneAlertFromAlertmanagerAndPrometheusIsOneEntryResolvedWhenNeitherListsIt() throws Exception {
        AtomicReference<String> amAlerts = new AtomicReference<>("""
                [{"labels": {"alertname": "RedisDown", "service": "redis"}, "fingerprint": "a1",
                  "startsAt": "2026-01-01T00:00:00.000Z", "status": {"state": "active"}}]
                """);
        AtomicReference<String> promAlerts = new AtomicReference<>("""
                {"status": "success", "data": {"alerts": [{"labels": {"alertname": "RedisDown", "service": "redis",
                  "alertstate": "firing"}, "state": "firing", "activeAt": "2026-01-01T00:00:00.123Z"}]}}
                """);
        AtomicInteger promAnswers = new AtomicInteger();
        HttpServer am = serve(answering(amAlerts, new AtomicInteger()));
        HttpServer prom = serve(answering(promAlerts, promAnswers));
        Incident cache = incident("Cache down", "prod", "redis");
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(ServiceSpec.of("alertmanager", "127.0.0.1", Loopback.port(am),
                AlertmanagerSpec.of("http://127.0.0.1:" + Loopback.port(am))).withInterval(TICK));
        scheduler.watch(ServiceSpec.of("prometheus", "127.0.0.1", Loopback.port(prom),
                AlertmanagerSpec.prometheus("http://127.0.0.1:" + Loopback.port(prom))).withInterval(TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 1 && promAnswers.get() >= 2);

        amAlerts.set("[]");
        int seen = promAnswers.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> promAnswers.get() >= seen + 3);
        recorder.awaitIdle();
        assertThat(alertEntries(cache)).as("Prometheus still lists it").containsExactly("RedisDown firing");

        promAlerts.set("{\"status\": \"success\", \"data\": {\"alerts\": []}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> alertEntries(cache).size() == 2);
        int more = promAnswers.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> promAnswers.get() >= more + 3);
        recorder.awaitIdle();

        assertThat(alertEntries(cache)).containsExactly("RedisDown firing", "RedisDown resolved");
        EntryBody.AlertChanged firing = (EntryBody.AlertChanged) alertEntry(cache, "firing").body();
        assertThat(firing.sources()).isNotEmpty().isSubsetOf("alertmanager", "prometheus");
        EntryBody.AlertChanged resolved = (EntryBody.AlertChanged) alertEntry(cache, "resolved").body();
        assertThat(resolved.sources()).containsExactlyInAnyOrder("alertmanager", "prometheus");
        assertThat(resolved.timing()).contains("prometheus gives no end time");
    }

    private TimelineEntry alertEntry(Incident i, String state) throws Exception {
        return store.entries(i.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.AlertChanged a && a.state().equals(state)).findFirst().orElseThrow();
    }

    private List<String> alertEntries(Incident i) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.AlertChanged)
                .map(e -> (EntryBody.AlertChanged) e.body()).map(a -> a.alert() + " " + a.state()).toList();
    }
}
