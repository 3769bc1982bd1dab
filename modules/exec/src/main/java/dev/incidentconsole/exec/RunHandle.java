package dev.incidentconsole.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running command. Thread-safe: listeners may be added, the run cancelled and awaited from any thread.
 * Output goes to the listeners on a background thread; the run's timeout is enforced in the background too,
 * so nothing here blocks except {@link #await}, which blocks at most for the time given.
 */
public final class RunHandle {
    private static final Logger LOG = LoggerFactory.getLogger(RunHandle.class);
    /** Longest wait for output after the command exited while a background child keeps writing to the pipe. */
    private static final Duration MAX_DRAIN = Duration.ofSeconds(30);

    private final PreparedCommand prepared;
    private final OutputSink sink;
    private final ExecSettings settings;
    private final Executor executor;
    private final Instant started = Instant.now();
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Completes when a stop's {@link Execution#terminate} returned: a run is not over before its kill is. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean timedOut;
    /** The command ended by itself: a cancel's kill, queued before that, must not signal what its ids name now. */
    private volatile boolean exited;
    private volatile Execution execution;

    RunHandle(PreparedCommand prepared, OutputSink sink, ExecSettings settings, Executor executor) {
        this.prepared = prepared;
        this.sink = sink;
        this.settings = settings;
        this.executor = executor;
    }

    /** Starts reading output and watching the clock for {@code exec}. */
    void begin(Execution exec) {
        this.execution = exec;
        CompletableFuture<Void> out = CompletableFuture.runAsync(
                new LineReader(exec.stdout(), OutputLine.Source.STDOUT, sink), executor);
        CompletableFuture<Void> err = CompletableFuture.runAsync(
                new LineReader(exec.stderr(), OutputLine.Source.STDERR, sink), executor);
        executor.execute(() -> watch(exec, CompletableFuture.allOf(out, err)));
    }

    private void watch(Execution exec, CompletableFuture<Void> readers) {
        String message = "";
        try {
            long deadline = prepared.timeout() == null ? Long.MAX_VALUE
                    : System.nanoTime() + prepared.timeout().toNanos();
            boolean ended = false;
            while (!ended) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 && !stopping.get()) {
                    timedOut = true;
                    message = "Stopped after the timeout of " + prepared.timeout().toSeconds() + " s.";
                    stop(exec);
                }
                ended = exec.waitFor(left <= 0 ? 500 : Math.min(left, 500));
            }
            exited = true;
            drain(readers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "Interrupted while waiting for the command.";
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("Reading output of '{}' failed", prepared.runText(), e);
            message = "Reading the output failed: " + e.getMessage();
        } finally {
            awaitStop();
            finish(exec, message);
        }
    }

    /**
     * A cancel's kill runs on another thread, and the command's channel closes as soon as the first process of
     * its tree dies, while the kill still stops the rest: whoever closes the connection once the run has ended
     * (a runner closed on exit) must not cut it short.
     */
    private void awaitStop() {
        if (!stopping.get() && !cancelled.get()) { // cancelled: its stop may still be queued on the executor
            return;
        }
        try {
            stopped.get(stopLimit(settings).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The stop of '{}' did not finish: {}", prepared.runText(), e.toString());
        }
    }

    /**
     * Reads what the command wrote before it exited to the end. The wait stops early only when no output has
     * arrived for the drain timeout (a background child holding the pipe open, silent), after {@link #MAX_DRAIN}
     * (one still writing), or after one drain timeout when the run was stopped. A fixed wait dropped the last lines under load, when the readers (masking, the file,
     * the listeners) ran seconds behind a fast writer: 8,000 of 20,000 lines in one test run.
     */
    private void drain(CompletableFuture<Void> readers) throws InterruptedException, ExecutionException {
        long quiet = settings.drainTimeout().toMillis();
        long giveUp = System.nanoTime() + MAX_DRAIN.toNanos();
        long seen = sink.byteCount();
        while (true) {
            try {
                readers.get(quiet, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                long now = sink.byteCount();
                // A stopped run (cancelled, timed out) waits once: an orphan still writing must not hold it.
                if (now == seen || stopping.get() || System.nanoTime() - giveUp > 0) {
                    LOG.debug("Output still open after exit and {}; a background child holds it",
                            now == seen ? "quiet for " + settings.drainTimeout() : "still written after " + MAX_DRAIN);
                    return;
                }
                seen = now;
            }
        }
    }

    private void finish(Execution exec, String message) {
        Integer code = exec.exitCode();
        RunStatus status = cancelled.get() ? RunStatus.CANCELLED : timedOut ? RunStatus.TIMED_OUT
                : code == null ? RunStatus.ERROR : code == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
        if (message.isEmpty() && status == RunStatus.CANCELLED) {
            message = "Cancelled.";
        } else if (message.isEmpty() && code == null) {
            message = exec.exitDetail().isEmpty() ? "The command ended without an exit code." : exec.exitDetail();
        }
        sink.close();
        exec.release();
        RunResult result = new RunResult(prepared.runText(), prepared.target().name(), status, code, started,
                Instant.now(), sink.tail(), sink.lineCount(), sink.file(), message);
        done.complete(result);
    }

    /**
     * How long a run waits for its stop (the kill's signals, its grace period, a slow link's round trips) before it
     * reports its end anyway; whoever waits for a stopped run's end allows this and its output's drain.
     */
    static Duration stopLimit(ExecSettings settings) {
        return settings.killGrace().plusSeconds(15);
    }

    private void stop(Execution exec) {
        if (stopping.compareAndSet(false, true)) {
            try {
                if (!exited) {
                    exec.terminate(settings.killGrace());
                }
            } finally {
                stopped.complete(null);
            }
        }
    }

    /**
     * Stops the command and everything it started (SIGTERM, SIGKILL after the grace period; over SSH the
     * remote processes too). Returns at once; {@link #await} reports {@link RunStatus#CANCELLED}.
     */
    public void cancel() {
        Execution exec = execution;
        if (exec != null && !done.isDone() && cancelled.compareAndSet(false, true)) {
            executor.execute(() -> stop(exec));
        }
    }

    /**
     * Waits up to {@code timeout} for the run to end.
     *
     * @throws ExecException {@code STILL_RUNNING} when it has not ended by then (it keeps running),
     *                       {@code INTERRUPTED} when the waiting thread is interrupted
     */
    public RunResult await(Duration timeout) throws ExecException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecException(ExecException.Reason.STILL_RUNNING, "The command is still running after "
                    + timeout.toSeconds() + " s; wait longer or cancel it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecException(ExecException.Reason.INTERRUPTED, "Interrupted while waiting for the command.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("run completion failed", e.getCause());
        }
    }

    /** Adds a listener that first receives the lines already in the tail, then every new line. */
    public void addListener(OutputListener listener) {
        sink.addListener(listener, true);
        done.thenAccept(listener::onFinished);
    }

    public void removeListener(OutputListener listener) {
        sink.removeListener(listener);
    }

    /** Completes with the result when the run ends (on a background thread). */
    public CompletableFuture<RunResult> completion() {
        return done.copy();
    }

    public boolean isDone() {
        return done.isDone();
    }

    public Optional<RunResult> result() {
        return Optional.ofNullable(done.getNow(null));
    }

    public PreparedCommand prepared() {
        return prepared;
    }

    public Instant started() {
        return started;
    }

    /** The last lines kept in memory so far, oldest first. */
    public List<OutputLine> tail() {
        return sink.tail();
    }

    /** The file that receives every line. */
    public Path outputFile() {
        return sink.file();
    }
}
