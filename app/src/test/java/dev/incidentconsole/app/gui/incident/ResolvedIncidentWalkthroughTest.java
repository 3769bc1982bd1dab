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
        assertThat(diagnosis.run().runningProperty().get()).isFalse();
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
}
