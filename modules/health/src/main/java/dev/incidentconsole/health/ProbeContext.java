package dev.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One probe attempt's time budget and abort hook. Thread-safe.
 *
 * <p>A probe sets its own I/O timeouts from {@link #remaining()}. If it still overruns, the scheduler
 * calls {@link #abort()}, which runs every action registered with {@link #onAbort(Runnable)} (close the
 * socket, cancel the call, kill the process) so the blocked thread is released.
 */
public final class ProbeContext {
    private final Duration timeout;
    private final Instant startedAt;
    private final long startNanos;
    private final List<Runnable> abortActions = new ArrayList<>();
    private boolean aborted;

    private ProbeContext(Duration timeout) {
        this.timeout = timeout;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    /** Starts the clock for an attempt that may take at most {@code timeout}. */
    public static ProbeContext start(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new ProbeContext(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Time left before the attempt counts as timed out; at least 1 ms so it can be passed to I/O calls. */
    public Duration remaining() {
        Duration left = timeout.minus(elapsed());
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }

    /** Remaining time in whole milliseconds, at least 1 (0 means "no timeout" to most socket APIs). */
    public int remainingMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining().toMillis()));
    }

    /** Registers an action that releases the probe's blocking resource; runs at once if already aborted. */
    public void onAbort(Runnable action) {
        synchronized (this) {
            if (!aborted) {
                abortActions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    /** Releases every registered resource. Idempotent. */
    public void abort() {
        List<Runnable> actions;
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            actions = List.copyOf(abortActions);
        }
        actions.forEach(ProbeContext::runQuietly);
    }

    public synchronized boolean aborted() {
        return aborted;
    }

    /** A failed attempt, timed from the start of this context. */
    public ProbeResult down(String reason) {
        return ProbeResult.down(reason, elapsed(), startedAt);
    }

    /** A successful attempt, timed from the start of this context. */
    public ProbeResult up(String reason) {
        return ProbeResult.up(reason, elapsed(), startedAt);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // Releasing an already broken resource may fail; the attempt is being abandoned anyway.
        }
    }
}
