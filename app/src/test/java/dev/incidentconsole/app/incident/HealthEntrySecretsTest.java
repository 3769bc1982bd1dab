package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A health entry describes the check that failed without the secrets a {@code ${VAR}} filled into it. */
class HealthEntrySecretsTest {
    private static final String TOKEN = "hk-7Qx93LmZpa";

    @TempDir
    Path dir;

    private IncidentStore store;
    private HealthScheduler scheduler;
    private HealthRecorder recorder;
    private HttpServer server;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aTokenTheSecretsFileFillsIntoAnHttpChecksPathIsMaskedInTheStoredEntryAndTheExport() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicReference<String> requested = new java.util.concurrent.atomic.AtomicReference<>();
        server.createContext("/", ex -> {
            requested.set(ex.getRequestURI().getPath());
            byte[] body = "{\"status\":\"down\"}".getBytes();
            ex.sendResponseHeaders(503, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path secrets = Files.writeString(dir.resolve("team.env"), "HOOK_TOKEN=" + TOKEN + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path file = Files.writeString(dir.resolve("prod.yaml"), """
                secrets: team.env
                services:
                  - name: hooks
                    http: {url: "http://127.0.0.1:%d/hooks/${HOOK_TOKEN}/health"}
                """.formatted(server.getAddress().getPort()));
        EnvironmentFile env = new EnvironmentLoader(Map.<String, String>of()::get).load(file);
        ServiceSpec hooks = env.defaultEnvironment().services().get(0).withInterval(Duration.ofMillis(120))
                .withTimeout(Duration.ofSeconds(2)).withRetries(2, Duration.ofMillis(120));

        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        Incident incident = store.create(new IncidentDraft("Hooks down", Severity.P2, "prod", List.of("hooks"), List.of(),
                null), "alice");
        scheduler = HealthScheduler.builder().initialSpread(Duration.ZERO).build();
        recorder = new HealthRecorder(() -> store, "alice", r -> { });
        recorder.secrets(env.secretValues());
        recorder.environment("prod");
        scheduler.subscribe(recorder);
        scheduler.watch(hooks);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.entries(incident.id(), 0).stream()
                .anyMatch(e -> e.body() instanceof EntryBody.HealthChanged));
        recorder.awaitIdle();

        String detail = store.entries(incident.id(), 0).stream().filter(e -> e.body() instanceof EntryBody.HealthChanged)
                .map(e -> ((EntryBody.HealthChanged) e.body()).detail()).findFirst().orElseThrow();
        assertThat(requested.get()).as("the check asked the real path").contains("/hooks/" + TOKEN + "/health");
        assertThat(detail).startsWith("GET http://127.0.0.1:").contains("/hooks/").contains("503")
                .doesNotContain(TOKEN);
        assertThat(IncidentExport.markdown(store.document(incident.id()), ExportOptions.defaults())).doesNotContain(TOKEN);
    }
}
