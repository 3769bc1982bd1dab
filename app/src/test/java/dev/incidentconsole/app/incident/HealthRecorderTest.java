package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recorder under the real health scheduler, against real loopback services and an embedded store. */
class HealthRecorderTest {
    private static final Duration TICK = Duration.ofMillis(120);

    @TempDir
    Path dir;

    private IncidentStore store;
    private HealthScheduler scheduler;
    private final List<HealthRecorder> recorders = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
    }

    @AfterEach
    void close() {
        scheduler.close();
        recorders.forEach(HealthRecorder::close);
        servers.forEach(s -> s.stop(0));
        store.close();
    }

    private HealthRecorder recorder(String author, String environment) {
        HealthRecorder r = new HealthRecorder(() -> store, author, receipts::add);
        r.environment(environment);
        scheduler.subscribe(r);
        recorders.add(r);
        return r;
    }

    private Incident incident(String title, String environment, String... services) throws Exception {
        return store.create(new IncidentDraft(title, Severity.P2, environment, List.of(services), List.of(), null), "alice");
    }

    private List<String> health(Incident i) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.HealthChanged)
                .map(e -> (EntryBody.HealthChanged) e.body()).map(h -> h.from() + "->" + h.to()).toList();
    }

    private static ServiceSpec http(String name, int port, int retries) {
        return ServiceSpec.of(name, "127.0.0.1", port, HttpSpec.get("http://127.0.0.1:" + port + "/health"))
                .withInterval(TICK).withTimeout(Duration.ofSeconds(2)).withRetries(retries, TICK);
    }

    @Test
    void serviceGoingDownAndUpIsRecordedInTheIncidentsItConcerns() throws Exception {
        HttpServer api = serve(Loopback.healthy());
        int port = Loopback.port(api);
        Incident linked = incident("Checkout 502s", "prod", "api");
        Incident wholeEnvironment = incident("Everything slow", "prod");
        Incident otherService = incident("Cache evictions", "prod", "cache");
        Incident otherEnvironment = incident("Staging broken", "staging");
        Incident resolved = incident("Yesterday's outage", "prod", "api");
        store.append(TimelineEntry.create(resolved.id(), "alice", new EntryBody.StatusChanged(null,
                dev.incidentconsole.incident.Status.RESOLVED, null)));
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(http("api", port, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.status("api").orElseThrow().status() == Status.UP);

        api.stop(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> health(linked).size() == 1);
        serve(healthyOn(port));
        await().atMost(Duration.ofSeconds(20)).until(() -> health(linked).size() == 2);
        recorder.awaitIdle();

        assertThat(health(linked)).containsExactly("up->down", "down->up");
        assertThat(health(wholeEnvironment)).containsExactly("up->down", "down->up");
        assertThat(health(otherService)).isEmpty();
        assertThat(health(otherEnvironment)).isEmpty();
        assertThat(health(resolved)).isEmpty();
        TimelineEntry down = store.entries(linked.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.HealthChanged).findFirst().orElseThrow();
        assertThat(down.author()).isEqualTo("alice");
        EntryBody.HealthChanged body = (EntryBody.HealthChanged) down.body();
        assertThat(body.check()).isEqualTo("http");
        assertThat(body.detail()).contains("2 failures in a row");
        // It happened at the first of the two failed checks, one retry interval before DOWN was declared.
        List<java.time.Instant> failedChecks = scheduler.status("api").orElseThrow().history().stream()
                .filter(r -> r.status() == Status.DOWN).map(dev.incidentconsole.health.ProbeResult::checkedAt).toList();
        assertThat(failedChecks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(down.occurredAt()).isEqualTo(failedChecks.get(0).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(down.recordedAt()).isAfter(failedChecks.get(1));
        assertThat(receipts).extracting(r -> r.entry().incidentId()).contains(linked.id(), wholeEnvironment.id());
    }

    /** A port nothing listens on: connecting is refused. */
    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private EntryBody.HealthChanged firstHealthEntry(Incident i) throws Exception {
        return store.entries(i.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.HealthChanged)
                .map(e -> (EntryBody.HealthChanged) e.body()).findFirst().orElseThrow();
    }

    @Test
    void aHealthEntrySaysWhatWasCheckedWhereSoThePostmortemNamesWhatRefused() throws Exception {
        int port = closedPort();
        Incident incident = incident("Cache down", "prod", "cache");
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(ServiceSpec.of("cache", "127.0.0.1", port, new dev.incidentconsole.health.spec.TcpSpec("127.0.0.1", port))
                .withInterval(TICK).withTimeout(Duration.ofSeconds(2)).withRetries(2, TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> health(incident).size() == 1);
        recorder.awaitIdle();

        EntryBody.HealthChanged down = firstHealthEntry(incident);
        assertThat(down.detail()).startsWith("TCP connect 127.0.0.1:" + port + ": ").containsIgnoringCase("refused");
        String markdown = dev.incidentconsole.incident.export.IncidentExport.markdown(store.document(incident.id()),
                dev.incidentconsole.incident.export.ExportOptions.defaults());
        assertThat(markdown).contains("cache (tcp): unknown → down — TCP connect 127.0.0.1:" + port + ": ");
    }

    @Test
    void aHealthEntryNamesAnHttpCheckWithItsCredentialsMasked() throws Exception {
        int port = closedPort();
        Incident incident = incident("API down", "prod", "api");
        HealthRecorder recorder = recorder("alice", "prod");
        String url = "http://oncall:Sup3rS3cret@127.0.0.1:" + port + "/health?access_token=tok3nV4lue";
        scheduler.watch(ServiceSpec.of("api", "127.0.0.1", port, HttpSpec.get(url))
                .withInterval(TICK).withTimeout(Duration.ofSeconds(2)).withRetries(2, TICK));
        await().atMost(Duration.ofSeconds(20)).until(() -> health(incident).size() == 1);
        recorder.awaitIdle();

        String detail = firstHealthEntry(incident).detail();
        assertThat(detail).contains("GET http://oncall:****@127.0.0.1:" + port + "/health?access_token=****")
                .doesNotContain("Sup3rS3cret").doesNotContain("tok3nV4lue");
    }

    @Test
    void aHealthEntryNamesACommandCheckWithItsPasswordMasked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("redis-cli"), "redis-cli is not installed (Debian redis-tools)");
        int port = closedPort();
        Incident incident = incident("Cache down", "prod", "cache");
        HealthRecorder recorder = recorder("alice", "prod");
        String command = "redis-cli -h 127.0.0.1 -p " + port + " -a R3disPassw0rd ping | grep -q PONG";
        dev.incidentconsole.exec.CommandRunner runner = dev.incidentconsole.exec.CommandRunner.withoutSshPrompts(
                dev.incidentconsole.exec.ExecSettings.defaults(dev.incidentconsole.exec.testing.TestUser.current())
                        .withOutputDir(dir.resolve("runs")));
        scheduler.close();
        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).commandRunner(runner).build();
        scheduler.subscribe(recorder);
        try (runner) {
            scheduler.watch(ServiceSpec.of("cache", "127.0.0.1", port, dev.incidentconsole.health.spec.CommandSpec.of(command))
                    .withInterval(TICK).withTimeout(Duration.ofSeconds(5)).withRetries(2, TICK));
            await().atMost(Duration.ofSeconds(30)).until(() -> health(incident).size() == 1);
            recorder.awaitIdle();
            scheduler.close();
        }

        String detail = firstHealthEntry(incident).detail();
        assertThat(detail).startsWith("$ redis-cli -h 127.0.0.1 -p " + port + " -a **** ping").doesNotContain("R3disPassw0rd");
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, tool)));
    }

    @Test
    void anIncidentOpenedWhileItsServiceIsDegradedStartsWithWhenItBecameSo() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        HttpServer api = serve(scripted("UUG", checks));
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(http("api", Loopback.port(api), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> checks.get() >= 6);
        recorder.awaitIdle();

        // the on-call engineer opens it from the amber row, minutes later at 3 a.m.
        Incident incident = incident("Postgres near its connection limit", "prod", "api");
        Incident other = incident("Cache evictions", "prod", "cache");
        recorder.knownOpen(List.of(incident, other));
        recorder.knownOpen(List.of(incident, other));
        recorder.awaitIdle();

        assertThat(health(incident)).containsExactly("up->degraded");
        assertThat(health(other)).isEmpty();
        TimelineEntry degraded = store.entries(incident.id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.HealthChanged).findFirst().orElseThrow();
        assertThat(degraded.occurredAt()).isBefore(incident.startedAt());
        List<java.time.Instant> amberChecks = scheduler.status("api").orElseThrow().history().stream()
                .filter(r -> r.status() == Status.DEGRADED).map(dev.incidentconsole.health.ProbeResult::checkedAt).toList();
        assertThat(degraded.occurredAt()).isEqualTo(amberChecks.get(0).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void aServiceAlreadyDownWhenTheConsoleStartsIsRecordedOnceNotAtEveryStart() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        HttpServer api = serve(scripted("D", checks));
        Incident incident = incident("Checkout down", "prod", "api");
        Incident other = incident("Cache evictions", "prod", "cache");
        for (int start = 1; start <= 2; start++) {
            HealthRecorder recorder = recorder("alice", "prod");
            scheduler.watch(http("api", Loopback.port(api), 2));
            int seen = checks.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> checks.get() >= seen + 5);
            recorder.awaitIdle();
            assertThat(health(incident)).as("after start %d", start).containsExactly("unknown->down");
            scheduler.close(); // the console quits; the next start has a new scheduler and recorder
            recorder.close();
            scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
        }
        assertThat(health(other)).isEmpty();
    }

    /** Each letter is what the service answers to one check: U up, D 503, G degraded; the last repeats. */
    @ParameterizedTest(name = "{0} with retries {1}")
    @CsvSource(delimiter = '|', value = {
            "UUDUUU   | 1 | ''",
            "UUDDUUU  | 1 | up->down,down->up",
            "UUGUUU   | 1 | ''",
            "UUGGUUU  | 1 | up->degraded,degraded->up",
            "UUDUUU   | 2 | ''",
            "UUDDUUU  | 2 | up->down,down->up",
            "UUGDDUUU | 1 | up->down,down->up",
            "UUGDUUU  | 1 | ''",
            // what the console saw first and never confirmed (a slow cold first check) is no status to leave
            "GUUUU    | 1 | ''",
            "DUUUU    | 1 | ''",
            "GGUUU    | 1 | unknown->degraded,degraded->up",
            "GDDUUU   | 1 | unknown->down,down->up",
    })
    void aStatusIsRecordedOnlyOnceTwoChecksAgree(String script, int retries, String expected) throws Exception {
        Incident incident = incident("Flaky API", "prod", "api");
        AtomicInteger checks = new AtomicInteger();
        HttpServer api = serve(scripted(script.strip(), checks));
        HealthRecorder recorder = recorder("alice", "prod");
        scheduler.watch(http("api", Loopback.port(api), retries));

        await().atMost(Duration.ofSeconds(20)).until(() -> checks.get() >= script.strip().length() + 2);
        recorder.awaitIdle();

        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertThat(health(incident)).containsExactlyElementsOf(want);
    }

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

    private HttpServer serve(HttpServer s) {
        servers.add(s);
        return s;
    }

    /** A healthy service again on the port the stopped one had (the address the scheduler watches). */
    private static HttpServer healthyOn(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        s.createContext("/", ex -> reply(ex, 200, "{\"status\":\"ok\"}"));
        s.start();
        return s;
    }

    private static HttpServer scripted(String script, AtomicInteger checks) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            int n = checks.getAndIncrement();
            char step = script.charAt(Math.min(n, script.length() - 1));
            switch (step) {
                case 'D' -> reply(ex, 503, "{\"status\":\"down\"}");
                case 'G' -> reply(ex, 200, "{\"status\":\"degraded\"}");
                default -> reply(ex, 200, "{\"status\":\"ok\"}");
            }
        });
        s.start();
        return s;
    }

    private static HttpServer answering(AtomicReference<String> alerts, AtomicInteger answers) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            answers.incrementAndGet();
            reply(ex, 200, alerts.get());
        });
        s.start();
        return s;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
