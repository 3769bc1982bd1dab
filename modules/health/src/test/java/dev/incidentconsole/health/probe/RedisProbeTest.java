package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.ValueExpectation;
import dev.incidentconsole.health.testing.Net;
import dev.incidentconsole.health.testing.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real redis-server, started twice: open, and with {@code --requirepass}. */
class RedisProbeTest {
    private static RedisServer open;
    private static RedisServer locked;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(RedisServer.installed(), "redis-server is not installed at " + RedisServer.BINARY
                + " (apt-get install redis-server); skipping Redis probe tests");
        open = new RedisServer(null);
        locked = new RedisServer("s3cret");
    }

    @AfterAll
    static void stop() throws Exception {
        if (open != null) {
            open.close();
        }
        if (locked != null) {
            locked.close();
        }
    }

    @Test
    void pingIsUpWithTheVersion() {
        ProbeResult r = check(RedisSpec.of("127.0.0.1", open.port()));
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.reason()).isEqualTo("PONG");
        assertThat(r.details().get("version")).startsWith("Redis ");
    }

    @Test
    void authWithTheRightPasswordIsUp() {
        assertThat(check(RedisSpec.of("127.0.0.1", locked.port()).withPassword("s3cret")).status()).isEqualTo(Status.UP);
    }

    @Test
    void wrongPasswordIsDown() {
        ProbeResult r = check(RedisSpec.of("127.0.0.1", locked.port()).withPassword("nope"));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("password authentication failed");
    }

    @Test
    void missingPasswordIsDegradedAndSaysSo() {
        ProbeResult r = check(RedisSpec.of("127.0.0.1", locked.port()));
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).contains("requires a password (NOAUTH)");
    }

    @Test
    void passwordForAServerWithoutOneStillPings() {
        assertThat(check(RedisSpec.of("127.0.0.1", open.port()).withPassword("x")).status()).isEqualTo(Status.UP);
    }

    @Test
    void infoExpectationDecides() {
        RedisSpec spec = RedisSpec.of("127.0.0.1", open.port());
        assertThat(check(spec.withInfo("role", ValueExpectation.parse("master"))).status()).isEqualTo(Status.UP);
        ProbeResult r = check(spec.withInfo("role", ValueExpectation.parse("slave")));
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).isEqualTo("INFO role: got \"master\", expected slave");
        assertThat(check(spec.withInfo("connected_clients", ValueExpectation.parse("< 1000"))).status())
                .isEqualTo(Status.UP);
    }

    @Test
    void metInfoExpectationSaysWhatWasCheckedAndFound() {
        RedisSpec spec = RedisSpec.of("127.0.0.1", open.port());
        ProbeResult role = check(spec.withInfo("role", ValueExpectation.parse("master")));
        assertThat(role.status()).isEqualTo(Status.UP);
        assertThat(role.reason()).isEqualTo("PONG; INFO role:master as expected");
        ProbeResult clients = check(spec.withInfo("connected_clients", ValueExpectation.parse("< 1000")));
        assertThat(clients.reason()).matches("PONG; INFO connected_clients:\\d+, as expected < 1000");
    }

    @Test
    void closedPortIsRefused() {
        assertThat(check(RedisSpec.of("127.0.0.1", Net.closedPort())).reason()).isEqualTo("connection refused");
    }

    private static ProbeResult check(RedisSpec spec) {
        return new RedisProbe(spec).check(ProbeContext.start(Duration.ofSeconds(2)));
    }
}
