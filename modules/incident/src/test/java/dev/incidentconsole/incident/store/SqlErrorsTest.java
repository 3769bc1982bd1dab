package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusals PgBouncer relays, with the server's words as pgjdbc reports them, for the PgBouncer versions the
 * real-server test does not run (1.21 and later pass the server's 28P01 through; Debian's 1.18 sends 08P01).
 */
class SqlErrorsTest {

    @ParameterizedTest
    @CsvSource({"08P01", "28P01"})
    void thePoolersOwnRefusedLoginIsAnOutageNamingThePooler(String state) {
        SQLException relayed = new SQLException("FATAL: password authentication failed for user \"pgbouncer\"", state);

        assertThat(SqlErrors.isConnectivity(relayed, "oncall")).isTrue();
        assertThat(SqlErrors.refusedSetup(relayed, "db", "oncall")).isEmpty();
        StoreException e = SqlErrors.translateFirst(relayed, "connect", "db", "oncall");
        assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("cannot log in to PostgreSQL itself").contains("not yours")
                .doesNotContain("PGPASSWORD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "28P01|FATAL: password authentication failed for user \"oncall\"",
        "08P01|FATAL: password authentication failed",
        "08P01|FATAL: SASL authentication failed"})
    void theUsersOwnRefusedLoginIsTheirsToFix(String state, String message) {
        SQLException refused = new SQLException(message, state);

        assertThat(SqlErrors.isConnectivity(refused, "oncall")).isFalse();
        StoreException e = SqlErrors.translateFirst(refused, "connect", "db", "oncall");
        assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
        assertThat(e.getMessage()).contains("refused the console").contains("PGPASSWORD");
    }

    @Test
    void withTheConsolesUserUnknownOnlyTheRelayedFormIsThePoolers() {
        assertThat(SqlErrors.isConnectivity(new SQLException(
                "FATAL: password authentication failed for user \"pgbouncer\"", "08P01"), null)).isTrue();
        assertThat(SqlErrors.isConnectivity(new SQLException(
                "FATAL: password authentication failed for user \"oncall\"", "28P01"), null)).isFalse();
    }
}
