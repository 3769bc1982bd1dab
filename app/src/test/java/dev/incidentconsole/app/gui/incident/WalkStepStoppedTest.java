package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.cli.IncidentEntryText;
import dev.incidentconsole.app.gui.run.HeldStartTasks;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stop pressed before a step's run started: nothing ran, and the step and the timeline say it was cancelled. */
class WalkStepStoppedTest extends WalkthroughFixture {
    @Test
    void aStepStoppedBeforeItStartedIsRecordedAsCancelledNotAsAFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("marker.md"), """
                # Marker

                ## Diagnosis

                ### Leave a mark
                ```bash
                touch MARKER
                ```
                """);
        HeldStartTasks tasks = new HeldStartTasks();
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Marker", null, tasks);
        WalkStep mark = walk.steps().get(0);
        walk.run(mark);

        mark.run().cancel();
        tasks.release();
        ui.runUntil(() -> !mark.run().runningProperty().get()
                && !mark.statusProperty().get().contains("recording"), WAIT);

        assertThat(mark.stateProperty().get()).isEqualTo(WalkStep.State.CANCELLED);
        assertThat(mark.statusProperty().get()).isEqualTo("Not run: stopped before it started.");
        List<TimelineEntry> stored = stored();
        assertThat(stored).extracting(TimelineEntry::kind).containsExactly("created", "step_started", "step_finished");
        EntryBody.StepFinished finished = (EntryBody.StepFinished) stored.get(2).body();
        assertThat(finished.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(finished.exitCode()).isNull();
        // the postmortem's reader must not take it for a command that ran on the host
        assertThat(IncidentEntryText.summary(stored.get(2)))
                .isEqualTo("not run: `touch MARKER` on local: stopped before it started");
        assertThat(IncidentEntryText.kindLabel(stored.get(2))).isEqualTo("not run");
        String markdown = IncidentExport.markdown(store.document(incidentId), ExportOptions.defaults());
        assertThat(markdown).contains(" alice · **Not run** `touch MARKER` on local: stopped before it started\n")
                .doesNotContain("**Ran**");
    }
}
