package dev.incidentconsole.exec;

import dev.incidentconsole.exec.testing.ProcessTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalRunTest {
    @TempDir
    Path dir;
    CommandRunner runner;

    @BeforeEach
    void open() {
        runner = Runners.local(dir);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private RunResult run(String command) throws ExecException {
        return runner.run(RunRequest.of(command, LocalTarget.here()), Runners.WAIT);
    }

    @ParameterizedTest
    @CsvSource({"true, 0, SUCCEEDED", "exit 3, 3, FAILED", "false, 1, FAILED", "no-such-command-xyz, 127, FAILED"})
    void exitCodeDecidesTheStatus(String command, int code, RunStatus status) throws ExecException {
        RunResult result = run(command);
        assertThat(result.exitCode()).isEqualTo(code);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.ended()).isAfterOrEqualTo(result.started());
        assertThat(result.duration()).isEqualTo(Duration.between(result.started(), result.ended()));
    }

    @Test
    void secretValuesOfTheTargetsEnvironmentAreMaskedInTheOutputFile() throws Exception {
        LocalTarget target = new LocalTarget("here", null, Map.of("REDIS_PASSWORD", "R3dis-pw-2024x",
                "REDIS_HOST", "cache-primary-1"), false);
        RunResult result = runner.run(RunRequest.of("echo \"auth $REDIS_PASSWORD\"; echo \"$REDIS_HOST\"", target),
                Runners.WAIT);

        assertThat(result.stdout()).as("as printed, for a screen that masks").contains("auth R3dis-pw-2024x");
        assertThat(Files.readString(result.outputFile())).doesNotContain("R3dis-pw-2024x").contains("cache-primary-1");
    }

    @Test
    void environmentValuesReachTheCommandButNoProcessCommandLine() throws Exception {
        String secret = ProcessTable.secret();
        LocalTarget target = new LocalTarget("here", null, Map.of("IC_SECRET", secret, "PLAIN", "x"), false);
        RunHandle handle = runner.start(RunRequest.of(ProcessTable.SECRET_PRINTER
                + "sleep 94.7", target));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("94.7")
                .size() == 1);

        assertThat(ProcessTable.commandLinesHolding(
                secret.lines().findFirst().orElseThrow())).isEmpty();
        handle.cancel();
        String[] printed = ("[" + secret + "] x").split("\n");
        assertThat(handle.await(Runners.WAIT).stdout()).containsExactly(printed[0], printed[1], "read:", "end of input");
    }

    @Test
    void stdoutAndStderrStayApartAndInOrder() throws ExecException {
        RunResult result = run("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; printf 'no newline'");
        assertThat(result.stdout()).containsExactly("one", "three", "no newline");
        assertThat(result.stderr()).containsExactly("two");
        assertThat(result.tail()).extracting(OutputLine::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(result.tail().get(1).source()).isEqualTo(OutputLine.Source.STDERR);
        assertThat(result.lineCount()).isEqualTo(4);
    }

    @Test
    void outputFileHoldsEveryLine() throws Exception {
        RunResult result = run("printf 'a\\r\\nb\\n'; echo c >&2");
        assertThat(result.stdout()).containsExactly("a", "b");
        assertThat(Files.readAllLines(result.outputFile())).containsExactlyInAnyOrder("a", "b", "c");
    }

    /** A console killed mid-command (kill -9) keeps in the file what the window already showed. */
    @Test
    void aLineShownIsInTheOutputFileWhileTheCommandStillRuns() throws Exception {
        RunHandle handle = runner.start(runner.prepare(RunRequest.of("echo first-line; sleep 30", LocalTarget.here())),
                null);
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> handle.tail().stream().anyMatch(l -> l.text().equals("first-line")));
            // The file follows the chunk the line came in (the listeners see it first); without the flush it stays
            // empty for the 30 s the command sleeps.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readAllLines(handle.outputFile()).equals(List.of("first-line")));
        } finally {
            handle.cancel();
            handle.await(Duration.ofSeconds(20));
        }
    }

    @Test
    void environmentAndWorkingDirectoryComeFromTheTarget() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work dir"));
        LocalTarget target = new LocalTarget("ops", work, Map.of("GREETING", "hello $world"), false);
        RunResult result = runner.run(RunRequest.of("printf '%s\\n' \"$GREETING\"; pwd", target), Runners.WAIT);
        assertThat(result.stdout()).containsExactly("hello $world", work.toRealPath().toString());
    }

    @Test
    void missingWorkingDirectoryIsAStartFailure() {
        LocalTarget target = new LocalTarget("ops", dir.resolve("absent"), Map.of(), false);
        ExecException e = org.junit.jupiter.api.Assertions.assertThrows(ExecException.class,
                () -> runner.start(RunRequest.of("true", target)));
        assertThat(e.reason()).isEqualTo(ExecException.Reason.START_FAILED);
        assertThat(e.getMessage()).contains("absent");
    }

    @Test
    void timeoutStopsTheCommand() throws ExecException {
        RunResult result = runner.run(RunRequest.of("echo started; sleep 30", LocalTarget.here())
                .withTimeout(Duration.ofMillis(500)), Runners.WAIT);
        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.stdout()).containsExactly("started");
        assertThat(result.message()).contains("timeout");
    }

    @Test
    void cancelKillsTheWholeProcessTree() throws ExecException {
        RunHandle handle = runner.start(RunRequest.of("sh -c 'sleep 97.1 & sleep 97.2'", LocalTarget.here()));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("97.1").size() == 1 && ProcessTable.sleeps("97.2").size() == 1);
        List<ProcessHandle> children = List.of(ProcessTable.sleeps("97.1").get(0), ProcessTable.sleeps("97.2").get(0));

        handle.cancel();
        RunResult result = handle.await(Runners.WAIT);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void awaitGivesUpWithoutStoppingTheRun() throws ExecException {
        RunHandle handle = runner.start(RunRequest.of("sleep 1; echo done", LocalTarget.here()));
        ExecException e = org.junit.jupiter.api.Assertions.assertThrows(ExecException.class,
                () -> handle.await(Duration.ofMillis(50)));
        assertThat(e.reason()).isEqualTo(ExecException.Reason.STILL_RUNNING);
        assertThat(handle.await(Runners.WAIT).stdout()).containsExactly("done");
    }

    @Test
    void listenersGetLinesLiveAndLateListenersGetTheTailFirst() throws ExecException {
        List<String> early = new CopyOnWriteArrayList<>();
        List<String> late = new CopyOnWriteArrayList<>();
        List<RunStatus> finished = new CopyOnWriteArrayList<>();
        RunHandle handle = runner.start(RunRequest.of("echo a; sleep 0.2; echo b >&2; sleep 0.2; echo c", LocalTarget.here()));
        handle.addListener(new OutputListener() {
            @Override
            public void onLine(OutputLine line) {
                early.add(line.source() + ":" + line.text());
            }

            @Override
            public void onFinished(RunResult result) {
                finished.add(result.status());
            }
        });
        handle.await(Runners.WAIT);
        handle.addListener(line -> late.add(line.text()));
        assertThat(early).containsExactly("STDOUT:a", "STDERR:b", "STDOUT:c");
        assertThat(late).containsExactly("a", "b", "c");
        assertThat(finished).containsExactly(RunStatus.SUCCEEDED);
    }

    @Test
    void stdinIsClosedSoReadersDoNotHang() throws ExecException {
        RunResult result = run("read line; echo \"read exit $? [$line]\"");
        assertThat(result.stdout()).containsExactly("read exit 1 []");
    }

    @Test
    void endlessCommandsGetNoDefaultTimeout() throws ExecException {
        assertThat(runner.prepare(RunRequest.of("tail -f /var/log/syslog", LocalTarget.here())).timeout()).isNull();
        assertThat(runner.prepare(RunRequest.of("uptime", LocalTarget.here())).timeout())
                .isEqualTo(runner.settings().defaultTimeout());
        assertThat(runner.prepare(RunRequest.of("uptime", LocalTarget.here()).withTimeout(Duration.ZERO)).timeout())
                .isNull();
    }

    @Test
    void linesStillInThePipeWhenTheCommandExitsAreAllRead() throws Exception {
        // 4,000 short lines fit the pipe's buffer, so seq exits at once (the sleep lets the listener come first);
        // a listener taking 1 ms a line keeps the reader about 4 s behind it, twice the drain timeout. The old
        // fixed wait ended the run near line 2,000.
        RunHandle handle = runner.start(RunRequest.of("sleep 0.5; seq 1 4000", LocalTarget.here()));
        handle.addListener(line -> sleepOneMillisecond());
        RunResult result = handle.await(Runners.WAIT);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.lineCount()).isEqualTo(4000);
        List<String> file = Files.readAllLines(result.outputFile());
        assertThat(file.get(file.size() - 1)).endsWith("4000");
    }

    @Test
    void aSilentBackgroundChildHoldingThePipeDoesNotKeepTheRunOpen() throws Exception {
        RunHandle handle = runner.start(RunRequest.of("echo started; sleep 60 &", LocalTarget.here()));
        RunResult result = handle.await(Duration.ofSeconds(20)); // hang guard, not a speed check

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.stdout()).containsExactly("started");
    }

    private static void sleepOneMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
