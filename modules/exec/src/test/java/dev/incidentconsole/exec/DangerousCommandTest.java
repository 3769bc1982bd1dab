package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.DangerRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destructive commands never run unconfirmed; the check sees the command after substitution. */
class DangerousCommandTest {
    /** A rule in the shape of the runbook's: deleting files is destructive. */
    static final Function<String, Danger> RM_RULE = text -> text.matches("(?s).*\\brm\\b.*")
            ? new Danger("rm", "deletes files") : null;

    @TempDir
    Path dir;
    CommandRunner runner;
    LocalTarget target;

    @BeforeEach
    void open() throws Exception {
        runner = Runners.withDangerCheck(dir, RM_RULE);
        target = new LocalTarget("t", Files.createDirectory(dir.resolve("work")), Map.of(), false);
        Files.writeString(dir.resolve("work/victim"), "x");
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void destructiveCommandIsRefusedWithoutConfirmation() {
        CommandRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(CommandRefusedException.class,
                () -> runner.start(RunRequest.of("rm victim", target)));
        assertThat(e.reason()).isEqualTo(ExecException.Reason.NOT_CONFIRMED);
        assertThat(e.danger().rule()).isEqualTo("rm");
        assertThat(e.getMessage()).contains("deletes files");
        assertThat(dir.resolve("work/victim")).exists();
    }

    @Test
    void confirmedCommandRuns() throws ExecException {
        RunRequest request = RunRequest.of("rm victim", target);
        PreparedCommand shown = runner.prepare(request);
        RunResult result = runner.run(request.confirmedBy(Confirmation.of(shown)), Runners.WAIT);
        assertThat(result.succeeded()).isTrue();
        assertThat(dir.resolve("work/victim")).doesNotExist();
    }

    @Test
    void placeholderValueThatMakesTheCommandDestructiveIsCaught() throws ExecException {
        RunRequest request = RunRequest.of("<tool> victim", target).withVariable("tool", "cat");
        assertThat(runner.prepare(request).dangerous()).isFalse();

        RunRequest hostile = request.withVariable("tool", "rm");
        assertThat(runner.prepare(hostile).text()).isEqualTo("'rm' victim");
        assertThatThrownBy(() -> runner.start(hostile)).isInstanceOf(CommandRefusedException.class);
        assertThat(dir.resolve("work/victim")).exists();
    }

    @Test
    void confirmationCoversOnlyTheTextShown() throws ExecException {
        RunRequest request = RunRequest.of("rm <file>", target).withVariable("file", "other");
        Confirmation yes = Confirmation.of(runner.prepare(request));
        RunRequest changed = request.withVariable("file", "victim").confirmedBy(yes);
        assertThatThrownBy(() -> runner.start(changed)).isInstanceOf(CommandRefusedException.class);
        assertThat(dir.resolve("work/victim")).exists();
    }

    @Test
    void preparedCommandStartsAsShownWithoutBeingJudgedAgain() throws ExecException {
        AtomicInteger judged = new AtomicInteger();
        try (CommandRunner counting = Runners.withDangerCheck(dir, text -> {
            judged.incrementAndGet();
            return RM_RULE.apply(text);
        })) {
            PreparedCommand shown = counting.prepare(RunRequest.of("cat <file>", target)
                    .withVariable("file", "victim"));
            RunResult result = counting.start(shown, null).await(Runners.WAIT);
            assertThat(result.stdout()).containsExactly("x");
            assertThat(judged).as("judged once, when prepared").hasValue(1);
        }
    }

    @Test
    void preparedDestructiveCommandIsRefusedUnlessItsTextIsConfirmed() throws ExecException {
        PreparedCommand shown = runner.prepare(RunRequest.of("rm victim", target));
        PreparedCommand other = runner.prepare(RunRequest.of("rm other", target));
        assertThatThrownBy(() -> runner.start(shown, null)).isInstanceOf(CommandRefusedException.class);
        assertThatThrownBy(() -> runner.start(shown, Confirmation.of(other)))
                .isInstanceOf(CommandRefusedException.class);
        assertThat(dir.resolve("work/victim")).exists();
        assertThat(runner.start(shown, Confirmation.of(shown)).await(Runners.WAIT).succeeded()).isTrue();
        assertThat(dir.resolve("work/victim")).doesNotExist();
    }

    @Test
    void dangerFoundByTheParserCountsEvenIfTheRuleMissesIt() throws ExecException {
        RunRequest request = new RunRequest("echo harmless", null, target, Map.of(), null, null,
                new Danger("parser", "flagged by the runbook"), List.of());
        assertThatThrownBy(() -> runner.start(request)).isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("flagged by the runbook");
    }

    @Test
    void runbookRulesRefuseARedisFlushFilledInThroughAPlaceholder() {
        Assumptions.assumeTrue(DangerRules.check("redis-cli FLUSHALL") != null,
                "DangerRules in modules/runbook does not flag FLUSHALL yet");
        try (CommandRunner real = Runners.local(dir)) {
            RunRequest request = RunRequest.of("redis-cli -h cache <command>", LocalTarget.here())
                    .withVariable("command", "FLUSHALL");
            assertThatThrownBy(() -> real.start(request)).isInstanceOf(CommandRefusedException.class);
        }
    }

    @Test
    void missingValueNamesThePlaceholder() {
        assertThatThrownBy(() -> runner.prepare(RunRequest.of("kubectl logs <pod-name>", target)))
                .isInstanceOf(ExecException.class).hasMessageContaining("<pod-name>")
                .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.MISSING_VARIABLE);
    }

    @Test
    void dollarVariableWithoutValueIsLeftForTheShell() throws ExecException {
        RunResult result = runner.run(RunRequest.of("echo \"${NAMESPACE:-none}\"", target), Runners.WAIT);
        assertThat(result.stdout()).containsExactly("none");
    }

    @Test
    void valueCapturedFromOneStepFillsTheNext() throws ExecException {
        RunResult pods = runner.run(RunRequest.of("printf 'NAME READY\\napi-7d9f 1/1\\nweb-1 0/1\\n'", target),
                Runners.WAIT);
        String pod = pods.capture(Capture.firstColumnOfLine(2)).orElseThrow();
        String ready = pods.capture(Capture.regex("web-1\\s+(\\S+)")).orElseThrow();
        RunResult next = runner.run(RunRequest.of("echo <pod-name> <state>", target)
                .withVariables(Map.of("pod-name", pod, "state", ready)), Runners.WAIT);
        assertThat(next.stdout()).containsExactly("api-7d9f 0/1");
        assertThat(pods.capture(Capture.column(-1, 2))).contains("0/1");
        assertThat(pods.capture(Capture.column(9, 1))).isEmpty();
    }
}
