package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a health entry says was checked, for the probes whose real check needs a tool or server a machine may lack
 * (the recorder tests cover HTTP and TCP against real services): the credential never, the target always.
 */
class HealthEntryDetailTest {
    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of(CommandSpec.of("redis-cli -h 10.0.0.5 -a Hunter2Redis ping"), "connection refused",
                        "Hunter2Redis", "$ redis-cli -h 10.0.0.5 -a "),
                Arguments.of(CommandSpec.of("PGPASSWORD=Pgs3cretPw psql -h db -c 'select 1'"), "exit 2",
                        "Pgs3cretPw", "psql -h db"),
                Arguments.of(PostgresSpec.of("10.0.0.7", 5432, "orders", "monitor", "Ord3rsPw!"), "password authentication"
                        + " failed", "Ord3rsPw!", "10.0.0.7:5432"),
                Arguments.of(WebSocketSpec.of("wss://ops:W3bsockPw@stream.example:8443/live?token=abcTok3n99"),
                        "HTTP 401", "W3bsockPw", "WebSocket handshake wss://ops:"),
                Arguments.of(WebSocketSpec.of("wss://stream.example:8443/live?token=abcTok3n99"), "HTTP 401",
                        "abcTok3n99", "WebSocket handshake wss://stream.example:8443/live?token="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void aHealthEntryNamesTheCheckAndItsTargetWithTheCredentialMasked(ProbeSpec probe, String reason, String secret,
                                                                     String shown) {
        String detail = HealthRecorder.detail(ServiceSpec.of("svc", "127.0.0.1", 1, probe), reason);

        assertThat(detail).contains(shown).endsWith(": " + reason).doesNotContain(secret);
    }
}
