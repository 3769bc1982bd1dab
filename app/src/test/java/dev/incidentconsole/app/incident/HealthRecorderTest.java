package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recorder under the real health scheduler, against real loopback services and an embedded store. */
class HealthRecorderTest extends HealthRecorderFixture {
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
}
