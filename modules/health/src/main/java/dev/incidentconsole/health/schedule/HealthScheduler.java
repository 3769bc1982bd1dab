package dev.incidentconsole.health.schedule;

import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.health.Probe;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.probe.Probes;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks watched services, each on its own interval with ±10% jitter, and publishes status changes.
 *
 * <p>Threads: one timer thread schedules checks and enforces hard timeouts; probes run on a bounded pool
 * ({@link Builder#poolSize}, 128 by default; idle threads exit). A probe starts its clock when a worker picks it up; one that
 * overruns its service's timeout (plus a short grace) is abandoned and recorded as a timeout, its
 * resources aborted, so one dead host never delays another. A service never has two checks in flight.
 *
 * <p>Status rules: UP/DEGRADED take effect at once; a failed attempt counts towards
 * {@link ServiceSpec#retries()} and the service becomes DOWN only when that many fail in a row (failed
 * services are rechecked every {@link ServiceSpec#retryInterval()} until then).
 *
 * <p>Thread-safe: every method may be called from any thread. Listeners are called on worker threads.
 * {@link #close()} stops all checks and kills running commands; it is idempotent.
 */
public final class HealthScheduler implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthScheduler.class);
    private final Probes probes;
    private final boolean ownsProbes;
    private final int historySize;
    private final Duration initialSpread;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor workers;
    private final Map<String, Tracked> services = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<HealthListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ProbeContext> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private HealthScheduler(Builder b) {
        this.probes = b.probes != null ? b.probes : b.runner != null ? new Probes(b.runner) : new Probes();
        this.ownsProbes = b.probes == null;
        this.historySize = b.historySize;
        this.initialSpread = b.initialSpread;
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("health-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.workers = new ThreadPoolExecutor(b.poolSize, b.poolSize, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("health-probe"));
        workers.allowCoreThreadTimeOut(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts watching a service (first check within the initial spread), or replaces one of the same name
     * with a different spec (its history starts over). Watching an identical spec again changes nothing.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void watch(ServiceSpec spec) {
        Tracked fresh;
        synchronized (order) {
            ensureOpen();
            Tracked old = services.get(spec.name());
            if (old != null && old.spec.equals(spec)) {
                return;
            }
            fresh = new Tracked(spec, probes.create(spec), historySize);
            services.put(spec.name(), fresh);
            if (old != null) {
                retire(old);
            } else {
                order.add(spec.name());
            }
        }
        long spread = Math.min(initialSpread.toMillis(), spec.interval().toMillis());
        schedule(fresh, spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }

    public void watchAll(Collection<ServiceSpec> specs) {
        specs.forEach(this::watch);
    }

    /** Watches exactly these services (e.g. after switching environment), dropping the others. */
    public void replaceAll(Collection<ServiceSpec> specs) {
        Set<String> keep = ConcurrentHashMap.newKeySet();
        specs.forEach(s -> keep.add(s.name()));
        List.copyOf(order).stream().filter(n -> !keep.contains(n)).forEach(this::unwatch);
        watchAll(specs);
    }

    /** Stops watching; returns whether the service was watched. A check in flight finishes unseen. */
    public boolean unwatch(String name) {
        synchronized (order) {
            Tracked t = services.remove(name);
            if (t == null) {
                return false;
            }
            order.remove(name);
            retire(t);
            return true;
        }
    }

    /**
     * Checks a service now (or joins the check already running) and reschedules it from then.
     *
     * @return the status after the check; fails with {@link IllegalArgumentException} for an unknown name
     */
    public CompletableFuture<ServiceStatus> checkNow(String name) {
        Tracked t = services.get(name);
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no service named \"" + name + "\""));
        }
        return start(t);
    }

    /**
     * Checks every service now; completes when all have answered or timed out, with statuses in watch order.
     * Services that took longest last time (timeouts, unchecked ones) start first, so their waiting overlaps
     * the quick ones' work and a sweep takes about one timeout as long as fewer services hang than
     * {@link Builder#poolSize} threads.
     */
    public CompletableFuture<List<ServiceStatus>> checkAll() {
        List<Tracked> tracked = new ArrayList<>();
        order.forEach(n -> Optional.ofNullable(services.get(n)).ifPresent(tracked::add));
        Map<Tracked, CompletableFuture<ServiceStatus>> started = new java.util.IdentityHashMap<>();
        Map<Tracked, Duration> expected = new java.util.IdentityHashMap<>();
        tracked.forEach(t -> expected.put(t, expectedDuration(t)));
        tracked.stream().sorted(java.util.Comparator.comparing(expected::get).reversed())
                .forEach(t -> started.put(t, start(t)));
        List<CompletableFuture<ServiceStatus>> all = tracked.stream().map(started::get).toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    public Optional<ServiceStatus> status(String name) {
        return Optional.ofNullable(services.get(name)).map(Tracked::snapshot);
    }

    /** Every watched service, in the order first watched. */
    public List<ServiceStatus> statuses() {
        List<ServiceStatus> list = new ArrayList<>();
        order.forEach(n -> Optional.ofNullable(services.get(n)).ifPresent(t -> list.add(t.snapshot())));
        return list;
    }

    /** Adds a listener; close the returned handle to remove it. */
    public AutoCloseable subscribe(HealthListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        running.forEach(ProbeContext::abort);
        workers.shutdownNow();
        if (ownsProbes) {
            probes.close();
        }
    }

    private CompletableFuture<ServiceStatus> start(Tracked t) {
        CompletableFuture<ServiceStatus> future;
        synchronized (t) {
            if (t.inflight != null) {
                return t.inflight;
            }
            if (t.removed || closed) {
                return CompletableFuture.completedFuture(t.snapshot());
            }
            if (t.next != null) {
                t.next.cancel(false);
            }
            future = new CompletableFuture<>();
            t.inflight = future;
        }
        Attempt attempt = new Attempt(t, future);
        try {
            workers.execute(attempt.task);
        } catch (RejectedExecutionException e) {
            synchronized (t) {
                t.inflight = null;
            }
            future.complete(t.snapshot());
        }
        return future;
    }

    private void finish(Tracked t, ProbeResult result, CompletableFuture<ServiceStatus> future) {
        Tracked.Outcome outcome = t.record(result);
        boolean live;
        synchronized (t) {
            t.inflight = null;
            live = !t.removed && !closed;
        }
        if (live) {
            // Published before the next check is scheduled: on a busy machine that check could otherwise
            // finish and publish first, and listeners would see a service's results out of order.
            publish(outcome);
            schedule(t, jittered(outcome.nextDelay()));
        }
        future.complete(outcome.status());
    }

    private void publish(Tracked.Outcome outcome) {
        for (HealthListener l : listeners) {
            try {
                if (outcome.change() != null) {
                    l.statusChanged(outcome.change());
                }
                l.checked(outcome.status());
            } catch (RuntimeException e) {
                LOG.warn("Health listener {} failed on {}", l, outcome.status().name(), e);
            }
        }
    }

    private void schedule(Tracked t, long delayMs) {
        synchronized (t) {
            if (t.removed || closed) {
                return;
            }
            if (t.next != null) {
                t.next.cancel(false);
            }
            try {
                t.next = timer.schedule(() -> start(t), delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void retire(Tracked t) {
        synchronized (t) {
            t.removed = true;
            if (t.next != null) {
                t.next.cancel(false);
            }
        }
    }

    /** How long the last check took; unchecked services count as the full timeout. */
    private static Duration expectedDuration(Tracked t) {
        ProbeResult last = t.last();
        return last.status() == dev.incidentconsole.health.Status.UNKNOWN ? t.spec.timeout() : last.latency();
    }

    private static long jittered(Duration delay) {
        long ms = delay.toMillis();
        long spread = ms / 10;
        return spread <= 0 ? ms : ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1);
    }

    /** Extra time a probe gets past its own timeout before it is abandoned: 10% of it, 50-250 ms. */
    static long graceMillis(Duration timeout) {
        return Math.max(50, Math.min(250, timeout.toMillis() / 10));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the health scheduler is closed");
        }
    }

    /** One check: runs the probe on a worker, racing a watchdog on the timer thread. */
    private final class Attempt implements Runnable {
        final FutureTask<Void> task = new FutureTask<>(this, null);
        private final Tracked tracked;
        private final CompletableFuture<ServiceStatus> future;
        private final AtomicBoolean settled = new AtomicBoolean();

        Attempt(Tracked tracked, CompletableFuture<ServiceStatus> future) {
            this.tracked = tracked;
            this.future = future;
        }

        @Override
        public void run() {
            Duration timeout = tracked.spec.timeout();
            ProbeContext context = ProbeContext.start(timeout);
            running.add(context);
            java.util.concurrent.ScheduledFuture<?> watchdog;
            try {
                watchdog = timer.schedule(() -> abandon(context), timeout.toMillis() + graceMillis(timeout),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                running.remove(context);
                future.complete(tracked.snapshot());
                return;
            }
            ProbeResult result = runProbe(tracked.probe, context);
            running.remove(context);
            watchdog.cancel(false);
            if (settled.compareAndSet(false, true)) {
                finish(tracked, result, future);
            }
        }

        private void abandon(ProbeContext context) {
            if (settled.compareAndSet(false, true)) {
                context.abort();
                task.cancel(true);
                running.remove(context);
                finish(tracked, context.down("timeout after " + context.timeout().toMillis() + " ms"), future);
            }
        }

        private ProbeResult runProbe(Probe probe, ProbeContext context) {
            try {
                return probe.check(context);
            } catch (RuntimeException e) {
                LOG.warn("Probe of {} failed unexpectedly", tracked.spec.name(), e);
                return context.down("probe error: " + e);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Scheduler settings. */
    public static final class Builder {
        private Probes probes;
        private CommandRunner runner;
        private int poolSize = 128;
        private int historySize = 100;
        private Duration initialSpread = Duration.ofSeconds(2);

        /** Probes to use (the caller keeps ownership); by default the scheduler makes and closes its own. */
        public Builder probes(Probes value) {
            this.probes = value;
            return this;
        }

        /**
         * Runs check commands through {@code value} (the caller keeps and closes it, after the scheduler), e.g.
         * one with the app's SSH config and agent; without one, check commands are not run (their status is UNKNOWN,
         * {@link Probes#Probes()}). Ignored when {@link #probes} are given.
         */
        public Builder commandRunner(CommandRunner value) {
            this.runner = value;
            return this;
        }

        /** Most probes running at once; more hanging services than this delay the rest. Default 128. */
        public Builder poolSize(int value) {
            this.poolSize = Math.max(1, value);
            return this;
        }

        /** Results kept per service for history and stats. Default 100. */
        public Builder historySize(int value) {
            this.historySize = Math.max(1, value);
            return this;
        }

        /** First checks are spread randomly over this long so many services do not fire at once. Default 2 s. */
        public Builder initialSpread(Duration value) {
            this.initialSpread = value;
            return this;
        }

        public HealthScheduler build() {
            return new HealthScheduler(this);
        }
    }
}
