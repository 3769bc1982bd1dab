package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough against a real embedded store and real local processes, without a screen. */
class WalkthroughViewModelTest {
    @TempDir
    Path dir;

    private IncidentStore store;
    private CommandRunner runner;
    private IncidentViewModel incidents;
    private WalkthroughViewModel walk;
    private final WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults().withOutputDir(dir.resolve("runs")));
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        Runbook runbook = WalkRunbook.write(dir);
        incidents.start(IncidentDraft.of("Checkout 502s", Severity.P1), i -> { });
        String id = incidents.selectedProperty().get().id();
        walk = new WalkthroughViewModel(id, runbook, WalkRunbook.procedure(runbook), incidents.timeline(), runner,
                new DirectTaskExecutor(), Runnable::run, dialogs, LocalTarget.here());
    }

    @AfterEach
    void close() {
        runner.close();
        store.close();
    }

    @Test
    void stepsFollowDiagnosisResolutionVerificationWhateverTheRunbookOrder() {
        assertThat(walk.steps()).extracting(WalkStep::kind).containsExactly(SectionKind.DIAGNOSIS,
                SectionKind.RESOLUTION, SectionKind.VERIFICATION, SectionKind.VERIFICATION);
        assertThat(walk.steps().get(0).command().text()).isEqualTo("echo diag-output");
    }

    @Test
    void runningAStepStreamsOutputAndRecordsStartAndFinishDurably() throws Exception {
        WalkStep diag = walk.steps().get(0);
        walk.run(diag);
        await().atMost(Duration.ofSeconds(20)).until(() -> diag.stateProperty().get() == WalkStep.State.SUCCEEDED);

        assertThat(diag.output()).containsExactly("diag-output");
        List<TimelineEntry> stored = store.entries(walk.incidentId(), 0);
        assertThat(stored).extracting(TimelineEntry::kind).containsExactly("created", "step_started", "step_finished");
        EntryBody.StepFinished finished = (EntryBody.StepFinished) stored.get(2).body();
        assertThat(finished.exitCode()).isZero();
        assertThat(finished.output()).isEqualTo("diag-output");
        assertThat(finished.target()).isEqualTo("local");
        assertThat(finished.started()).isEqualTo(stored.get(1).id());
        assertThat(stored.get(2).source().headingPath()).endsWith("Diagnosis");
        assertThat(incidents.timeline().entries()).extracting(TimelineEntry::id)
                .containsExactlyElementsOf(stored.stream().map(TimelineEntry::id).toList());
    }

    @Test
    void aDestructiveStepRunsOnlyAfterConfirmation() throws Exception {
        WalkStep rm = walk.steps().get(3);
        assertThat(rm.command().dangerous()).isTrue();

        dialogs.confirm = false;
        walk.run(rm);

        assertThat(dialogs.asked).anyMatch(m -> m.contains("rm -rf /var/lib/app/cache"));
        assertThat(rm.stateProperty().get()).isEqualTo(WalkStep.State.TODO);
        assertThat(rm.statusProperty().get()).contains("declined");
        assertThat(store.entries(walk.incidentId(), 0)).extracting(TimelineEntry::kind).containsExactly("created");
    }

    @Test
    void doneAndSkipRecordNotesFromTheStep() throws Exception {
        walk.done(walk.steps().get(0), "backend logs show OOM");
        walk.skip(walk.steps().get(1), "not needed");

        assertThat(walk.steps().get(0).stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(walk.steps().get(1).stateProperty().get()).isEqualTo(WalkStep.State.SKIPPED);
        List<String> notes = store.entries(walk.incidentId(), 0).stream().filter(e -> e.body() instanceof EntryBody.Note)
                .map(e -> ((EntryBody.Note) e.body()).text()).toList();
        assertThat(notes).containsExactly("Done `echo diag-output`: backend logs show OOM", "Skipped `echo fixed`: not needed");
    }
}
