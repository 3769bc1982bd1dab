package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The run view model on real local shells, with the FX thread played by {@link UiQueue}. */
class CommandRunViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final RunTestDialogs dialogs = new RunTestDialogs();
    private CommandRunner runner;
    private RunServices services;
    private TargetInfo sandbox;

    @BeforeEach
    void services() throws Exception {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs"))
                .withKillGrace(Duration.ofSeconds(1)));
        Path terminal = Files.writeString(dir.resolve("fake-term"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > \""
                + dir.resolve("terminal-args") + "\"\n");
        Files.setPosixFilePermissions(terminal, PosixFilePermissions.fromString("rwx------"));
        TerminalLauncher launcher = new TerminalLauncher(List.of(
                new TerminalLauncher.Candidate("not-installed-term", s -> List.of("-e", s)),
                new TerminalLauncher.Candidate("fake-term", s -> List.of("-e", "bash", "-c", s))),
                name -> name.equals("fake-term") ? Optional.of(terminal) : Optional.empty());
        services = new RunServices(runner, new DirectTaskExecutor(), ui, dialogs, launcher, new KnownValues());
        sandbox = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    private static Command command(String text, Runner runner) {
        return new Command(text, 1, "", "", Placeholders.find(text), runner, DangerRules.check(text));
    }

    private CommandRunViewModel model(String text, TargetInfo... targets) {
        return new CommandRunViewModel(command(text, Runner.SHELL),
                new TargetCatalog(List.of(targets.length == 0 ? new TargetInfo[] {sandbox} : targets), List.of(), null),
                services);
    }

    private void awaitResult(CommandRunViewModel model) throws InterruptedException {
        ui.runUntil(() -> model.resultProperty().get() != null, WAIT);
    }

    private static List<String> texts(CommandRunViewModel model) {
        return model.output().stream().map(OutputLine::text).toList();
    }

    @Test
    void localCommandStreamsItsLinesAndEndsWithExitCode() throws Exception {
        CommandRunViewModel model = model("for i in 1 2 3; do echo line-$i; done; echo oops >&2; exit 4");

        model.run();
        awaitResult(model);

        // The two streams are separate pipes: order within each is kept, between them it is arrival order.
        assertThat(model.output()).filteredOn(l -> !l.isError()).extracting(OutputLine::text)
                .containsExactly("line-1", "line-2", "line-3");
        assertThat(model.output()).filteredOn(OutputLine::isError).extracting(OutputLine::text).containsExactly("oops");
        assertThat(model.resultProperty().get().status()).isEqualTo(RunStatus.FAILED);
        assertThat(model.resultProperty().get().exitCode()).isEqualTo(4);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(Files.readAllLines(model.outputFileProperty().get())).containsExactlyElementsOf(texts(model));
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void hugeOutputArrivesInBatchesAndKeepsTheLastLines() throws Exception {
        CommandRunViewModel model = model("seq 1 20000");

        model.run();
        awaitResult(model);

        assertThat(model.output()).hasSize(CommandRunViewModel.MAX_LINES);
        assertThat(model.output().get(model.output().size() - 1).text()).isEqualTo("20000");
        assertThat(model.resultProperty().get().lineCount()).isEqualTo(20000);
        assertThat(ui.executed()).isLessThan(20000);
    }

    @Test
    void cancelStopsTheRunningCommand() throws Exception {
        CommandRunViewModel model = model("echo started; sleep 60; echo never");
        model.run();
        ui.runUntil(() -> texts(model).contains("started"), WAIT);

        model.cancel();
        awaitResult(model);

        assertThat(model.resultProperty().get().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(texts(model)).containsExactly("started");
    }

    /** Stop pressed while the start task waits for a worker: the command, here one that leaves a mark, never runs. */
    @Test
    void stopPressedWhileTheRunStartsDoesNotRunIt() throws Exception {
        HeldStartTasks tasks = new HeldStartTasks();
        services = new RunServices(runner, tasks, ui, dialogs, services.terminal(), new KnownValues());
        CommandRunViewModel model = model("touch MARKER; sleep 60");
        model.run();

        model.cancel();
        tasks.release();
        ui.runUntil(() -> !model.runningProperty().get(), WAIT);

        assertThat(dir.resolve("MARKER")).doesNotExist();
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Not run: stopped before it started.");
    }

    @Test
    void destructiveCommandAsksAndDoesNotRunWhenDeclined() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        CommandRunViewModel model = model("rm -rf victim");
        dialogs.answer = false;

        model.run();

        assertThat(dialogs.titles()).containsExactly(RunQuestions.DESTRUCTIVE);
        assertThat(dialogs.asked.get(0).message()).contains("$ rm -rf victim", "Target: sandbox");
        assertThat(model.messageProperty().get()).startsWith("Not run");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(victim).exists();

        dialogs.answer = true;
        model.run();
        awaitResult(model);

        assertThat(model.resultProperty().get().succeeded()).isTrue();
        assertThat(victim).doesNotExist();
    }

    @Test
    void placeholderValuesAreSubstitutedQuoted() throws Exception {
        CommandRunViewModel model = model("echo <who> ${COUNT}");
        model.run();
        assertThat(model.messageProperty().get()).isEqualTo("Fill in <who> first.");
        assertThat(model.resultProperty().get()).isNull();

        model.placeholders().get(0).valueProperty().set("it's $(whoami); rm x");

        assertThat(model.previewProperty().get()).isEqualTo("echo 'it'\\''s $(whoami); rm x' ${COUNT}");
        model.run();
        awaitResult(model);
        assertThat(texts(model)).containsExactly("it's $(whoami); rm x");
    }

    @Test
    void theRunsPanelsRunIsDisabledWhileARequiredPlaceholderIsEmptyOrACommandRuns() throws Exception {
        CommandRunViewModel model = model("echo <pod> {namespace} ${COUNT}; sleep 60");
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.missingProperty().get()).isEqualTo("<pod>, {namespace}");

        model.placeholders().get(0).valueProperty().set("api-7f9");
        assertThat(model.missingProperty().get()).isEqualTo("{namespace}");
        model.placeholders().get(1).valueProperty().set("   ");
        assertThat(model.canRunProperty().get()).as("blank is not a value").isFalse();
        model.placeholders().get(1).valueProperty().set("prod");
        assertThat(model.missingProperty().get()).isEmpty();
        assertThat(model.canRunProperty().get()).as("an optional ${COUNT} may stay empty").isTrue();

        model.run();
        assertThat(model.canRunProperty().get()).as("not twice at once").isFalse();
        model.cancel();
        awaitResult(model);
        assertThat(model.canRunProperty().get()).isTrue();
        model.placeholders().get(0).valueProperty().set("");
        assertThat(model.canRunProperty().get()).isFalse();
    }

    @Test
    void bracketedServiceNameMustBeFilledAndReplacesTheBracketsQuoted() throws Exception {
        CommandRunViewModel model = model("echo [SERVICE_NAME]");
        assertThat(model.placeholders()).extracting(PlaceholderField::name).containsExactly("SERVICE_NAME");
        assertThat(model.missingProperty().get()).as("left as written it is a glob").isEqualTo("[SERVICE_NAME]");
        assertThat(model.canRunProperty().get()).isFalse();

        model.placeholders().get(0).valueProperty().set("kube let");
        assertThat(model.canRunProperty().get()).isTrue();
        model.run();
        awaitResult(model);
        assertThat(texts(model)).containsExactly("kube let");
    }

    @Test
    void interactiveCommandOffersTheSystemTerminal() throws Exception {
        CommandRunViewModel model = model("top");
        dialogs.answer = true;

        model.run();
        ui.runUntil(() -> Files.exists(dir.resolve("terminal-args")), WAIT);

        assertThat(dialogs.titles()).containsExactly(RunQuestions.TERMINAL);
        assertThat(dialogs.asked.get(0).message()).contains("top is a full-screen program");
        List<String> argv = Files.readAllLines(dir.resolve("terminal-args"));
        assertThat(argv.subList(0, 3)).containsExactly("-e", "bash", "-c");
        assertThat(argv.get(3)).startsWith("cd '" + dir + "' && top");
        assertThat(model.messageProperty().get()).isEqualTo("Opened in fake-term on sandbox.");
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void switchingToAProductionTargetAsksAgainAndRunningThereDoesNotAskTwice() throws Exception {
        TargetInfo prod = new TargetInfo(new LocalTarget("prod-box", dir, Map.of(), true), "local", "prod", "test");
        CommandRunViewModel model = model("echo on-prod", sandbox, prod);
        dialogs.answer = false;

        assertThat(model.chooseTarget(prod)).isFalse();
        assertThat(model.targetProperty().get()).isEqualTo(sandbox);

        dialogs.answer = true;
        assertThat(model.chooseTarget(prod)).isTrue();
        model.run();
        awaitResult(model);

        assertThat(dialogs.titles()).containsExactly(RunQuestions.SWITCH, RunQuestions.SWITCH);
        assertThat(texts(model)).containsExactly("on-prod");
    }

    @Test
    void suggestedProductionTargetAsksBeforeTheFirstRun() throws Exception {
        TargetInfo prod = new TargetInfo(new LocalTarget("prod-box", dir, Map.of(), true), "local", "prod", "test");
        CommandRunViewModel model = model("echo hi", prod);
        dialogs.answer = false;

        model.run();

        assertThat(dialogs.titles()).containsExactly(RunQuestions.PRODUCTION);
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void placeholdersArePrefilledFromTheTargetAndEarlierRuns() throws Exception {
        TargetInfo kube = new TargetInfo(new KubeTarget("shop", "eu", "shop", null, null, null, false), "kubectl",
                "context eu", "test");
        Command logs = command("kubectl logs <pod-name> -n <namespace>", Runner.KUBECTL);
        services.known().remember(Map.of("POD_NAME", "api-7f9c"));

        CommandRunViewModel model = new CommandRunViewModel(logs,
                new TargetCatalog(List.of(sandbox, kube), List.of(), null), services);

        assertThat(model.targetProperty().get()).isEqualTo(kube);
        assertThat(model.placeholders()).extracting(PlaceholderField::value).containsExactly("api-7f9c", "shop");

        model.placeholders().get(0).valueProperty().set("api-typed");
        model.chooseTarget(sandbox);
        assertThat(model.placeholders()).extracting(PlaceholderField::value).containsExactly("api-typed", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Dr0pTyped", "<Dr0pTyped>"})
    void aTypedPasswordShapedLikeAVariableOrAPlaceholderIsMaskedInThePreviewAndTheConfirmation(String typed) {
        CommandRunViewModel model = model("PGPASSWORD=<pw> dropdb -h 127.0.0.1 -p 1 orders");
        model.placeholders().get(0).valueProperty().set(typed);
        dialogs.answer = false;

        model.run();

        assertThat(model.previewProperty().get()).as("ShellQuote writes it single-quoted").contains("'" + typed + "'");
        assertThat(model.shownCommandProperty().get().shown()).startsWith("PGPASSWORD='****' dropdb");
        assertThat(dialogs.asked.get(0).message()).contains("$ PGPASSWORD='****' dropdb").doesNotContain("Dr0pTyped");
    }

    @Test
    void theCommandAndItsOutputAreShownMaskedButRunWithTheRealValue() throws Exception {
        CommandRunViewModel model = model("PGPASSWORD=hunter22xyz sh -c 'echo password=$PGPASSWORD'");
        MaskedText shown = model.shownCommandProperty().get();
        assertThat(shown.shown()).isEqualTo("PGPASSWORD=**** sh -c 'echo password=$PGPASSWORD'");
        assertThat(model.previewProperty().get()).as("what is copied and run").contains("hunter22xyz");

        model.revealInCommand(0);
        assertThat(model.shownCommandProperty().get().shown()).contains("PGPASSWORD=hunter22xyz");

        model.run();
        awaitResult(model);
        OutputLine line = model.output().get(0);
        assertThat(line.text()).as("the command ran with the real value").isEqualTo("password=hunter22xyz");
        assertThat(model.shownOutput().line(line).shown()).isEqualTo("password=****");
        model.shownOutput().reveal(line, 0);
        assertThat(model.shownOutput().line(line).shown()).isEqualTo("password=hunter22xyz");
        assertThat(Files.readString(model.outputFileProperty().get())).isEqualTo("password=****\n");
    }

    @Test
    void aClickOnAMaskInTheOutputBlockRevealsThatSecretOnly() throws Exception {
        CommandRunViewModel model = model("printf '%s\\n' 'dropped' 'ok' 'password=hunter22xyz' 'user=zz PGPASSWORD=s3cretvalue9'");
        model.run();
        awaitResult(model);
        String block = model.shownOutput().text(3);
        assertThat(block).isEqualTo("ok\npassword=****\nuser=zz PGPASSWORD=****");
        int changesBefore = model.shownOutput().changesProperty().get();

        assertThat(model.shownOutput().revealAt(3, block.indexOf("ok") + 1)).as("plain text").isFalse();
        assertThat(model.shownOutput().revealAt(3, block.lastIndexOf("****") + 2)).isTrue();

        assertThat(model.shownOutput().text(3)).isEqualTo("ok\npassword=****\nuser=zz PGPASSWORD=s3cretvalue9");
        assertThat(model.shownOutput().changesProperty().get()).as("a view bound to it redraws").isGreaterThan(changesBefore);
        String now = model.shownOutput().text(3);
        assertThat(model.shownOutput().revealAt(3, now.indexOf("****"))).as("the mask's first character").isTrue();
        assertThat(model.shownOutput().text(3)).isEqualTo("ok\npassword=hunter22xyz\nuser=zz PGPASSWORD=s3cretvalue9");
        assertThat(model.shownOutput().revealAt(3, 0)).isFalse();
    }

    @Test
    void theShownBlockNeverHoldsASecretInClearAtAnyBatchUpToTheLast() throws Exception {
        // The password is known only from the command (printed bare, as CONFIG GET requirepass does), the key's body
        // lines only from the lines before them: neither is masked by the standard rules alone.
        CommandRunViewModel model = model("REDISCLI_AUTH=R3dis5ecretX sh -c 'echo requirepass; sleep 0.3;"
                + " echo $REDISCLI_AUTH; sleep 0.3; echo -----BEGIN OPENSSH PRIVATE KEY-----; sleep 0.3;"
                + " echo b3BlbnNzaC1rZXktdjEAAAAA; sleep 0.3; echo AAAABG5vbmUAAAAEbm9uZQ'");
        List<String> seen = new java.util.ArrayList<>();
        javafx.beans.binding.StringBinding block = model.shownOutput().textBinding(10);
        block.addListener((obs, old, now) -> seen.add(now));
        List<String> invalidated = new java.util.ArrayList<>();
        block.addListener(obs -> invalidated.add(block.get()));

        model.run();
        awaitResult(model);

        assertThat(model.output()).hasSize(5);
        assertThat(seen).as("one redraw per batch at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen.get(seen.size() - 1)).as("the run's last batch").isEqualTo(
                "requirepass\n****\n-----BEGIN OPENSSH PRIVATE KEY-----\n****\n****");
        assertThat(String.join("\n", seen) + String.join("\n", invalidated))
                .doesNotContain("R3dis5ecretX", "b3BlbnNzaC1rZXktdjEAAAAA", "AAAABG5vbmUAAAAEbm9uZQ");
    }

    @Test
    void aPrivateKeyPrintedOverSeveralLinesIsShownMaskedLineByLine() throws Exception {
        CommandRunViewModel model = model("printf '%s\\n' 'key:' '-----BEGIN OPENSSH PRIVATE KEY-----'"
                + " 'b3BlbnNzaC1rZXktdjEAAAAA' 'AAAABG5vbmUAAAAEbm9uZQ' '-----END OPENSSH PRIVATE KEY-----' done");
        model.run();
        awaitResult(model);
        assertThat(model.output().stream().map(l -> model.shownOutput().line(l).shown()).toList()).containsExactly(
                "key:", "-----BEGIN OPENSSH PRIVATE KEY-----", "****", "****", "-----END OPENSSH PRIVATE KEY-----", "done");
        OutputLine body = model.output().get(2);
        model.shownOutput().reveal(body, 0);
        assertThat(model.shownOutput().line(body).shown()).isEqualTo("b3BlbnNzaC1rZXktdjEAAAAA");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#commandForms")
    void aCommandOverSeveralLinesIsShownMaskedAsOneCommandAndRunAsWritten(String family, String command, String secret,
                                                                          String masked) {
        CommandRunViewModel model = model(command);
        assertThat(model.shownCommandProperty().get().shown()).isEqualTo(masked);
        assertThat(model.previewProperty().get()).as("what is copied and run").contains(secret);
    }

    @Test
    void aChangedValueMasksTheCommandAgain() {
        CommandRunViewModel model = model("redis-cli -a {{password}} ping");
        model.placeholders().get(0).valueProperty().set("R3disPw1");
        assertThat(model.shownCommandProperty().get().shown()).isEqualTo("redis-cli -a '****' ping");
        model.revealInCommand(0);
        model.placeholders().get(0).valueProperty().set("R3disPw2");
        assertThat(model.shownCommandProperty().get().shown()).isEqualTo("redis-cli -a '****' ping");
        assertThat(model.previewProperty().get()).isEqualTo("redis-cli -a 'R3disPw2' ping");
    }
}
