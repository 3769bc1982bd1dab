package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.TlsOptions;
import dev.incidentconsole.health.testing.Net;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTPS server whose certificate (made by the JDK's keytool) expires in 5 days. */
class TlsProbeTest {
    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Probes probes;
    private static String url;
    private static Path caFile;

    @BeforeAll
    static void start() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool not found in " + keytool + "; skipping TLS probe tests");
        Path keystore = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "srv", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "5", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.writeString(caFile, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ks.getCertificate("srv").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(Net.loopback(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/health";
        probes = new Probes();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
            probes.close();
        }
    }

    @Test
    void certificateExpiringSoonIsDegradedWithTheDate() {
        ProbeResult r = check(HttpSpec.get(url).withTls(new TlsOptions(false, caFile.toString(), null)));
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).matches("TLS certificate expires in [45] days \\(\\d{4}-\\d\\d-\\d\\d\\)");
        assertThat(r.certificateExpiry()).isBetween(Instant.now().plus(4, ChronoUnit.DAYS),
                Instant.now().plus(6, ChronoUnit.DAYS));
        assertThat(r.details()).containsKey("tls.expires");
    }

    @Test
    void certificateFarFromExpiryIsUp() {
        ProbeResult r = check(HttpSpec.get(url).withTls(new TlsOptions(false, caFile.toString(), Duration.ofDays(1))));
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.certificateExpiry()).isNotNull();
    }

    @Test
    void unknownIssuerIsDownAndSaysWhatToSet() {
        ProbeResult r = check(HttpSpec.get(url));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("TLS certificate not trusted (unknown issuer; set the probe's tls ca-file)");
    }

    @Test
    void insecureTrustsAnyCertificate() {
        ProbeResult r = check(HttpSpec.get(url).withTls(new TlsOptions(true, null, Duration.ofDays(1))));
        assertThat(r.status()).isEqualTo(Status.UP);
    }

    private static ProbeResult check(HttpSpec spec) {
        return probes.create(spec).check(ProbeContext.start(Duration.ofSeconds(5)));
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
