package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The app's executor on the real FX Application Thread: cancel, "latest wins" and scheduling. */
class FxTaskExecutorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    /** What reached the FX thread, tagged with whether it arrived there. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private void deliver(String what) {
        delivered.add(Platform.isFxApplicationThread() ? what : what + " (off the FX thread)");
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
    }

    @Test
    void cancelInterruptsRunningWorkAndNoCallbackReachesTheFxThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        TaskHandle handle = executor.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return "slept";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            } finally {
                ended.countDown();
            }
        }, r -> deliver("success " + r), e -> deliver("failure " + e));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        onFx(handle::cancel);

        assertThat(ended.await(30, TimeUnit.SECONDS)).as("the sleeping work was stopped").isTrue();
        assertThat(interrupted).hasValue(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(delivered).isEmpty();
    }

    @Test
    void aResultFinishedAfterCancelNeverReachesTheFxThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        TaskHandle handle = executor.execute(() -> {
            started.countDown();
            // Work that ignores interruption, as a blocking socket read does, and returns anyway.
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            returned.countDown();
            return "late";
        }, r -> deliver("success " + r), e -> deliver("failure " + e));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        onFx(handle::cancel);
        release.countDown();

        assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // the worker hands its result over right after returning
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).isEmpty();
    }

    @Test
    void workAskedForAfterCloseIsDroppedWithoutAnErrorOrACallback() throws Exception {
        executor.close();

        TaskHandle work = executor.execute(() -> "late", r -> deliver("success " + r), e -> deliver("failure " + e));
        executor.schedule(Duration.ZERO, () -> deliver("scheduled"));
        executor.scheduleWithFixedDelay(() -> "tick", Duration.ZERO, Duration.ofMillis(1), r -> deliver(r),
                e -> deliver("failure " + e));
        work.cancel();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(delivered).isEmpty();
    }

    @Test
    void uncancelledWorkAnswersOnTheFxThread() {
        executor.execute(() -> "done", r -> deliver("success " + r), e -> deliver("failure " + e));
        executor.execute(() -> {
            throw new IllegalStateException("broken");
        }, r -> deliver("success " + r), e -> deliver("failure " + e.getMessage()));

        await().atMost(PATIENCE).until(() -> delivered.size() == 2);
        assertThat(delivered).containsExactlyInAnyOrder("success done", "failure broken");
    }

    @Test
    void aSlowOldResultArrivingAfterAFastNewOneIsDropped() throws Exception {
        LatestWins latest = executor.latestWins();
        CountDownLatch releaseOld = new CountDownLatch(1);
        CountDownLatch oldReturned = new CountDownLatch(1);
        onFx(() -> latest.submit(() -> {
            releaseOld.await();
            oldReturned.countDown();
            return "old";
        }, this::deliver, e -> deliver("failure " + e)));
        onFx(() -> latest.submit(() -> "new", this::deliver, e -> deliver("failure " + e)));
        await().atMost(PATIENCE).until(() -> delivered.contains("new"));

        releaseOld.countDown();

        assertThat(oldReturned.await(30, TimeUnit.SECONDS)).as("the old work was not interrupted").isTrue();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).containsExactly("new");
    }

    @Test
    void supersedeDropsTheAnswerOfARequestStillRunning() throws Exception {
        LatestWins latest = executor.latestWins();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        onFx(() -> latest.submit(() -> {
            release.await();
            returned.countDown();
            return "stale";
        }, this::deliver, e -> deliver("failure " + e)));

        onFx(latest::supersede);
        release.countDown();

        assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).isEmpty();
    }

    @Test
    void settledRunsForASupersededRequestToo() throws Exception {
        LatestWins latest = executor.latestWins();
        CountDownLatch releaseOld = new CountDownLatch(1);
        onFx(() -> latest.submit(() -> {
            releaseOld.await();
            return "old";
        }, this::deliver, e -> deliver("failure " + e), () -> deliver("old settled")));
        onFx(() -> latest.submit(() -> "new", this::deliver, e -> deliver("failure " + e), () -> deliver("new settled")));
        await().atMost(PATIENCE).until(() -> delivered.contains("new settled"));

        releaseOld.countDown();

        await().atMost(PATIENCE).until(() -> delivered.contains("old settled"));
        assertThat(delivered).containsExactly("new", "new settled", "old settled");
    }

    @Test
    void fixedDelayRepeatsPastAFailureOnTheFxThreadUntilCancelled() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        TaskHandle handle = executor.scheduleWithFixedDelay(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return runs.get();
        }, Duration.ZERO, Duration.ofMillis(20), n -> deliver("run " + n), e -> deliver("failure " + e.getMessage()));
        await().atMost(PATIENCE).until(() -> delivered.size() >= 3);

        onFx(handle::cancel);
        int ranWhenCancelled = runs.get();
        int deliveredWhenCancelled = delivered.size();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(delivered.subList(0, 3)).containsExactly("failure first run fails", "run 2", "run 3");
        assertThat(delivered).hasSize(deliveredWhenCancelled);
        assertThat(runs.get()).as("no run starts after cancel").isLessThanOrEqualTo(ranWhenCancelled + 1);
    }

    @Test
    void aDelayedActionRunsOnceOnTheFxThreadAfterItsDelayUnlessCancelled() throws Exception {
        long start = System.nanoTime();
        AtomicInteger elapsedMs = new AtomicInteger();
        executor.schedule(Duration.ofMillis(150), () -> {
            elapsedMs.set((int) ((System.nanoTime() - start) / 1_000_000));
            deliver("fired");
        });
        // Long enough that the cancel below surely comes first, even on a loaded machine.
        TaskHandle cancelled = executor.schedule(Duration.ofSeconds(1), () -> deliver("cancelled one fired"));
        cancelled.cancel();

        await().atMost(PATIENCE).until(() -> !delivered.isEmpty());
        Thread.sleep(Math.max(0, 1300 - (System.nanoTime() - start) / 1_000_000));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(delivered).containsExactly("fired");
        assertThat(elapsedMs.get()).isGreaterThanOrEqualTo(150);
    }
}
