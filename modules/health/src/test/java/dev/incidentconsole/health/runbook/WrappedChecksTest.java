package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.probe.Probes;
import dev.incidentconsole.health.testing.Net;
import dev.incidentconsole.health.testing.RedisServer;
import dev.incidentconsole.runbook.ServiceEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks wrapped in a container or pod runner, probed natively on the row's port against real servers. */
class WrappedChecksTest {
    private final RunbookServices services = new RunbookServices(Map.<String, String>of()::get, "127.0.0.1");

    @Test
    void curlInsideAContainerIsAnHttpProbeOnTheRowsPortAndSaysHowTheRunbookChecksIt() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        web.createContext("/healthz", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        web.start();
        int port = web.getAddress().getPort();
        // inside the container the app listens on 8080; the table publishes it on the row's port
        ServiceSpec spec = services.map(new ServiceEntry("Web", port, "", "docker compose exec -T web curl -fsS http://localhost:8080/healthz", 3), List.of());
        try (Probes probes = new Probes()) {
            ProbeResult up = probes.create(spec).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(up.status()).isEqualTo(Status.UP);
            assertThat(up.reason()).isEqualTo("HTTP 200; the runbook checks it with docker compose exec");
            web.stop(0);
            ProbeResult down = probes.create(spec).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(down.status()).isEqualTo(Status.DOWN);
            assertThat(down.reason()).isEqualTo("connection refused; the runbook checks it with docker compose exec");
        }
    }

    @Test
    void redisCliInsideAPodIsARedisProbeOnTheRowsPort() throws Exception {
        assumeTrue(RedisServer.installed(), "redis-server is not installed at " + RedisServer.BINARY + "; skipping");
        try (RedisServer redis = new RedisServer(null); Probes probes = new Probes()) {
            ServiceSpec spec = services.map(new ServiceEntry("Cache", redis.port(), "TCP",
                    "kubectl -n cache exec -it redis-0 -c redis -- redis-cli -p 6379 ping", 4), List.of());
            ProbeResult r = probes.create(spec).check(ProbeContext.start(Duration.ofSeconds(3)));
            assertThat(r.status()).isEqualTo(Status.UP);
            assertThat(r.reason()).endsWith("; the runbook checks it with kubectl exec");
        }
    }
}
