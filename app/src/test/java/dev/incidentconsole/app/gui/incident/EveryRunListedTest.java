package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunFeature;
import dev.incidentconsole.app.gui.run.RunHistory;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * "What did I run in the last hour": the Runs view's history lists the runs of a walkthrough's steps beside those
 * started from the Runs view's own tabs, each saying where it came from (the try-out found only the ad-hoc ones).
 * Real local shells, a real embedded store.
 */
class EveryRunListedTest extends WalkthroughFixture {
    @Test
    void walkthroughRunsAreListedWithAdHocOnesNewestFirstWithTheirOrigin() throws Exception {
        RunServices run = new RunServices(runner, new DirectTaskExecutor(), ui, dialogs,
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        CommandRunViewModel adHoc = new CommandRunViewModel(RunFeature.commandOf("PGPASSWORD=hunter2 echo ad-hoc"),
                TargetCatalog.localOnly(), run);
        adHoc.run();
        ui.runUntil(() -> !adHoc.runningProperty().get() && !run.history().runs().isEmpty()
                && run.history().runs().get(0).outcomeProperty().get().startsWith("exit"), WAIT);

        var runbook = WalkRunbook.write(dir);
        WalkthroughViewModel walk = new WalkthroughViewModel(incidentId, runbook,
                WalkRunbook.section(runbook, "Backend failing"), incidents.timeline(), new WalkServices(run, catalog, ServiceWatch.NONE, (d, t) -> () -> { },
                Clock.systemDefaultZone()), null);
        runToEnd(walk, walk.steps().get(0));

        assertThat(run.history().runs()).hasSize(2);
        RunHistory.Run stepRun = run.history().runs().get(0);
        assertThat(stepRun.command()).isEqualTo("echo diag-output");
        assertThat(stepRun.origin()).startsWith("Walkthrough " + incidentId).contains("Backend failing");
        assertThat(stepRun.outcomeProperty().get()).isEqualTo("exit 0");
        assertThat(stepRun.target()).isEqualTo("local");
        RunHistory.Run adHocRun = run.history().runs().get(1);
        assertThat(adHocRun.origin()).isEqualTo(RunHistory.AD_HOC);
        assertThat(adHocRun.command()).endsWith("echo ad-hoc").doesNotContain("hunter2");
        assertThat(adHocRun.summary()).contains("exit 0").endsWith("UTC \u00b7 exit 0 \u00b7 local");
    }
}
