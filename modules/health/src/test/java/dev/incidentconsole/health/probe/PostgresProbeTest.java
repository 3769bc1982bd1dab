package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ValueExpectation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One embedded PostgreSQL for the class, with password authentication on TCP; stopped by the last test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresProbeTest {
    @TempDir
    static Path dataDir;
    private static EmbeddedPostgres pg;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
        port = pg.getPort();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE nova LOGIN PASSWORD 'novapass'");
            s.execute("CREATE DATABASE nova_aos OWNER nova");
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(1)
    void loginAndSelectOneIsUpWithTheServerVersion() {
        ProbeResult r = check(PostgresSpec.of("127.0.0.1", port, "nova_aos", "nova", "novapass"));
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.reason()).isEqualTo("query ok");
        assertThat(r.details().get("version")).startsWith("PostgreSQL 14.");
    }

    @Test
    @Order(2)
    void wrongPasswordIsDownWithTheServersWords() {
        ProbeResult r = check(PostgresSpec.of("127.0.0.1", port, "nova_aos", "nova", "wrong"));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("password authentication failed for user \"nova\"");
    }

    @Test
    @Order(3)
    void missingDatabaseIsNamed() {
        ProbeResult r = check(PostgresSpec.of("127.0.0.1", port, "nope", "nova", "novapass"));
        assertThat(r.reason()).isEqualTo("database \"nope\" does not exist");
    }

    @Test
    @Order(4)
    void customQueryExpectationDecides() {
        PostgresSpec base = PostgresSpec.of("127.0.0.1", port, "nova_aos", "nova", "novapass");
        String sql = "SELECT count(*) FROM pg_stat_activity";
        ProbeResult under = check(base.withQuery(sql, ValueExpectation.parse("< 1000")));
        assertThat(under.status()).isEqualTo(Status.UP);
        assertThat(under.reason()).startsWith("query returned ");
        ProbeResult over = check(base.withQuery(sql, ValueExpectation.parse("< 1")));
        assertThat(over.status()).isEqualTo(Status.DEGRADED);
        assertThat(over.reason()).startsWith("query: got \"").endsWith("\", expected < 1");
    }

    @Test
    @Order(5)
    void brokenQueryIsDownWithTheError() {
        ProbeResult r = check(PostgresSpec.of("127.0.0.1", port, "nova_aos", "nova", "novapass")
                .withQuery("SELECT * FROM missing_table", null));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("relation \"missing_table\" does not exist");
    }

    @Test
    @Order(6)
    void readinessAsPgIsReadyIsUpEvenWhenTheLoginIsRefused() {
        // pg_isready -U nova: no password given, and no database named nova: the server still accepts connections
        ProbeResult noPassword = check(PostgresSpec.ready("127.0.0.1", port, "nova", "nova"));
        assertThat(noPassword.status()).isEqualTo(Status.UP);
        assertThat(noPassword.reason()).isEqualTo("PostgreSQL on " + port + " accepts connections");
        assertThat(noPassword.details().get("login")).startsWith("nova: ");
        ProbeResult unknownRole = check(PostgresSpec.ready("127.0.0.1", port, "x", "nobody"));
        assertThat(unknownRole.status()).isEqualTo(Status.UP);
        ProbeResult loggedIn = check(new PostgresSpec("127.0.0.1", port, "nova_aos", "nova",
                dev.incidentconsole.health.Secret.of("novapass"), null, null, null, true));
        assertThat(loggedIn.reason()).isEqualTo("PostgreSQL on " + port + " accepts connections");
    }

    @Test
    @Order(9)
    void stoppedServerIsConnectionRefused() throws Exception {
        pg.close();
        pg = null;
        ProbeResult r = check(PostgresSpec.of("127.0.0.1", port, "nova_aos", "nova", "novapass"));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("connection refused");
        ProbeResult ready = check(PostgresSpec.ready("127.0.0.1", port, "nova", "nova"));
        assertThat(ready.status()).isEqualTo(Status.DOWN);
        assertThat(ready.reason()).isEqualTo("connection refused");
    }

    private static ProbeResult check(PostgresSpec spec) {
        return new PostgresProbe(spec).check(ProbeContext.start(Duration.ofSeconds(5)));
    }
}
