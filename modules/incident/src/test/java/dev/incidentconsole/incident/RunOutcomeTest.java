package dev.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a recorded run ended: what it says, and that entries written before outcomes were kept still read. */
class RunOutcomeTest {
    private final Incident opened = Incident.replay(java.util.List.of(IncidentDraft.of("Disk full", Severity.P2)
            .toEntry("alice", Timelines.clockAt("2026-11-22T03:02:00Z"))));

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "EXITED,    0,    exit 0",
            "EXITED,    1,    exit 1",
            "EXITED,    null, no exit code",
            "CANCELLED, 143,  cancelled by alice",
            "CANCELLED, null, cancelled by alice",
            "TIMED_OUT, 143,  timed out",
    })
    void aRunsEndingNamesWhoCancelledItAndLeavesOutTheSignalsExitCode(RunOutcome outcome, Integer exit, String words) {
        EntryBody.StepFinished f = EntryBody.StepFinished.ran("tail -f app.log", "local", exit, 4_900, "", null, outcome);
        assertThat(f.ending("alice")).isEqualTo(words);
    }

    @Test
    void anEntryStoredBeforeOutcomesWereKeptReadsAsExitedWithItsExitCode() throws Exception {
        TimelineEntry written = Timelines.at(opened, "alice", 60,
                new EntryBody.StepFinished("tail -f app.log", "local", 143, 4_900, "line", null));
        String json = IncidentJson.writeEntry(written);
        String old = json.replace(",\"outcome\":\"exited\"", "");
        assertThat(old).isNotEqualTo(json).doesNotContain("outcome");

        EntryBody.StepFinished read = (EntryBody.StepFinished) IncidentJson.readEntry(old).body();

        assertThat(read.outcome()).isEqualTo(RunOutcome.EXITED);
        assertThat(read.ending("alice")).isEqualTo("exit 143");
        assertThat(IncidentJson.readEntry(old)).isEqualTo(written);
    }

    @Test
    void aCancelledRunSurvivesTheStoresJsonAsCancelled() throws Exception {
        TimelineEntry written = Timelines.at(opened, "alice", 60, EntryBody.StepFinished.ran("tail -f app.log", "local",
                143, 4_900, "line", null, RunOutcome.CANCELLED));
        String json = IncidentJson.writeEntry(written);

        assertThat(json).contains("\"outcome\":\"cancelled\"");
        assertThat(IncidentJson.readEntry(json)).isEqualTo(written);
        assertThat(Redactor.standard().redact(written)).as("the outcome is no secret").isEqualTo(written);
    }

    @Test
    void anOutcomeALaterVersionWroteReadsAsExitedAndNoSessionSecretMasksAnOutcome() throws Exception {
        TimelineEntry written = Timelines.at(opened, "alice", 60, EntryBody.StepFinished.ran("tail -f app.log", "local",
                143, 4_900, "line", null, RunOutcome.TIMED_OUT));
        String later = IncidentJson.writeEntry(written).replace("\"outcome\":\"timed_out\"", "\"outcome\":\"killed\"");

        assertThat(((EntryBody.StepFinished) IncidentJson.readEntry(later).body()).outcome()).isEqualTo(RunOutcome.EXITED);
        assertThat(Redactor.standard().withSecrets(java.util.List.of("timed_out")).redact(written)).isEqualTo(written);
    }
}
