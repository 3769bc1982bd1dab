package dev.incidentconsole.health.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.probe.Probes;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.testing.Net;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler against real listeners and processes. */
class HealthSchedulerTest {
    private final AtomicInteger code = new AtomicInteger(200);
    private final List<StatusChange> changes = new CopyOnWriteArrayList<>();
    private final List<ServiceStatus> checks = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HealthScheduler scheduler;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(code.get(), -1);
            ex.close();
        });
        server.start();
        scheduler = HealthScheduler.builder().poolSize(8).initialSpread(Duration.ZERO).build();
        scheduler.subscribe(new HealthListener() {
            @Override
            public void statusChanged(StatusChange change) {
                changes.add(change);
            }

            @Override
            public void checked(ServiceStatus status) {
                checks.add(status);
            }
        });
    }

    @AfterEach
    void stop() {
        scheduler.close();
        server.stop(0);
    }

    @Test
    void serviceIsDownOnlyAfterRetriesFailuresInARow() {
        scheduler.watch(ServiceSpec.of("db", "127.0.0.1", 1, new TcpSpec("127.0.0.1", Net.closedPort()))
                .withInterval(Duration.ofMillis(200)).withRetries(3, Duration.ofMillis(50)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> changes.size() == 1);
        List<ServiceStatus> beforeDown = checks.stream().takeWhile(s -> s.status() != Status.DOWN).toList();
        assertThat(beforeDown).extracting(ServiceStatus::status).containsOnly(Status.UNKNOWN);
        assertThat(beforeDown).extracting(ServiceStatus::consecutiveFailures).containsExactly(1, 2);
        assertThat(checks.get(2).status()).isEqualTo(Status.DOWN);
        StatusChange change = changes.get(0);
        assertThat(change.service()).isEqualTo("db");
        assertThat(change.from()).isEqualTo(Status.UNKNOWN);
        assertThat(change.to()).isEqualTo(Status.DOWN);
        assertThat(change.reason()).isEqualTo("connection refused (3 failures in a row)");
    }

    @Test
    void recoveryIsPublishedAndHistoryHasStats() {
        code.set(503);
        scheduler.watch(http("api").withInterval(Duration.ofMillis(100)).withRetries(2, Duration.ofMillis(50)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> changes.size() == 1);
        code.set(200);
        await().atMost(10, TimeUnit.SECONDS).until(() -> changes.size() == 2);
        assertThat(changes).extracting(StatusChange::to).containsExactly(Status.DOWN, Status.UP);
        assertThat(changes.get(0).reason()).isEqualTo("HTTP 503 Service Unavailable (2 failures in a row)");
        ServiceStatus s = scheduler.status("api").orElseThrow();
        assertThat(s.status()).isEqualTo(Status.UP);
        assertThat(s.since()).isEqualTo(changes.get(1).at());
        assertThat(s.stats().samples()).isGreaterThanOrEqualTo(3);
        assertThat(s.stats().uptimePercent()).isGreaterThan(0).isLessThan(100);
        assertThat(s.stats().min()).isLessThanOrEqualTo(s.stats().avg());
        assertThat(s.stats().avg()).isLessThanOrEqualTo(s.stats().p95());
    }

    @Test
    void checkNowReturnsTheNewStatus() throws Exception {
        HealthScheduler quiet = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build();
        try (quiet) {
            quiet.watch(http("api").withInterval(Duration.ofHours(1)));
            ServiceStatus s = quiet.checkNow("api").get(10, TimeUnit.SECONDS);
            assertThat(s.status()).isEqualTo(Status.UP);
            assertThat(s.reason()).isEqualTo("HTTP 200");
            assertThat(s.history()).isNotEmpty();
            assertThat(quiet.statuses()).extracting(ServiceStatus::name).containsExactly("api");
        }
    }

    @Test
    void checkNowOfAnUnknownServiceFails() {
        assertThatThrownBy(() -> scheduler.checkNow("nope").get())
                .isInstanceOf(ExecutionException.class).hasMessageContaining("no service named \"nope\"");
    }

    @Test
    void aCheckCommandWithoutACommandRunnerIsNotRunAndSaysSo() throws Exception {
        try (HealthScheduler s = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build()) {
            s.watch(ServiceSpec.of("cmd", "localhost", 0, CommandSpec.of("true")));
            ServiceStatus status = s.checkNow("cmd").get(10, TimeUnit.SECONDS);
            assertThat(status.status()).isEqualTo(Status.UNKNOWN);
            assertThat(status.reason()).startsWith("not run: no command runner was given");
        }
    }

    @Test
    void overrunningProbeIsAbandonedAndReportedAsTimeout() throws Exception {
        // The command ignores SIGTERM, so the probe's own stop takes the kill grace: the scheduler's hard
        // timeout answers first, and the command is still killed.
        try (Probes probes = new Probes(TestUser.current());
             HealthScheduler s = HealthScheduler.builder().probes(probes).initialSpread(Duration.ofHours(1)).build()) {
            s.watch(ServiceSpec.of("stuck", "localhost", 0, CommandSpec.of("trap '' TERM; sleep 300; sleep 301"))
                    .withTimeout(Duration.ofMillis(300)).withRetries(1, null));
            ServiceStatus status = s.checkNow("stuck").get(10, TimeUnit.SECONDS);
            assertThat(status.status()).isEqualTo(Status.DOWN);
            assertThat(status.reason()).isEqualTo("timeout after 300 ms");
            await().atMost(10, TimeUnit.SECONDS).until(() -> ProcessHandle.current().descendants()
                    .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 30")));
        }
    }

    @Test
    void deadHostDoesNotDelayTheOthers() throws Exception {
        try (Net.Blackhole a = new Net.Blackhole(); Net.Blackhole b = new Net.Blackhole()) {
            HealthScheduler s = HealthScheduler.builder().poolSize(4).initialSpread(Duration.ofHours(1)).build();
            try (s) {
                for (Net.Blackhole hole : List.of(a, b)) {
                    s.watch(ServiceSpec.of("dead" + hole.port(), "127.0.0.1", hole.port(),
                            new TcpSpec("127.0.0.1", hole.port())).withTimeout(Duration.ofSeconds(3)).withRetries(1, null));
                }
                s.watch(http("api"));
                CompletableFuture<ServiceStatus> dead = s.checkNow("dead" + a.port());
                ServiceStatus api = s.checkNow("api").get(10, TimeUnit.SECONDS);
                assertThat(api.status()).isEqualTo(Status.UP);
                assertThat(dead).isNotDone();
                assertThat(dead.get(10, TimeUnit.SECONDS).reason()).startsWith("timeout after 3000 ms");
            }
        }
    }

    @Test
    void checkAllAnswersForEveryServiceInWatchOrder() throws Exception {
        HealthScheduler quiet = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build();
        try (quiet) {
            quiet.watch(http("api"));
            quiet.watch(ServiceSpec.of("closed", "127.0.0.1", 1, new TcpSpec("127.0.0.1", Net.closedPort()))
                    .withRetries(1, null));
            quiet.watch(http("api2"));
            List<ServiceStatus> all = quiet.checkAll().get(10, TimeUnit.SECONDS);
            assertThat(all).extracting(ServiceStatus::name).containsExactly("api", "closed", "api2");
            assertThat(all).extracting(ServiceStatus::status).containsExactly(Status.UP, Status.DOWN, Status.UP);
        }
    }

    @Test
    void watchingTheSameSpecAgainKeepsItsHistory() throws Exception {
        HealthScheduler quiet = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build();
        try (quiet) {
            quiet.watch(http("api"));
            quiet.checkNow("api").get(10, TimeUnit.SECONDS);
            quiet.watch(http("api"));
            assertThat(quiet.status("api").orElseThrow().history()).hasSize(1);
            quiet.watch(http("api").withTimeout(Duration.ofSeconds(1)));
            assertThat(quiet.status("api").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Test
    void unwatchedServiceIsNoLongerListed() {
        scheduler.watch(http("api"));
        assertThat(scheduler.unwatch("api")).isTrue();
        assertThat(scheduler.statuses()).isEmpty();
        assertThat(scheduler.unwatch("api")).isFalse();
    }

    @Test
    void replaceAllSwitchesEnvironment() {
        scheduler.watch(http("a"));
        scheduler.watch(http("b"));
        scheduler.replaceAll(List.of(http("b"), http("c")));
        assertThat(scheduler.statuses()).extracting(ServiceStatus::name).containsExactly("b", "c");
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        scheduler.subscribe(change -> {
            throw new IllegalStateException("listener bug");
        });
        scheduler.watch(http("api").withInterval(Duration.ofMillis(100)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> checks.size() >= 2);
        assertThat(changes).extracting(StatusChange::to).containsExactly(Status.UP);
    }

    @Test
    void closedSchedulerRefusesNewServices() {
        scheduler.close();
        assertThatThrownBy(() -> scheduler.watch(http("x"))).isInstanceOf(IllegalStateException.class);
    }

    private ServiceSpec http(String name) {
        int port = server.getAddress().getPort();
        return ServiceSpec.of(name, "127.0.0.1", port, HttpSpec.get("http://127.0.0.1:" + port + "/health"));
    }
}
