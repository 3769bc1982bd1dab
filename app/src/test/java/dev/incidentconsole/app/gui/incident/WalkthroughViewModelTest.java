package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough against a real embedded store and real local shells, the FX thread played by {@link TestUi}. */
class WalkthroughViewModelTest extends WalkthroughFixture {
    @Test
    void stepsFollowDiagnosisResolutionVerificationWhateverTheRunbookOrder() throws Exception {
        WalkthroughViewModel walk = web();
        assertThat(walk.steps()).extracting(WalkStep::kind).containsExactly(SectionKind.DIAGNOSIS,
                SectionKind.RESOLUTION, SectionKind.VERIFICATION, SectionKind.VERIFICATION);
        assertThat(walk.steps().get(0).command().text()).isEqualTo("echo diag-output");
    }

    @Test
    void numberedStepsAndOptionsUnderAPartHeadingBelongToThatPart() throws Exception {
        Path file = Files.writeString(dir.resolve("pool.md"), """
                # Pool exhausted

                ## Resolution

                ### Option A: Kill idle sessions
                ```bash
                echo option-a
                ```

                ## Diagnosis

                ### Step 1: Look at the pools
                ```bash
                echo step-1
                ```

                #### Reading the numbers
                ```bash
                echo step-1-detail
                ```

                ### Step 2: Who holds connections
                ```bash
                echo step-2
                ```

                ## Escalation

                ### Who to page
                ```bash
                echo page-dba
                ```
                """);
        Runbook runbook = new RunbookParser().parse(file);

        WalkthroughViewModel walk = walk(runbook, "Pool exhausted", null);

        assertThat(walk.steps()).extracting(s -> s.command().text())
                .containsExactly("echo step-1", "echo step-1-detail", "echo step-2", "echo option-a");
        assertThat(walk.steps()).extracting(WalkStep::kind).containsExactly(SectionKind.DIAGNOSIS,
                SectionKind.DIAGNOSIS, SectionKind.DIAGNOSIS, SectionKind.RESOLUTION);
    }

    @Test
    void runningAStepStreamsOutputAndRecordsStartAndFinishDurably() throws Exception {
        WalkthroughViewModel walk = web();
        WalkStep diag = walk.steps().get(0);
        runToEnd(walk, diag);

        assertThat(diag.stateProperty().get()).isEqualTo(WalkStep.State.SUCCEEDED);
        assertThat(diag.run().output()).extracting(OutputLine::text).containsExactly("diag-output");
        List<TimelineEntry> stored = stored();
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
    void aCancelledRunIsRecordedAsCancelledByTheUserNotAsAFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("logs.md"), """
                # Logs

                ## Diagnosis

                ### Follow the log
                ```bash
                echo following; tail -f /dev/null
                ```
                """);
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Logs", null);
        WalkStep follow = walk.steps().get(0);
        walk.run(follow);
        ui.runUntil(() -> follow.run().output().stream().anyMatch(l -> l.text().equals("following")), WAIT);

        follow.run().cancel();
        ui.runUntil(() -> !follow.run().runningProperty().get()
                && follow.statusProperty().get().startsWith("cancelled by alice after ")
                && !follow.statusProperty().get().contains("recording"), WAIT);

        assertThat(follow.stateProperty().get()).isEqualTo(WalkStep.State.CANCELLED);
        List<TimelineEntry> stored = stored();
        assertThat(stored).extracting(TimelineEntry::kind).containsExactly("created", "step_started", "step_finished");
        EntryBody.StepFinished finished = (EntryBody.StepFinished) stored.get(2).body();
        assertThat(finished.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(finished.output()).contains("following");
        assertThat(dev.incidentconsole.app.cli.IncidentEntryText.summary(stored.get(2)))
                .matches("ran `echo following; tail -f /dev/null` on local: cancelled by alice after \\d+(\\.\\d)? m?s");
        assertThat(dev.incidentconsole.app.cli.IncidentEntryText.kindLabel(stored.get(2))).isEqualTo("cancelled");
        assertThat(dev.incidentconsole.app.cli.IncidentEntryText.summary(stored.get(2)))
                .endsWith(": " + follow.statusProperty().get());
    }

    @Test
    void aDestructiveStepRunsOnlyAfterConfirmation() throws Exception {
        WalkthroughViewModel walk = web();
        WalkStep rm = walk.steps().get(3);
        assertThat(rm.command().dangerous()).isTrue();

        dialogs.confirm = false;
        walk.run(rm);

        assertThat(dialogs.asked).anyMatch(m -> m.contains("rm -rf /var/lib/app/cache"));
        assertThat(rm.stateProperty().get()).isEqualTo(WalkStep.State.TODO);
        assertThat(rm.run().messageProperty().get()).startsWith("Not run");
        assertThat(stored()).extracting(TimelineEntry::kind).containsExactly("created", "step_finished");
        EntryBody.StepFinished declined = (EntryBody.StepFinished) stored().get(1).body();
        assertThat(declined.notRun()).startsWith("the destructive command was not confirmed (")
                .contains(rm.command().danger().reason());
        assertThat(declined.exitCode()).isNull();
        assertThat(dev.incidentconsole.app.cli.IncidentEntryText.summary(stored().get(1)))
                .startsWith("not run: `rm -rf /var/lib/app/cache` on local: the destructive command was not confirmed");
    }

    @Test
    void aConfirmedDestructiveRunIsRecordedWithItsDangerAndWhoConfirmedIt() throws Exception {
        // Emptying a file is destructive wherever it lives (deleting a folder is not under /tmp, where CI may run).
        Path log = Files.writeString(dir.resolve("app.log"), "the only copy of last night's requests\n");
        Path file = Files.writeString(dir.resolve("cache.md"), """
                # Cache

                ## Stale sessions

                **Resolution:**
                ```bash
                : > %s
                ```
                """.formatted(log));
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Stale sessions", null);
        WalkStep rm = walk.steps().get(0);
        assertThat(rm.command().dangerous()).isTrue();

        dialogs.confirm = true;
        runToEnd(walk, rm);

        assertThat(log).isEmptyFile();
        List<TimelineEntry> stored = stored();
        assertThat(stored).extracting(TimelineEntry::kind).containsExactly("created", "step_started", "step_finished");
        EntryBody.StepStarted started = (EntryBody.StepStarted) stored.get(1).body();
        assertThat(started.danger()).isEqualTo(rm.command().danger().reason()).isNotBlank();
        assertThat(started.confirmedBy()).isEqualTo("alice");
        String md = dev.incidentconsole.incident.export.IncidentExport.markdown(store.document(incidentId),
                dev.incidentconsole.incident.export.ExportOptions.defaults());
        assertThat(md).contains("**Ran**", "exit 0", "; destructive: ", "; confirmed by alice");
    }

    @Test
    void doneAndSkipRecordNotesFromTheStep() throws Exception {
        WalkthroughViewModel walk = web();
        walk.done(walk.steps().get(0), "backend logs show OOM");
        walk.skip(walk.steps().get(1), "not needed");

        assertThat(walk.steps().get(0).stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(walk.steps().get(1).stateProperty().get()).isEqualTo(WalkStep.State.SKIPPED);
        assertThat(notes()).containsExactly("Done `echo diag-output`: backend logs show OOM", "Skipped `echo fixed`: not needed");
        assertThat(walk.steps().get(0).statusProperty().get()).isEqualTo("Done (recorded): backend logs show OOM");
    }

    @Test
    void aDoneNoteWithASecretShowsMaskedOnTheStepAsOnTheTimeline() throws Exception {
        WalkthroughViewModel walk = web();
        walk.done(walk.steps().get(0), "redis-cli -a R3disU8pw -p 27379 ping refused too");

        assertThat(notes()).containsExactly("Done `echo diag-output`: redis-cli -a **** -p 27379 ping refused too");
        assertThat(walk.steps().get(0).statusProperty().get())
                .isEqualTo("Done (recorded): redis-cli -a **** -p 27379 ping refused too");
    }

    @Test
    void eachStepStartsOnTheTargetItsRunnerSuggestsAndTakesValuesFromIt() throws Exception {
        TargetInfo kube = new TargetInfo(KubeTarget.of("prod-eu", "payments", true), "kubectl", "prod-eu/payments",
                "environments.yaml");
        catalog.set(new TargetCatalog(List.of(TargetCatalog.localOnly().targets().get(0), kube), List.of(), null));
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);

        WalkStep echo = walk.steps().get(0);
        WalkStep kubectl = walk.steps().get(1);
        assertThat(echo.run().targetProperty().get().name()).isEqualTo("local");
        assertThat(kubectl.run().targetProperty().get()).isEqualTo(kube);
        assertThat(field(kubectl, "namespace").value()).isEqualTo("payments");
        assertThat(walk.steps().get(3).run().targetProperty().get().name()).as("an echo step stays local").isEqualTo("local");
    }

    @Test
    void switchingAStepToProductionAsksFirstAndRecordsWhereItRan() throws Exception {
        TargetInfo prod = new TargetInfo(new LocalTarget("prod-box", dir, Map.of(), true), "local", "this machine", "test");
        catalog.set(new TargetCatalog(List.of(TargetCatalog.localOnly().targets().get(0), prod), List.of(), null));
        WalkthroughViewModel walk = web();
        WalkStep diag = walk.steps().get(0);

        dialogs.confirm = false;
        assertThat(diag.run().chooseTarget(prod)).isFalse();
        assertThat(diag.run().targetProperty().get().name()).isEqualTo("local");
        dialogs.confirm = true;
        assertThat(diag.run().chooseTarget(prod)).isTrue();
        runToEnd(walk, diag);

        assertThat(dialogs.titles).containsExactly("Switch to a production target?", "Switch to a production target?");
        assertThat(walk.steps().get(1).run().targetProperty().get().name()).as("other steps keep theirs").isEqualTo("local");
        EntryBody.StepStarted started = (EntryBody.StepStarted) stored().get(1).body();
        assertThat(started.target()).isEqualTo("prod-box");
    }

    @Test
    void placeholdersArePrefilledFromTheFailingServiceAndRecordedQuoted() throws Exception {
        ServiceSpec spec = ServiceSpec.of("checkout", "checkout.internal", 8443, HttpSpec.get("https://checkout.internal:8443/health"));
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", ServiceLink.of(spec, "staging"));
        WalkStep probe = walk.steps().get(2);

        assertThat(field(probe, "url").value()).isEqualTo("https://checkout.internal:8443/health");
        assertThat(field(probe, "host").value()).isEqualTo("checkout.internal");
        assertThat(field(probe, "port").value()).isEqualTo("8443");
        assertThat(field(walk.steps().get(4), "database").value()).as("an HTTP service knows no database").isEmpty();
        runToEnd(walk, probe);

        assertThat(probe.run().output()).extracting(OutputLine::text)
                .containsExactly("probe https://checkout.internal:8443/health on checkout.internal:8443");
        EntryBody.StepStarted started = (EntryBody.StepStarted) stored().get(1).body();
        assertThat(started.command()).isEqualTo("echo probe 'https://checkout.internal:8443/health' on 'checkout.internal':'8443'");
    }

    @Test
    void runStaysDisabledWhileARequiredPlaceholderIsEmpty() throws Exception {
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep pod = walk.steps().get(0);

        assertThat(pod.run().canRunProperty().get()).isFalse();
        assertThat(pod.missingProperty().get()).isEqualTo("<pod>");
        walk.run(pod);
        assertThat(pod.run().messageProperty().get()).isEqualTo("Fill in <pod> first.");
        assertThat(stored()).extracting(TimelineEntry::kind).containsExactly("created");

        field(pod, "pod").valueProperty().set("api-7f9");
        assertThat(pod.run().canRunProperty().get()).isTrue();
    }

    @Test
    void valuesTypedOrCapturedEarlierFillTheLaterSteps() throws Exception {
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep first = walk.steps().get(0);
        WalkStep restart = walk.steps().get(3);
        field(first, "pod").valueProperty().set("api 7f9");
        runToEnd(walk, first);

        assertThat(((EntryBody.StepStarted) stored().get(1).body()).command()).isEqualTo("echo pod 'api 7f9'");
        assertThat(field(restart, "pod").value()).isEqualTo("api 7f9");

        field(restart, "namespace").valueProperty().set("typed-ns");
        walk.capture(first, "pod", " api-2 ");
        walk.capture(first, "namespace", "shop");

        assertThat(field(restart, "pod").value()).as("an offered value follows the capture").isEqualTo("api-2");
        assertThat(field(restart, "namespace").value()).as("a typed value stays").isEqualTo("typed-ns");
        assertThat(field(walk.steps().get(1), "namespace").value()).isEqualTo("shop");
        assertThat(notes()).contains("Captured pod = api-2 from the output of `echo pod 'api 7f9'`");
    }

    @Test
    void aValueAStepsTargetGaveFillsOnlyEmptyFieldsOfLaterSteps() throws Exception {
        TargetInfo box = new TargetInfo(new LocalTarget("box", dir, Map.of("NAMESPACE", "shop"), false), "local", "box", "test");
        catalog.set(new TargetCatalog(List.of(TargetCatalog.localOnly().targets().get(0), box), List.of(), null));
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep restart = walk.steps().get(3);
        WalkStep kubectl = walk.steps().get(1);
        field(kubectl, "namespace").valueProperty().set("typed-ns");
        WalkStep echo = walk.steps().get(0);

        assertThat(restart.run().chooseTarget(box)).isTrue();
        assertThat(field(restart, "namespace").value()).isEqualTo("shop");
        field(restart, "pod").valueProperty().set("api-1");
        runToEnd(walk, restart);

        assertThat(restart.run().output()).extracting(OutputLine::text).containsExactly("restart api-1 in shop");
        assertThat(field(echo, "pod").value()).as("typed: offered to the others").isEqualTo("api-1");
        assertThat(field(kubectl, "namespace").value()).as("never over a typed value").isEqualTo("typed-ns");
        field(kubectl, "namespace").valueProperty().set("");
        walk.capture(echo, "pod", "api-2"); // any later offer round fills the now empty field from what box gave
        assertThat(field(kubectl, "namespace").value()).isEqualTo("shop");
    }

    /**
     * The reviewer's finding: a field offered what another step's target gave kept that value when the engineer then
     * chose a target of the step's own that gives another. A value the engineer did not type follows the chosen
     * target; a typed one stays whatever the target.
     */
    @Test
    void choosingAStepsTargetReplacesAValueOfferedFromAnotherTargetButNeverATypedOne() throws Exception {
        TargetInfo staging = new TargetInfo(new LocalTarget("staging", dir, Map.of("NAMESPACE", "shop-staging"), false),
                "local", "staging", "test");
        TargetInfo eu = new TargetInfo(new LocalTarget("eu", dir, Map.of("NAMESPACE", "shop-eu"), false), "local", "eu", "test");
        TargetInfo local = TargetCatalog.localOnly().targets().get(0);
        catalog.set(new TargetCatalog(List.of(local, staging, eu), List.of(), null));
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep restart = walk.steps().get(3);
        WalkStep kubectl = walk.steps().get(1);
        assertThat(restart.run().chooseTarget(staging)).isTrue();
        field(restart, "pod").valueProperty().set("api-1");
        runToEnd(walk, restart);
        assertThat(field(kubectl, "namespace").value()).as("offered from staging").isEqualTo("shop-staging");

        assertThat(kubectl.run().chooseTarget(eu)).isTrue();
        assertThat(field(kubectl, "namespace").value()).as("the chosen target's own").isEqualTo("shop-eu");
        assertThat(kubectl.run().chooseTarget(local)).isTrue();
        assertThat(field(kubectl, "namespace").value()).as("a target knowing none: offered again").isEqualTo("shop-staging");
        catalog.set(new TargetCatalog(List.of(local, staging, eu), List.of(), null)); // discovery again: nothing moves
        assertThat(field(kubectl, "namespace").value()).isEqualTo("shop-staging");

        field(kubectl, "namespace").valueProperty().set("typed-ns");
        assertThat(kubectl.run().chooseTarget(eu)).isTrue();
        assertThat(field(kubectl, "namespace").value()).as("typed: stays").isEqualTo("typed-ns");
    }
}
