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

/**
 * What a walkthrough records on the timeline and reads back from it: a long run's excerpt counted alike everywhere,
 * and a walkthrough opened again (after a restart) put back where the timeline says it was.
 */
class WalkthroughTimelineTest extends WalkthroughFixture {
    /**
     * The try-out's defect: the window said "26 lines omitted" of a 10,000-line run, the exports "9970"; and the
     * lines printed before the 10,000 kept in memory were not counted at all.
     */
    @Test
    void aLongRunsExcerptCountsTheSameOmittedLinesInTheTimelineAndTheExports() throws Exception {
        Path file = Files.writeString(dir.resolve("long.md"), """
                # Long

                ## Diagnosis

                ### Dump it
                ```bash
                seq 1 12000
                ```
                """);
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Long", null);
        runToEnd(walk, walk.steps().get(0));

        TimelineEntry finished = stored().get(2);
        String stored = ((EntryBody.StepFinished) finished.body()).output();
        assertThat(stored.lines().toList()).hasSize(31).startsWith("… 11970 lines omitted …").endsWith("12000");
        assertThat(dev.incidentconsole.app.cli.IncidentEntryText.outputTail(finished, 8))
                .containsExactly("… 11995 lines omitted …", "11996", "11997", "11998", "11999", "12000");
        String markdown = dev.incidentconsole.incident.export.IncidentExport.markdown(
                dev.incidentconsole.incident.IncidentDocument.of(stored()),
                dev.incidentconsole.incident.export.ExportOptions.defaults());
        assertThat(markdown).contains("… 11970 lines omitted …").doesNotContain("lines omitted …\n  11970");
        String html = dev.incidentconsole.incident.export.IncidentExport.html(
                dev.incidentconsole.incident.IncidentDocument.of(stored()),
                dev.incidentconsole.incident.export.ExportOptions.defaults().withLines(2, 5));
        assertThat(html).contains("… 11995 lines omitted …").doesNotContain("11970 lines");
    }

    /**
     * The try-out's defect: the app closed (or killed) during a walkthrough, reopened and the incident joined again,
     * and the walkthrough started from nothing though the timeline had every entry. A new store on the same file and a
     * new walkthrough is the restart.
     */
    @Test
    void aWalkthroughOpenedAgainAfterARestartIsWhereTheTimelineSaysItWas() throws Exception {
        Runbook checkout = WalkRunbook.writeCheckout(dir);
        WalkthroughViewModel before = walk(checkout, "Checkout down", null);
        WalkStep pod = before.steps().get(0);
        field(pod, "pod").valueProperty().set("api 7f9");
        runToEnd(before, pod);
        before.done(pod, "api is OOMKilled");
        before.capture(pod, "namespace", "shop");
        before.skip(before.steps().get(2), "no probe needed");
        field(before.steps().get(4), "database").valueProperty().set("orders"); // typed, never run: not kept
        store.close();

        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        WalkthroughViewModel after = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        after.restore(store.entries(incidentId, 0));

        List<WalkStep> steps = after.steps();
        assertThat(steps).extracting(s -> s.stateProperty().get()).containsExactly(WalkStep.State.DONE,
                WalkStep.State.TODO, WalkStep.State.SKIPPED, WalkStep.State.TODO, WalkStep.State.TODO);
        assertThat(steps.get(0).statusProperty().get()).isEqualTo("Done (recorded): api is OOMKilled");
        assertThat(steps.get(0).commandText()).isEqualTo("echo pod 'api 7f9'");
        assertThat(steps.get(2).statusProperty().get()).isEqualTo("Skipped (recorded): no probe needed");
        assertThat(field(steps.get(0), "pod").value()).as("the value it ran with").isEqualTo("api 7f9");
        assertThat(field(steps.get(3), "pod").value()).as("offered to the steps still to run").isEqualTo("api 7f9");
        assertThat(field(steps.get(3), "namespace").value()).as("captured").isEqualTo("shop");
        assertThat(field(steps.get(1), "namespace").value()).isEqualTo("shop");

        runToEnd(after, steps.get(3));
        assertThat(steps.get(3).run().output()).extracting(OutputLine::text).containsExactly("restart api 7f9 in shop");
    }

    @Test
    void aRestoredRunSaysHowItEndedAsTheTimelineDoesAndARunCutShortByTheRestartCanRunAgain() throws Exception {
        WalkthroughViewModel before = web();
        runToEnd(before, before.steps().get(0));
        WalkStep fix = before.steps().get(1);
        incidents.timeline().record(incidentId, new EntryBody.StepStarted("echo fixed", "local"), fix.ref(), null);

        WalkthroughViewModel after = web();
        List<TimelineEntry> entries = stored();
        after.restore(entries);

        WalkStep diag = after.steps().get(0);
        assertThat(diag.stateProperty().get()).isEqualTo(WalkStep.State.SUCCEEDED);
        assertThat("ran `echo diag-output` on local: " + diag.statusProperty().get())
                .isEqualTo(dev.incidentconsole.app.cli.IncidentEntryText.summary(entries.get(2)));
        assertThat(diag.run().output()).as("the recorded output, shown as a finished run's").extracting(OutputLine::text)
                .containsExactlyElementsOf(((EntryBody.StepFinished) entries.get(2).body()).output().lines().toList())
                .contains("diag-output");
        assertThat(after.steps().get(1).stateProperty().get()).isEqualTo(WalkStep.State.TODO);
        assertThat(after.steps().get(1).statusProperty().get()).as("UTC, like the timeline it comes from")
                .matches("Started at \\d\\d:\\d\\d:\\d\\d UTC on local; no result was recorded");
        assertThat(after.steps().get(1).run().output()).isEmpty();
    }

    /**
     * The try-out's defect: after a restart, selecting the incident in the list showed no walkthrough; only joining
     * again from the section did. The incident offers the sections that were walked, never one only linked.
     */
    @Test
    void anIncidentOffersBackTheWalkthroughsStartedOnItAndNoOtherLinkedSection() throws Exception {
        Runbook web = WalkRunbook.write(dir);
        dev.incidentconsole.incident.RunbookLink walked = new dev.incidentconsole.incident.RunbookLink(
                "runbooks/" + web.file().getFileName(), List.of("Web", "Backend failing"));
        dev.incidentconsole.incident.RunbookLink onlyLinked = new dev.incidentconsole.incident.RunbookLink(
                "runbooks/db.md", List.of("Database", "Replication lag"));
        incidents.join(store.get(incidentId).orElseThrow(), onlyLinked, dir, i -> { });
        incidents.join(store.get(incidentId).orElseThrow(), walked, dir, i -> { });
        assertThat(WalkResume.walked(store.get(incidentId).orElseThrow(), stored())).as("nothing walked yet").isEmpty();

        WalkthroughViewModel walk = walk(web, "Backend failing", null);
        runToEnd(walk, walk.steps().get(0));

        assertThat(WalkResume.walked(store.get(incidentId).orElseThrow(), stored())).containsExactly(walked);
    }

    @Test
    void valuesAreReadBackFromTheCommandAsItRanWhateverTheQuotingButNeverAMaskedSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("q.md"), """
                # Q

                ## Diagnosis

                ```bash
                kubectl logs "<pod>" -n '<ns>' --since=<since> --token <token>
                ```
                """);
        dev.incidentconsole.runbook.Command c = new RunbookParser().parse(file).sections().stream()
                .flatMap(s -> s.commands().stream()).findFirst().orElseThrow();
        String ran = "kubectl logs \"web \\$(id) \\\"1\\\"\" -n '''it'\\''s''' --since='1h' --token '****'";

        Map<String, String> values = WalkRestore.valuesIn(c, ran);

        assertThat(values).containsExactly(Map.entry("pod", "web $(id) \"1\""), Map.entry("ns", "it's"),
                Map.entry("since", "1h"));
    }

    @Test
    void aValueTheConsoleWouldNowRefuseWhereItStandsIsNotReadBackAndTheOthersAre() throws Exception {
        dev.incidentconsole.runbook.Command c = backticksCommand();

        // recorded by an older version, which quoted a value inside backticks instead of refusing it
        Map<String, String> values = WalkRestore.valuesIn(c, "echo `printf %s 'a b'` 'shop'");

        assertThat(values).containsExactly(Map.entry("ns", "shop"));
    }

    @Test
    void aRecordedValueTheConsoleWouldNowRefuseWhereItStandsIsNotReadBackAndTheOthersAre() throws Exception {
        dev.incidentconsole.runbook.Command c = backticksCommand();
        Map<String, String> recorded = new java.util.LinkedHashMap<>();
        recorded.put("word", "a b");
        recorded.put("ns", "shop eu");

        // recorded by an older version, which quoted a value inside backticks instead of refusing it
        Map<String, String> values = WalkRestore.ranWith(c, new EntryBody.StepStarted(
                "echo `printf %s 'a b'` 'shop eu'", "local", null, null, recorded));

        assertThat(values).containsExactly(Map.entry("ns", "shop eu"));
    }

    /** A command with a placeholder inside backticks, where the console runs only bare values, and one in quotes. */
    private dev.incidentconsole.runbook.Command backticksCommand() throws Exception {
        Path file = Files.writeString(dir.resolve("ticks.md"), """
                # Ticks

                ## Diagnosis

                ```bash
                echo `printf %s <word>` '<ns>'
                ```
                """);
        return new RunbookParser().parse(file).sections().stream()
                .flatMap(s -> s.commands().stream()).findFirst().orElseThrow();
    }

    @Test
    void aCommandThatSplitsMoreThanOneWayGivesBackNoneOfItsValues() throws Exception {
        Path file = Files.writeString(dir.resolve("split.md"), """
                # Split

                ## Diagnosis

                ```bash
                echo '<service>-<env>' "<region>" '<zone>'
                ```
                """);
        dev.incidentconsole.runbook.Command c = new RunbookParser().parse(file).sections().stream()
                .flatMap(s -> s.commands().stream()).findFirst().orElseThrow();

        Map<String, String> values = WalkRestore.valuesIn(c, "echo 'api-gateway-prod' \"eu-west\" 'eu-west-1a'");

        assertThat(values).containsExactly(Map.entry("region", "eu-west"), Map.entry("zone", "eu-west-1a"));
    }

    @Test
    void aCapturedValueTheStoreMaskedIsNotFilledBackAfterARestart() throws Exception {
        WalkthroughViewModel before = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        before.capture(before.steps().get(0), "namespace", "postgres://app:s3cretpw@db/x");
        assertThat(notes()).anyMatch(n -> n.contains("postgres://app:****@db/x"));

        WalkthroughViewModel after = reopened();

        assertThat(field(after.steps().get(3), "namespace").value()).isEmpty();
    }

    /**
     * A step ran on staging; after the restart a step on prod keeps prod's namespace, as it would have without the
     * restart (a value a run's target gave fills only fields nothing else filled).
     */
    @Test
    void aValueARestoredRunTookFromItsTargetDoesNotOutrankAnotherTargetsOwn() throws Exception {
        TargetInfo staging = new TargetInfo(new LocalTarget("staging", dir, Map.of("NAMESPACE", "shop-staging"), false),
                "local", "staging", "test");
        TargetInfo prod = new TargetInfo(new LocalTarget("prod", dir, Map.of("NAMESPACE", "shop-prod"), false),
                "local", "prod", "test");
        catalog.set(new TargetCatalog(List.of(TargetCatalog.localOnly().targets().get(0), staging, prod), List.of(), null));
        WalkthroughViewModel before = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep restart = before.steps().get(3);
        assertThat(restart.run().chooseTarget(staging)).isTrue();
        field(restart, "pod").valueProperty().set("api-1");
        runToEnd(before, restart);
        assertThat(restart.run().output()).extracting(OutputLine::text).containsExactly("restart api-1 in shop-staging");

        WalkthroughViewModel after = restarted();
        WalkStep kubectl = after.steps().get(1);
        assertThat(kubectl.run().chooseTarget(prod)).isTrue();
        after.restore(store.entries(incidentId, 0));

        assertThat(field(kubectl, "namespace").value()).isEqualTo("shop-prod");
        assertThat(field(after.steps().get(0), "pod").value()).as("typed: still offered").isEqualTo("api-1");
    }

    @Test
    void aVerificationStepItsWaitSawUpAgainIsDoneAgainAfterARestart() throws Exception {
        WalkthroughViewModel before = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep verify = before.steps().get(4);
        String note = StepNotes.upAgain("checkout", java.time.Instant.parse("2026-12-06T14:02:07Z"));
        incidents.timeline().record(incidentId, new EntryBody.Note(note, null), verify.ref(), null);

        WalkthroughViewModel after = reopened();

        assertThat(after.steps().get(4).stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(after.steps().get(4).statusProperty().get()).isEqualTo("Done: " + note + " (recorded)");
        assertThat(note).as("UTC, like the timeline").isEqualTo("checkout is UP again at 14:02:07 UTC");
        assertThat(StepNotes.isUpAgain("checkout is UP again at 14:02:07")).as("stored before UTC").isTrue();
        assertThat(StepNotes.isUpAgain("checkout is UP again at soon")).isFalse();
    }

    @Test
    void aStepsClosingAndCaptureNotesHoldTheCommandAsItRanMaskedAndAreStillReadBack() {
        // a typed password shaped like a placeholder, quoted as the console quotes values: the store masks notes as
        // free text, where '<x>' is a placeholder, so the note must carry it masked already
        String ran = "redis-cli -h cache-1 -a '<R3disPw>' info replication";

        String closing = StepNotes.closing(StepNotes.DONE, ran, "replica lag 0");
        String capture = StepNotes.capture("role", "master", ran);

        assertThat(closing).doesNotContain("R3disPw").isEqualTo(
                "Done `redis-cli -h cache-1 -a '****' info replication`: replica lag 0");
        assertThat(capture).doesNotContain("R3disPw");
        assertThat(StepNotes.readClosing(closing, ran)).contains(new StepNotes.Closing(StepNotes.DONE, "replica lag 0"));
        assertThat(StepNotes.readCapture(capture)).contains(new StepNotes.Capture("role", "master"));
    }

    /**
     * The reviewer's finding: the values a step ran with were only read back from the command it recorded, which a
     * {@code <service>-<env>} run as {@code api-gateway-prod} cannot give. Its start now records them, a secret masked.
     */
    @Test
    void aRunsStartRecordsTheValuesItRanWithAndAReopenedWalkthroughTakesThemFirst() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.md"), """
                # Gateway

                ## Gateway down

                **Diagnosis:**
                ```bash
                echo '<service>-<env>' in <region> --password <password>
                ```

                **Resolution:**
                ```bash
                echo restart <service> in <env>
                ```
                """);
        WalkthroughViewModel before = walk(new RunbookParser().parse(file), "Gateway down", null);
        WalkStep diag = before.steps().get(0);
        field(diag, "service").valueProperty().set("api-gateway");
        field(diag, "env").valueProperty().set("prod");
        field(diag, "region").valueProperty().set("eu-west");
        field(diag, "password").valueProperty().set("s3cret-pw");
        runToEnd(before, diag);
        EntryBody.StepStarted started = (EntryBody.StepStarted) stored().get(1).body();
        assertThat(started.values()).containsExactly(Map.entry("service", "api-gateway"), Map.entry("env", "prod"),
                Map.entry("region", "eu-west"), Map.entry("password", "****"));

        store.close();
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        WalkthroughViewModel after = walk(new RunbookParser().parse(file), "Gateway down", null);
        after.restore(store.entries(incidentId, 0));

        WalkStep restart = after.steps().get(1);
        assertThat(field(restart, "service").value()).isEqualTo("api-gateway");
        assertThat(field(restart, "env").value()).isEqualTo("prod");
        assertThat(field(after.steps().get(0), "password").value()).as("a masked secret is not filled back").isEmpty();
    }

    @Test
    void aStartRecordedBeforeValuesWereKeptIsReadFromItsCommand() throws Exception {
        WalkthroughViewModel before = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        incidents.timeline().record(incidentId, new EntryBody.StepStarted("echo pod 'api 7f9'", "local"),
                before.steps().get(0).ref(), null);

        WalkthroughViewModel after = reopened();

        assertThat(field(after.steps().get(3), "pod").value()).isEqualTo("api 7f9");
    }

    /** A new store on the same file and a new walkthrough, restored from what the store holds: the restart. */
    private WalkthroughViewModel reopened() throws Exception {
        WalkthroughViewModel after = restarted();
        after.restore(store.entries(incidentId, 0));
        return after;
    }

    /** A new store on the same file and a new walkthrough, not restored yet. */
    private WalkthroughViewModel restarted() throws Exception {
        store.close();
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        return walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
    }
}
