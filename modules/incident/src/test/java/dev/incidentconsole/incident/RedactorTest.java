package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The entry side of redaction; the secret forms themselves are tested on {@code SecretMasker} and the stores. */
class RedactorTest {
    private final Redactor redactor = Redactor.standard();

    @Test
    void valuesTheEnvironmentMarksSecretAreMaskedWherever() {
        Redactor withEnv = redactor.withSecrets(List.of("hunter2"));
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice", new EntryBody.Note("login ok for hunter2", null));
        assertThat(((EntryBody.Note) withEnv.redact(e).body()).text()).isEqualTo("login ok for ****");
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
    void aStepsCommandIsReadAsOneCommandAndSoIsOneContinuedInItsOutput() {
        String command = "redis-cli -h cache-1 \\\n  -a C0ntR3dis ping";
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepFinished(command, "local", 0, 20, command, null));
        EntryBody.StepFinished step = (EntryBody.StepFinished) redactor.redact(e).body();
        assertThat(step.command()).isEqualTo("redis-cli -h cache-1 \\\n  -a **** ping");
        assertThat(step.output()).as("free text joins the lines a command continues onto")
                .isEqualTo("redis-cli -h cache-1 \\\n  -a **** ping");
    }

    @Test
    void aPasswordTheCommandPrintsBackIsMaskedInTheStoredOutput() {
        String command = "redis-cli -p 56379 -a redissecret CONFIG GET requirepass";
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepFinished(command, "local", 0, 20, "requirepass\nredissecret", null));
        EntryBody.StepFinished step = (EntryBody.StepFinished) redactor.redact(e).body();
        assertThat(step.command()).isEqualTo("redis-cli -p 56379 -a **** CONFIG GET requirepass");
        assertThat(step.output()).isEqualTo("requirepass\n****");
    }

    @Test
    void aCommandsOwnSecretMasksOnlyItsOutputNotTheTargetNorTheStartsId() {
        // The password is the host's name and the hex digits of the started step's id.
        UUID started = UUID.fromString("0000beef-0000-4000-8000-00000000beef");
        String command = "redis-cli -h redis -a redis ping; redis-cli -a beef ping";
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepFinished(command, "redis", 0, 20, "redis beef PONG", started));
        EntryBody.StepFinished step = (EntryBody.StepFinished) redactor.redact(e).body();
        assertThat(step.target()).isEqualTo("redis");
        assertThat(step.started()).isEqualTo(started);
        assertThat(step.output()).isEqualTo("**** **** PONG");
    }

    @Test
    void anEntryWithoutSecretsIsReturnedAsItIs() {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice", new EntryBody.Note("all calm", null));
        assertThat(redactor.redact(e)).isSameAs(e);
    }

    @Test
    void aStepsRecordedValuesAreMaskedAsItsOutputAndWholeWhenTheirNameMarksASecret() {
        String command = "redis-cli -h cache-1 -a 'C0ntR3dis' ping";
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("host", "cache-1");
        values.put("password", "C0ntR3dis");
        values.put("token", "tk-81f2a9");
        values.put("user", "postgresql://app:pw123456@db/x");
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepStarted(command, "local", null, null, values));

        EntryBody.StepStarted step = (EntryBody.StepStarted) redactor.redact(e).body();

        assertThat(step.values()).containsExactly(Map.entry("host", "cache-1"), Map.entry("password", "****"),
                Map.entry("token", "****"), Map.entry("user", "postgresql://app:****@db/x"));
        assertThat(redactor.redact(redactor.redact(e))).as("idempotent").isEqualTo(redactor.redact(e));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password    | $Sup3rPw",
            "db_password | <not-a-placeholder>",
            "token       | {x1y2z3}",
            "PGPASSWORD  | ***secret",
            "api_key     | (k3y)",
            "secret      | &x;y",
            "password    | `s3cr3t`",
            "password    | 'unbalanced",
            "password    | ,c0mma"})
    void aValueWhoseNameMarksASecretIsMaskedWholeWhateverItLooksLike(String name, String value) {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepStarted("psql -h db -c 'select 1'", "local", null, null, Map.of(name, value)));

        EntryBody.StepStarted step = (EntryBody.StepStarted) redactor.redact(e).body();

        assertThat(step.values()).containsExactly(Map.entry(name, "****"));
    }

    @Test
    void aValueWithAHarmlessNameIsMaskedWhenTheCommandUsesItAsASecret() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("host", "cache-1");
        values.put("pw", "C0ntR3dis");
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepStarted("redis-cli -h cache-1 -a C0ntR3dis ping", "local", null, null, values));

        EntryBody.StepStarted step = (EntryBody.StepStarted) redactor.redact(e).body();

        assertThat(step.values()).containsExactly(Map.entry("host", "cache-1"), Map.entry("pw", "****"));
        assertThat(step.command()).isEqualTo("redis-cli -h cache-1 -a **** ping");
    }

    @Test
    void aWorkingDirectoryNamedPwdIsNoSecret() {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice",
                new EntryBody.StepStarted("ls /srv/app", "local", null, null, Map.of("pwd", "/srv/app")));

        assertThat(((EntryBody.StepStarted) redactor.redact(e).body()).values()).containsExactly(Map.entry("pwd", "/srv/app"));
    }

    @Test
    void aStepStartWrittenBeforeValuesWereKeptReadsThemAsNotRecorded() throws Exception {
        TimelineEntry e = TimelineEntry.create("INC-20261122-abcdef", "alice", new EntryBody.StepStarted("df -h", "local"));
        String json = IncidentJson.writeEntry(e);
        assertThat(json).contains("\"values\":null");

        TimelineEntry old = IncidentJson.readEntry(json.replace(",\"values\":null", ""));

        assertThat(((EntryBody.StepStarted) old.body()).values()).isNull();
        assertThat(old).isEqualTo(e);
    }
}
