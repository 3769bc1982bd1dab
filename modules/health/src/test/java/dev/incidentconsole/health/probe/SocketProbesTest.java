package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.health.testing.MiniWebSocketServer;
import dev.incidentconsole.health.testing.Net;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TCP connect and WebSocket handshake against real loopback listeners. */
class SocketProbesTest {
    private static Probes probes;

    @BeforeAll
    static void init() {
        probes = new Probes();
    }

    @AfterAll
    static void close() {
        probes.close();
    }

    @Test
    void listeningPortIsUp() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, Net.loopback())) {
            ProbeResult r = check(new TcpSpec("127.0.0.1", listener.getLocalPort()), Duration.ofSeconds(1));
            assertThat(r.status()).isEqualTo(Status.UP);
            assertThat(r.reason()).isEqualTo("connected");
        }
    }

    @Test
    void closedPortIsConnectionRefused() {
        ProbeResult r = check(new TcpSpec("127.0.0.1", Net.closedPort()), Duration.ofSeconds(1));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("connection refused");
    }

    @Test
    void neverAnsweringPortTimesOut() throws IOException {
        try (Net.Blackhole hole = new Net.Blackhole()) {
            ProbeResult r = check(new TcpSpec("127.0.0.1", hole.port()), Duration.ofMillis(300));
            assertThat(r.status()).isEqualTo(Status.DOWN);
            assertThat(r.reason()).isEqualTo("timeout after 300 ms (connecting)");
        }
    }

    @Test
    void unknownHostIsNamed() {
        ProbeResult r = check(new TcpSpec("no-such-host.invalid", 80), Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("unknown host no-such-host.invalid");
    }

    @Test
    void webSocketHandshakeIsUp() throws IOException {
        try (MiniWebSocketServer ws = new MiniWebSocketServer()) {
            ProbeResult r = check(WebSocketSpec.of("ws://127.0.0.1:" + ws.port() + "/ws"), Duration.ofSeconds(2));
            assertThat(r.status()).isEqualTo(Status.UP);
            assertThat(r.reason()).isEqualTo("handshake HTTP 101");
        }
    }

    @Test
    void webSocketRejectedHandshakeGivesTheStatus() throws IOException {
        try (MiniWebSocketServer ws = new MiniWebSocketServer()) {
            ProbeResult r = check(WebSocketSpec.of("ws://127.0.0.1:" + ws.port() + "/other"), Duration.ofSeconds(2));
            assertThat(r.status()).isEqualTo(Status.DOWN);
            assertThat(r.reason()).isEqualTo("handshake rejected: HTTP 404");
        }
    }

    @Test
    void webSocketClosedPortIsRefused() {
        ProbeResult r = check(WebSocketSpec.of("ws://127.0.0.1:" + Net.closedPort() + "/ws"), Duration.ofSeconds(2));
        assertThat(r.reason()).isEqualTo("connection refused");
    }

    @Test
    void webSocketNeverAnsweringTimesOut() throws IOException {
        try (Net.Blackhole hole = new Net.Blackhole()) {
            ProbeResult r = check(WebSocketSpec.of("ws://127.0.0.1:" + hole.port() + "/ws"), Duration.ofMillis(300));
            assertThat(r.status()).isEqualTo(Status.DOWN);
            assertThat(r.reason()).startsWith("timeout after 300 ms");
        }
    }

    private static ProbeResult check(dev.incidentconsole.health.spec.ProbeSpec spec, Duration timeout) {
        return probes.create(spec).check(ProbeContext.start(timeout));
    }
}
