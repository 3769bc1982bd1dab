package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
    private final Redactor redactor = Redactor.standard();

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.incident.SecretForms#all")
    void secretsAreMaskedAndTheKeyNameKept(String text, String secret, String expected) {
        String masked = redactor.redact(text);
        assertThat(masked).isEqualTo(expected).doesNotContain(secret);
        assertThat(redactor.redact(masked)).as("idempotent").isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kubectl -n payments get pods -o wide",
            "psql -h db-2 -U app -c 'select count(*) from orders'",
            "docker login --password-stdin -u ci registry.internal",
            "curl -sS https://status.internal/healthz",
            "ssh -p 2222 ops@bastion uptime",
            "grep -c token_expired /var/log/app.log",
            "SELECT * FROM pg_stat_replication",
    })
    void ordinaryCommandsAreLeftAlone(String command) {
        assertThat(redactor.redact(command)).isEqualTo(command);
    }

    @Test
    void valuesTheEnvironmentMarksSecretAreMaskedWherever() {
        Redactor withEnv = redactor.withSecrets(List.of("hunter2", "correct-horse", "ab"));
        assertThat(withEnv.redact("login ok for hunter2; key correct-horse-battery"))
                .isEqualTo("login ok for ****; key ****-battery");
        assertThat(withEnv.redact("table ab")).as("too short to be a secret").isEqualTo("table ab");
    }

    @Test
    void everyTextOfAnEntryIsMaskedButItsIdentityIsKept() {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice", new EntryBody.AlertChanged(
                "DbAuthFailures", "firing", Map.of("dsn", "postgresql://app:pw123456@db"), "token=abc123 rejected"));
        TimelineEntry masked = redactor.redact(e);
        EntryBody.AlertChanged a = (EntryBody.AlertChanged) masked.body();
        assertThat(a.labels()).containsEntry("dsn", "postgresql://app:****@db");
        assertThat(a.summary()).isEqualTo("token=**** rejected");
        assertThat(masked.id()).isEqualTo(e.id());
        assertThat(masked.occurredAt()).isEqualTo(e.occurredAt());
        assertThat(masked.kind()).isEqualTo("alert");
    }

    @Test
    void anEntryWithoutSecretsIsReturnedAsItIs() {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice", new EntryBody.Note("all calm", null));
        assertThat(redactor.redact(e)).isSameAs(e);
    }
}
