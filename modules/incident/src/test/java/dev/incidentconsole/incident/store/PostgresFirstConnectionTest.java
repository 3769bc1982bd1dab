package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a team member sees on the first connection to a server that answers but refuses: a wrong password, a
 * database nobody created, a login without rights on the tables. Each is a sentence naming the cause and the fix,
 * never taken for an outage (which would queue entries forever). The server asks for passwords, as a team's does.
 */
class PostgresFirstConnectionTest {
    private static EmbeddedPostgres pg;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServerThatAsksForPasswords() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE oncall LOGIN PASSWORD 'teampw'");
            st.execute("CREATE ROLE visitor LOGIN PASSWORD 'visitorpw'");
            st.execute("CREATE ROLE reader LOGIN PASSWORD 'readerpw'");
            st.execute("CREATE ROLE muted NOLOGIN PASSWORD 'mutedpw'");
            st.execute("CREATE ROLE stranger LOGIN PASSWORD 'strangerpw'");
            st.execute("CREATE DATABASE incidents OWNER oncall");
            String hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            // The superuser keeps its trusted login (the test's own connections); the team gives a password, and
            // the stranger has no line at all.
            Files.writeString(Path.of(hba), """
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all oncall,visitor,reader,muted 127.0.0.1/32 scram-sha-256
                    host all oncall,visitor,reader,muted ::1/128 scram-sha-256
                    """);
            st.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private IncidentStore open(String database, String user, String password) throws StoreException {
        return IncidentStores.postgresQueueing(pg.getJdbcUrl(user, database), user, password, dataDir,
                StoreOptions.defaults());
    }

    @Test
    void aWrongPasswordSaysSoAndWhereThePasswordComesFrom() {
        assertThatThrownBy(() -> open("incidents", "oncall", "wrong")).isInstanceOfSatisfying(StoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
                    assertThat(e.getMessage()).contains("password authentication failed for user \"oncall\"")
                            .contains("PGPASSWORD").doesNotContain("move the file aside")
                            .doesNotContain("Unable to obtain connection");
                });
    }

    @Test
    void aDatabaseNobodyCreatedIsNamedWithHowToCreateIt() {
        assertThatThrownBy(() -> open("incidnets", "oncall", "teampw")).isInstanceOfSatisfying(StoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
                    assertThat(e.getMessage()).contains("database \"incidnets\" does not exist").contains("createdb")
                            .doesNotContain("move the file aside");
                });
    }

    @Test
    void aLoginWithoutRightsOnTheTablesIsToldWhatItLacks() throws Exception {
        try (IncidentStore owner = open("incidents", "oncall", "teampw")) {
            assertThat(owner.list(true)).isEmpty(); // the owner's first start created the tables
        }
        assertThatThrownBy(() -> open("incidents", "visitor", "visitorpw")).isInstanceOfSatisfying(
                StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
                    assertThat(e.getMessage()).contains("permission denied").contains("team store set-up");
                });
    }

    @Test
    void aRoleThatMayNotLogInIsToldSoNotToCheckItsPassword() {
        assertThatThrownBy(() -> open("incidents", "muted", "mutedpw")).isInstanceOfSatisfying(StoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
                    assertThat(e.getMessage()).contains("role \"muted\" is not permitted to log in")
                            .contains("ALTER ROLE").doesNotContain("check the user and the password");
                });
    }

    @Test
    void aHostThePgHbaConfDoesNotLetInIsToldToAskForALineOrEncryption() {
        assertThatThrownBy(() -> open("incidents", "stranger", "strangerpw")).isInstanceOfSatisfying(
                StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
                    assertThat(e.getMessage()).contains("no pg_hba.conf entry").contains("no encryption")
                            .contains("sslmode=require").contains("administrator")
                            .doesNotContain("check the user and the password");
                });
    }

    @Test
    void aWriteRefusedOnAStoreThatOpenedNamesTheWriteNotTheFirstStart() throws Exception {
        try (IncidentStore owner = open("incidents", "oncall", "teampw")) {
            assertThat(owner.list(true)).isEmpty();
        }
        try (Connection c = pg.getDatabase("postgres", "incidents").getConnection(); Statement st = c.createStatement()) {
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
        }
        try (IncidentStore reader = open("incidents", "reader", "readerpw")) {
            assertThat(reader.list(true)).isEmpty(); // reading works: the store opened
            assertThatThrownBy(() -> reader.create(IncidentDraft.of("Checkout 502s", Severity.P1), "reader"))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).startsWith("Could not").contains("permission denied")
                                .contains("read or write").doesNotContain("first start")
                                .doesNotContain("refused the console");
                    });
        }
    }
}
