package dev.incidentconsole.app.gui.util;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds background work until the test lets it finish, in the order the test chooses, so it can play out
 * races: a slow first search, a worker that started later finishing first.
 */
public final class HeldTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> held = new ArrayDeque<>();
    private final boolean workAtOnce;
    private final DirectTaskExecutor direct = new DirectTaskExecutor();

    private HeldTaskExecutor(boolean workAtOnce) {
        this.workAtOnce = workAtOnce;
    }

    /** Holds the work itself: it runs, and answers, when the test says. */
    public HeldTaskExecutor() {
        this(false);
    }

    /** Runs the work at once, as a background thread would, but holds each answer until the test delivers it. */
    public static HeldTaskExecutor answersLater() {
        return new HeldTaskExecutor(true);
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (!workAtOnce) {
            held.add(() -> direct.execute(work, onSuccess, onFailure));
            return;
        }
        try {
            T result = work.call();
            held.add(() -> onSuccess.accept(result));
        } catch (Exception e) {
            held.add(() -> onFailure.accept(e));
        }
    }

    public int pending() {
        return held.size();
    }

    /** Lets everything held finish in the order it was submitted, and what it submits meanwhile. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.pollFirst().run();
        }
    }

    /** Lets everything held finish newest first (work submitted meanwhile is the newest). */
    public void runAllNewestFirst() {
        while (!held.isEmpty()) {
            held.pollLast().run();
        }
    }

    @Override
    public void close() {
        held.clear();
    }
}
