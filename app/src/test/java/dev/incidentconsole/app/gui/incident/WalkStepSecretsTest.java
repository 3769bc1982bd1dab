package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value typed for a secret placeholder, shaped like a placeholder ({@code <R3disPw>}) and quoted as the console
 * quotes values: the store masks notes as free text, where {@code '<x>'} reads as a placeholder, so every note holding
 * the command must carry it masked already, and still be read back after a restart.
 */
class WalkStepSecretsTest extends WalkthroughFixture {
    private static final String TYPED = "<R3disPw>";

    @Test
    void aCommandOpenedInATerminalIsNotedWithTheTypedSecretMasked() throws Exception {
        WalkthroughViewModel walk = walk(WalkRunbook.writeCheckout(dir), "Checkout down", null);
        WalkStep step = walk.steps().get(0);
        TargetInfo local = new TargetInfo(new LocalTarget("local", dir, Map.of(), false), "local", "local",
                "test");
        StepRecorder recorder = new StepRecorder(step, incidentId, incidents.timeline(), () -> { });

        recorder.openedInTerminal(runner.prepare(RunRequest.of("redis-cli -h cache-1 -a <password> ping", local.target())
                .withVariable("password", TYPED)), local);

        assertThat(notes()).containsExactly("Opened `redis-cli -h cache-1 -a '****' ping` in a terminal on local"
                + " (its output is not captured here)");
    }

    @Test
    void aSecretTheStepsEnvironmentHandedItIsMaskedInTheRecordedOutput() throws Exception {
        Path file = Files.writeString(dir.resolve("auth.md"), """
                # Auth

                ## Diagnosis

                ### Check the password
                ```bash
                echo "it is $REDIS_PASSWORD"
                ```
                """);
        TargetInfo sandbox = new TargetInfo(new LocalTarget("sandbox", dir, Map.of("REDIS_PASSWORD", "R3dis-pw-2024x"),
                false), "local", "local", "test");
        catalog.set(new dev.incidentconsole.app.targets.TargetCatalog(List.of(sandbox), List.of(), null));
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Auth", null);
        WalkStep step = walk.steps().get(0);

        walk.run(step);
        ui.runUntil(() -> !step.run().runningProperty().get() && step.statusProperty().get().startsWith("exit"), WAIT);

        EntryBody.StepFinished finished = stored().stream().map(TimelineEntry::body)
                .filter(EntryBody.StepFinished.class::isInstance).map(EntryBody.StepFinished.class::cast)
                .findFirst().orElseThrow();
        assertThat(finished.output()).startsWith("it is ").doesNotContain("R3dis-pw-2024x");
    }

    /**
     * The note holds the command masked, so read back with the command as it ran (unmasked) only the fallback
     * matched, which ends the command at its first "`: ": here inside the command itself.
     */
    @Test
    void aClosingNoteIsReadBackWithTheCommandAsItRanThoughTheNoteHoldsItMasked() {
        String ran = "redis-cli -a '" + TYPED + "' echo 'role`: master'";

        String note = StepNotes.closing(StepNotes.SKIPPED, ran, "replica lag 0");

        assertThat(note).doesNotContain("R3disPw");
        assertThat(StepNotes.readClosing(note, ran))
                .contains(new StepNotes.Closing(StepNotes.SKIPPED, "replica lag 0"));
        assertThat(StepNotes.readClosing(StepNotes.closing(StepNotes.DONE, ran, ""), ran))
                .contains(new StepNotes.Closing(StepNotes.DONE, ""));
    }

    /**
     * Through the store: its recorded start holds the command masked as the note does, and the note survives the
     * restart with the secret masked.
     */
    @Test
    void aStepClosedAfterARunWithATypedSecretIsDoneWithItsNoteAfterARestart() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.md"), """
                # Cache

                ## Cache down

                ### Check replication
                ```bash
                redis-cli -a <password> echo 'role`: master'
                ```
                """);
        WalkthroughViewModel before = walk(new RunbookParser().parse(file), "Cache down", null);
        WalkStep step = before.steps().get(0);
        field(step, "password").valueProperty().set(TYPED);
        runToEnd(before, step);
        before.done(step, "replica lag 0");
        store.close();

        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        WalkthroughViewModel after = walk(new RunbookParser().parse(file), "Cache down", null);
        after.restore(store.entries(incidentId, 0));

        assertThat(notes()).noneMatch(n -> n.contains("R3disPw"));
        WalkStep restored = after.steps().get(0);
        assertThat(restored.stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(restored.statusProperty().get()).isEqualTo("Done (recorded): replica lag 0");
    }

    /**
     * A step skipped before its placeholder was filled: the note holds the runbook's own text, where a quoted
     * {@code '<password>'} names the value to type, no value typed; masked, it would read as a secret given.
     */
    @Test
    void aStepSkippedWithItsPlaceholderUnfilledIsNotedWithThePlaceholderVisible() throws Exception {
        WalkthroughViewModel walk = quotedPlaceholderWalk();
        WalkStep step = walk.steps().get(0);

        walk.skip(step, "no cache in this region");

        assertThat(notes()).containsExactly(
                "Skipped `redis-cli -h cache-1 -a '<password>' ping`: no cache in this region");
        assertThat(StepNotes.readClosing(notes().get(0), step.commandText()))
                .contains(new StepNotes.Closing(StepNotes.SKIPPED, "no cache in this region"));
    }

    /** The same step skipped after a value was typed: the note holds the value masked. */
    @Test
    void aStepSkippedAfterItsPlaceholderWasFilledIsNotedWithTheValueMasked() throws Exception {
        WalkthroughViewModel walk = quotedPlaceholderWalk();
        WalkStep step = walk.steps().get(0);
        field(step, "password").valueProperty().set(TYPED);

        walk.skip(step, "");

        assertThat(notes()).singleElement().asString().doesNotContain("R3disPw").contains("'****'");
    }

    /** A walkthrough of one step whose runbook quotes its secret placeholder: {@code -a '<password>'}. */
    private WalkthroughViewModel quotedPlaceholderWalk() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.md"), """
                # Cache

                ## Cache down

                ### Check replication
                ```bash
                redis-cli -h cache-1 -a '<password>' ping
                ```
                """);
        return walk(new RunbookParser().parse(file), "Cache down", null);
    }

    /** An "UP again" note an older version stored in clear shows masked in the restored step's status. */
    @Test
    void aRestoredUpAgainNoteStoredInClearShowsMasked() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.md"), """
                # Cache

                ## Cache down

                ### Wait for the cache
                ```bash
                redis-cli -h cache-1 ping
                ```
                """);
        WalkthroughViewModel walk = walk(new RunbookParser().parse(file), "Cache down", null);
        WalkStep step = walk.steps().get(0);
        TimelineEntry inClear = TimelineEntry.happened(incidentId, "alice", new EntryBody.Note(
                "redis password: Sup3rSecretPw is UP again at 03:12:00 UTC", null), step.ref(), null, Clock.systemUTC());

        walk.restore(List.of(inClear));

        assertThat(step.stateProperty().get()).isEqualTo(WalkStep.State.DONE);
        assertThat(step.statusProperty().get()).contains("redis password: ", "UP again at 03:12:00")
                .doesNotContain("Sup3rSecretPw");
    }
}
