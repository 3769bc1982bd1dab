package dev.incidentconsole.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads one search spreads its work over. The searching thread always takes part: it runs every task no
 * helper has started yet, so a search never waits for a busy helper, and one core means no hand-offs at all.
 *
 * <p>Hand-written rather than a JDK executor because of wake-up time: an executor parks its idle threads, and
 * waking one on this kind of virtual machine took 0.1 ms typically and up to 1 ms, as long as a whole step of a
 * search. Helpers here are woken when a search {@link #begin begins}, while it still analyses the query, and
 * spin instead of parking until it {@link #end ends}; between searches they park. Thread-safe.
 */
final class SearchThreads implements Closeable {

    /** Beyond four parts a search of this size gains less than the hand-offs cost. */
    private static final int MAX_PARALLELISM = 4;
    /** A search that lasts longer than this lets the helpers park between its tasks. */
    private static final long MAX_SPIN_NANOS = 50_000_000L;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final Queue<FutureTask<?>> queue = new ConcurrentLinkedQueue<>();
    private final List<Thread> helpers;
    private final AtomicInteger searching = new AtomicInteger();
    private final AtomicLong helped = new AtomicLong();
    private volatile long spinUntil;
    private volatile boolean closed;

    SearchThreads() {
        this(Math.min(MAX_PARALLELISM, Runtime.getRuntime().availableProcessors()));
    }

    SearchThreads(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        int id = POOLS.incrementAndGet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < this.parallelism; i++) {
            Thread t = new Thread(this::help, "runbook-search-" + id + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        helpers = List.copyOf(threads);
        helpers.forEach(Thread::start);
    }

    /** How many parts are worth splitting one piece of work into. */
    int parallelism() {
        return parallelism;
    }

    /** How many tasks helpers have taken (tests). */
    long helped() {
        return helped.get();
    }

    /** A search begins: helpers wake up and stay awake until it {@link #end}s. */
    void begin() {
        searching.incrementAndGet();
        spinUntil = System.nanoTime() + MAX_SPIN_NANOS;
        helpers.forEach(LockSupport::unpark);
    }

    /** The search begun last by this thread ended. */
    void end() {
        searching.decrementAndGet();
    }

    /** Starts a task on a helper; {@link #join} it. */
    <T> FutureTask<T> start(Callable<T> task) {
        FutureTask<T> future = task(task);
        offer(future);
        return future;
    }

    /** The task's result, running it on this thread if no helper has started it. */
    <T> T join(FutureTask<T> future) throws IOException {
        future.run(); // a no-op once another thread has started or finished it
        long giveUp = System.nanoTime() + MAX_SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < giveUp) {
            Thread.onSpinWait(); // a helper is finishing it: parking would add a wake-up to the wait
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("search interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Runs the tasks, the first on this thread, and returns their results in order. */
    <T> List<T> all(List<Callable<T>> tasks) throws IOException {
        List<FutureTask<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(task(task));
        }
        for (int i = 1; i < futures.size(); i++) {
            offer(futures.get(i));
        }
        List<T> results = new ArrayList<>(futures.size());
        for (FutureTask<T> future : futures) {
            results.add(join(future));
        }
        return results;
    }

    private <T> FutureTask<T> task(Callable<T> task) {
        return new FutureTask<>(() -> {
            if (helpers.contains(Thread.currentThread())) {
                helped.incrementAndGet();
            }
            return task.call();
        });
    }

    @Override
    public void close() {
        closed = true;
        helpers.forEach(LockSupport::unpark);
    }

    private void offer(FutureTask<?> future) {
        if (!helpers.isEmpty() && !closed) {
            queue.add(future);
            helpers.forEach(LockSupport::unpark);
        }
    }

    private void help() {
        while (!closed) {
            FutureTask<?> task = queue.poll();
            if (task != null) {
                task.run();
            } else if (searching.get() > 0 && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        queue.clear();
    }
}
