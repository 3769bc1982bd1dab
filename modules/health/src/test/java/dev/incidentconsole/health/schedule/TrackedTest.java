package dev.incidentconsole.health.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.TcpSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status rules, fed with probe results directly. */
class TrackedTest {

    @ParameterizedTest(name = "retries {0}: {1} -> {2}")
    @CsvSource({
        "3, DOWN DOWN DOWN,                UNKNOWN UNKNOWN DOWN",
        "1, DOWN,                          DOWN",
        "2, UP DOWN UP DOWN DOWN,          UP UP UP UP DOWN",
        "3, UP DOWN DOWN DEGRADED DOWN,    UP UP UP DEGRADED DEGRADED",
        "2, DOWN DOWN UP DOWN,             UNKNOWN DOWN UP UP",
    })
    void downOnlyAfterRetriesConsecutiveFailures(int retries, String attempts, String shown) {
        Tracked t = tracked(retries, null);
        List<String> statuses = new ArrayList<>();
        for (String a : attempts.trim().split(" ")) {
            statuses.add(t.record(result(Status.valueOf(a), 10)).status().status().name());
        }
        assertThat(statuses).containsExactlyElementsOf(Arrays.asList(shown.trim().split(" ")));
    }

    @Test
    void changesAreReportedOnlyWhenTheStatusMoves() {
        Tracked t = tracked(2, null);
        assertThat(t.record(result(Status.DOWN, 5)).change()).isNull();
        StatusChange down = t.record(result(Status.DOWN, 5)).change();
        assertThat(down).isNotNull();
        assertThat(down.from()).isEqualTo(Status.UNKNOWN);
        assertThat(down.to()).isEqualTo(Status.DOWN);
        assertThat(down.reason()).isEqualTo("connection refused (2 failures in a row)");
        assertThat(t.record(result(Status.DOWN, 5)).change()).isNull();
        StatusChange up = t.record(result(Status.UP, 5)).change();
        assertThat(up.from()).isEqualTo(Status.DOWN);
        assertThat(up.to()).isEqualTo(Status.UP);
    }

    @Test
    void failureBelowRetriesKeepsTheStatusButSaysWhatHappened() {
        Tracked t = tracked(3, null);
        t.record(result(Status.UP, 5));
        Tracked.Outcome o = t.record(result(Status.DOWN, 5));
        assertThat(o.status().status()).isEqualTo(Status.UP);
        assertThat(o.status().reason()).isEqualTo("connection refused (failure 1 of 3)");
        assertThat(o.nextDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.record(result(Status.UP, 5)).nextDelay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void slowerThanTheThresholdIsDegraded() {
        Tracked t = tracked(3, Duration.ofMillis(100));
        ServiceStatus s = t.record(result(Status.UP, 250)).status();
        assertThat(s.status()).isEqualTo(Status.DEGRADED);
        assertThat(s.reason()).isEqualTo("slow: 250 ms (threshold 100 ms), ok");
        assertThat(t.record(result(Status.UP, 50)).status().status()).isEqualTo(Status.UP);
    }

    @Test
    void historyKeepsTheLastNAndComputesStats() {
        Tracked t = new Tracked(ServiceSpec.of("s", "h", 1, new TcpSpec("h", 1)), c -> null, 20);
        for (int i = 1; i <= 25; i++) {
            t.record(result(i % 5 == 0 ? Status.DOWN : Status.UP, i));
        }
        ServiceStatus s = t.snapshot();
        assertThat(s.history()).hasSize(20);
        assertThat(s.history().get(0).latency()).isEqualTo(Duration.ofMillis(6));
        HistoryStats st = s.stats();
        assertThat(st.samples()).isEqualTo(20);
        assertThat(st.uptimePercent()).isEqualTo(80.0);
        assertThat(st.min()).isEqualTo(Duration.ofMillis(6));
        // answered latencies: 6-24 without 10, 15, 20 -> 16 values, mean 240 / 16 = 15 ms, p95 = 16th = 24 ms
        assertThat(st.avg()).isEqualTo(Duration.ofMillis(15));
        assertThat(st.p95()).isEqualTo(Duration.ofMillis(24));
    }

    @Test
    void statsOfNothing() {
        HistoryStats st = HistoryStats.of(List.of());
        assertThat(st.samples()).isZero();
        assertThat(st.uptimePercent()).isNaN();
    }

    private static Tracked tracked(int retries, Duration threshold) {
        ServiceSpec spec = ServiceSpec.of("svc", "localhost", 1, new TcpSpec("localhost", 1))
                .withInterval(Duration.ofMinutes(1)).withRetries(retries, Duration.ofSeconds(1))
                .withLatencyThreshold(threshold);
        return new Tracked(spec, c -> null, 100);
    }

    private static ProbeResult result(Status status, long ms) {
        String reason = status == Status.DOWN ? "connection refused" : status == Status.DEGRADED ? "dependency" : "ok";
        return ProbeResult.of(status, reason, Duration.ofMillis(ms), Instant.now());
    }
}
