package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

/** Colleague's report: a resolved incident's walkthrough still ran steps onto its closed timeline. */
class ResolvedIncidentWalkthroughTest extends WalkthroughFixture {
    @Test
    void aResolvedIncidentsStepsDoNotRunAndSayWhyUntilItIsReopened() throws Exception {
        WalkthroughViewModel walk = web();
        WalkStep diagnosis = walk.steps().get(0);
        assertThat(walk.runBlockedProperty().get()).isEmpty();

        incidents.timeline().changeStatus(Status.RESOLVED);
        walk.run(diagnosis);

        assertThat(walk.runBlockedProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);
        assertThat(diagnosis.statusProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);
        assertThat(diagnosis.run().resultProperty().get()).as("no run, no result").isNull();
        assertThat(diagnosis.run().outputFileProperty().get()).as("no run, no output file").isNull();
        assertThat(stored()).extracting(TimelineEntry::kind).doesNotContain("step_started", "step_finished");

        incidents.timeline().changeStatus(Status.INVESTIGATING);
        runToEnd(walk, diagnosis);

        assertThat(walk.runBlockedProperty().get()).isEmpty();
        assertThat(stored()).extracting(TimelineEntry::kind).contains("step_started", "step_finished");
    }

    @Test
    void aWalkthroughOpenedOnAnAlreadyResolvedIncidentStartsBlocked() throws Exception {
        incidents.timeline().changeStatus(Status.RESOLVED);

        WalkthroughViewModel walk = web();

        assertThat(walk.runBlockedProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);
    }

    /** Reviewer: Done, Skip and captured values still wrote to a resolved incident's timeline. */
    @Test
    void onAResolvedIncidentDoneSkipAndCaptureWriteNothingAndSayWhy() throws Exception {
        WalkthroughViewModel walk = web();
        WalkStep first = walk.steps().get(0);
        WalkStep second = walk.steps().get(1);
        incidents.timeline().changeStatus(Status.RESOLVED);
        int before = stored().size();

        // false tells the card to keep the typed note: it was erased while nothing was recorded
        assertThat(walk.done(first, "looked fine")).as("Done refused").isFalse();
        assertThat(walk.skip(second, "not needed")).as("Skip refused").isFalse();
        walk.capture(first, "pod", "web-1");

        assertThat(stored()).as("nothing more on the closed timeline").hasSize(before);
        assertThat(first.stateProperty().get()).isNotEqualTo(WalkStep.State.DONE);
        assertThat(second.stateProperty().get()).isNotEqualTo(WalkStep.State.SKIPPED);
        assertThat(first.statusProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);
        assertThat(second.statusProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);

        incidents.timeline().changeStatus(Status.INVESTIGATING);
        assertThat(walk.done(first, "looked fine")).isTrue();

        assertThat(first.stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(notes()).anyMatch(n -> n.contains("looked fine"));
    }
}
