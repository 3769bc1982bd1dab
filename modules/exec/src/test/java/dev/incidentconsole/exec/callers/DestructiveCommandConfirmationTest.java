package dev.incidentconsole.exec.callers;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.CommandRefusedException;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.Confirmation;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seen from outside the exec package, as the app and health see it: a destructive command (judged by the runbook's
 * real rules) starts through no public path without the engineer's confirmation of its exact text, and what
 * {@code start} accepts can only come from the runner's own preparation, so its danger cannot be forged.
 */
class DestructiveCommandConfirmationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private CommandRunner runner;
    private LocalTarget target;
    private Path victim;

    @BeforeEach
    void open() throws Exception {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        target = new LocalTarget("t", Files.createDirectory(dir.resolve("work")), Map.of(), false);
        victim = Files.createDirectory(dir.resolve("work/data"));
        Files.writeString(victim.resolve("orders.db"), "x");
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aPreparedCommandIsMadeOnlyByTheRunnersOwnPreparation() {
        assertThat(PreparedCommand.class.isRecord()).as("a public record's constructor is public").isFalse();
        assertThat(Modifier.isFinal(PreparedCommand.class.getModifiers())).as("no subclass can override danger()").isTrue();
        assertThat(PreparedCommand.class.getConstructors()).as("public constructors").isEmpty();
        assertThat(Arrays.stream(PreparedCommand.class.getDeclaredConstructors()))
                .noneMatch(c -> Modifier.isProtected(c.getModifiers()) || Modifier.isPublic(c.getModifiers()));
        assertThat(Arrays.stream(PreparedCommand.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == PreparedCommand.class)
                .map(Method::getName)).as("public factories").isEmpty();
    }

    @Test
    void aDestructiveCommandStartsByNoPublicPathWithoutItsConfirmation() throws ExecException {
        RunRequest wipe = RunRequest.of("rm -rf data", target);
        PreparedCommand shown = runner.prepare(wipe);
        PreparedCommand other = runner.prepare(RunRequest.of("rm -rf logs", target));
        assertThat(shown.dangerous()).as("the runbook's rules judge rm -rf destructive").isTrue();

        assertThatThrownBy(() -> runner.start(wipe)).isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.run(wipe, WAIT)).isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.start(wipe.confirmedBy(new Confirmation("rm -rf logs"))))
                .isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.start(shown, null)).isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.start(shown, Confirmation.of(other))).isInstanceOf(CommandRefusedException.class);
        // A terminal would run it too: no script for it without the same confirmation.
        assertThatThrownBy(() -> runner.terminalScript(shown, null)).isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.terminalScript(shown, Confirmation.of(other)))
                .isInstanceOf(CommandRefusedException.class);
        assertThat(runner.terminalScript(shown, Confirmation.of(shown))).endsWith("rm -rf data");
        assertThat(victim.resolve("orders.db")).as("nothing ran").exists();

        assertThat(runner.start(shown, Confirmation.of(shown)).await(WAIT).succeeded()).isTrue();
        assertThat(victim).as("confirmed as shown, it runs").doesNotExist();
    }
}
