package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value typed into a secret placeholder's password field is masked wherever the run shows or keeps it, even where
 * no masking rule would see it (an argument of {@code AUTH}, a here-string): the preview, the history, the run log and
 * the output.
 */
class TypedSecretsMaskedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Looks like any word: only knowing it was typed into a secret field masks it. */
    private static final String TYPED = "plainvalue42";

    @TempDir
    Path dir;
    private final UiQueue ui = new UiQueue();
    private CommandRunner runner;
    private RunServices services;

    @BeforeEach
    void services() {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        services = new RunServices(runner, new DirectTaskExecutor(), ui, new RunTestDialogs(),
                new TerminalLauncher(List.of(), name -> Optional.empty()), new KnownValues());
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private CommandRunViewModel model(String text) {
        Command command = new Command(text, 1, "", "", Placeholders.find(text), Runner.SHELL, DangerRules.check(text));
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        return new CommandRunViewModel(command, new TargetCatalog(List.of(local), List.of(), null), services);
    }

    @Test
    void aSecretTypedOnceIsPreFilledOnlyIntoAnotherSecretField() throws Exception {
        CommandRunViewModel first = model("redis-cli -p 1 -a '<auth>' ping || true");
        first.placeholders().get(0).valueProperty().set(TYPED);
        first.run();
        ui.runUntil(() -> first.resultProperty().get() != null, WAIT);

        assertThat(model("redis-cli -p 1 -a '<auth>' info").placeholders().get(0).value()).as("a password field")
                .isEqualTo(TYPED);
        PlaceholderField plain = model("echo AUTH <auth>").placeholders().get(0);
        assertThat(plain.secret()).isFalse();
        assertThat(plain.value()).as("a field that shows what it holds").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // echo stands for the tool, so that the run prints the value back as a tool may
            "echo kubectl exec redis-0 -- redis-cli AUTH '<redis-password>' | redis-password",
            "cat <<< 'gh auth login --with-token' && cat <<< '<token>'         | token",
    })
    void aTypedSecretIsMaskedInThePreviewTheHistoryTheRunLogAndTheOutput(String text, String name) throws Exception {
        Command command = new Command(text, 1, "", "", Placeholders.find(text), Runner.SHELL, DangerRules.check(text));
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        CommandRunViewModel model = new CommandRunViewModel(command, new TargetCatalog(List.of(local), List.of(), null),
                services);
        PlaceholderField field = model.placeholders().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        assertThat(field.secret()).as("typed into a password field").isTrue();

        field.valueProperty().set(TYPED);
        assertThat(model.previewProperty().get()).as("the real text runs").contains(TYPED);
        assertThat(model.shownCommandProperty().get().shown()).as("the preview").doesNotContain(TYPED).contains("****");

        model.run();
        ui.runUntil(() -> model.resultProperty().get() != null, WAIT);

        assertThat(model.resultProperty().get().status()).as(model.messageProperty().get()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(model.output()).extracting(OutputLine::text).anyMatch(l -> l.contains(TYPED));
        assertThat(model.shownOutput().text(10)).as("the output on screen").doesNotContain(TYPED);
        assertThat(Files.readString(model.outputFileProperty().get())).as("the run log").doesNotContain(TYPED);
        assertThat(services.history().runs().get(0).command()).as("the run history").doesNotContain(TYPED)
                .contains("****");
    }
}
