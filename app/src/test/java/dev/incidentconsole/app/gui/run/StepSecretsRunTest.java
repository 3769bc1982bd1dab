package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.gui.util.TestFxExecutors;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetDiscovery;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.exec.testing.LoopbackSshd;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step reading {@code $REDIS_PASSWORD} runs with it from the environment's secrets file, here and over SSH; a step
 * stopped while the console connects to the host never runs.
 */
class StepSecretsRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "R3dis-pw-2024x";
    /** Prints the password without its first part, whether OTHER_TOKEN was set, then the password as a tool may. */
    private static final String STEP = "echo \"${REDIS_PASSWORD#R3dis-}\"; env | grep -c '^OTHER_TOKEN=' || true;"
            + " echo \"it is $REDIS_PASSWORD\"";

    @TempDir
    static Path serverDir;
    static LoopbackSshd sshd;

    @TempDir
    Path dir;
    private final UiQueue ui = new UiQueue();
    private CommandRunner runner;
    private TargetCatalog catalog;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = new LoopbackSshd(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        sshd.close();
    }

    @BeforeEach
    void environment() throws Exception {
        Path secrets = Files.writeString(dir.resolve("team.env"), "REDIS_PASSWORD=" + PASSWORD + "\nOTHER_TOKEN=t0ken-99\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                secrets: team.env
                targets:
                  - {name: sandbox, type: local, workdir: %s}
                  - name: box
                    type: ssh
                    host: 127.0.0.1
                    port: %d
                    user: ops
                    identity-file: %s
                    known-hosts: %s
                """.formatted(dir, sshd.port(), sshd.userKey(), sshd.knownHosts(dir.resolve("known_hosts"))));
        catalog = new TargetDiscovery(env, dir.resolve("no_ssh_config"), TestUser.current(), null,
                Map.<String, String>of()::get, config -> List.of()).discover();
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void stopPressedWhileConnectingToTheHostKeepsTheStepFromRunning() throws Exception {
        Path marker = dir.resolve("ran");
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        sshd.beforeLogin(() -> {
            connecting.countDown();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (FxTaskExecutor tasks = TestFxExecutors.withUi(1, ui)) {
            CommandRunViewModel model = model("touch " + marker, tasks);
            assertThat(model.chooseTarget(catalog.find("box").orElseThrow())).isTrue();
            model.run();
            assertThat(connecting.await(30, TimeUnit.SECONDS)).isTrue();

            model.cancel();
            answer.countDown();
            ui.runUntil(() -> !model.runningProperty().get(), WAIT);

            assertThat(model.messageProperty().get()).isEqualTo(RunSession.NOT_STARTED);
            assertThat(sshd.commands()).noneMatch(c -> c.contains(marker.toString()));
            assertThat(marker).doesNotExist();
        } finally {
            sshd.beforeLogin(() -> { });
            answer.countDown();
        }
    }

    private CommandRunViewModel model(String text, TaskExecutor tasks) {
        RunServices services = new RunServices(runner, tasks, ui, new RunTestDialogs(),
                new TerminalLauncher(List.of(), name -> Optional.empty()), new KnownValues());
        return new CommandRunViewModel(new Command(text, 1, "", "", Placeholders.find(text), Runner.SHELL,
                DangerRules.check(text)), catalog, services);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandbox", "box"})
    void aStepRunsWithTheSecretsItReadsAndShowsOnlyTheirNames(String target) throws Exception {
        CommandRunViewModel model = model(STEP, new DirectTaskExecutor());
        assertThat(model.chooseTarget(catalog.find(target).orElseThrow())).isTrue();

        model.run();
        ui.runUntil(() -> model.resultProperty().get() != null, WAIT);

        assertThat(model.resultProperty().get().status()).as(model.messageProperty().get()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(model.output()).extracting(OutputLine::text).containsExactly("pw-2024x", "0",
                "it is " + PASSWORD);
        assertThat(model.shownOutput().text(10)).as("on screen").contains("it is").doesNotContain(PASSWORD);
        assertThat(Files.readString(model.outputFileProperty().get())).as("the run log").doesNotContain(PASSWORD);
        assertThat(model.fromSecretsProperty().get()).startsWith("$REDIS_PASSWORD from the environment's secrets file");
        assertThat(model.previewProperty().get()).isEqualTo(STEP);
        assertThat(model.resultProperty().get().command()).doesNotContain(PASSWORD);
        assertThat(sshd.commands()).noneMatch(c -> c.contains(PASSWORD));
    }
}
