package dev.incidentconsole.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchThreadsTest {

    @Test
    void tasksRunAtTheSameTimeOnHelpersAndTheCaller() throws IOException {
        try (SearchThreads threads = new SearchThreads(3)) {
            threads.begin();
            CountDownLatch allStarted = new CountDownLatch(3);
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(() -> {
                    allStarted.countDown();
                    return allStarted.await(10, TimeUnit.SECONDS); // only true when three threads run at once
                });
            }
            assertThat(threads.all(tasks)).containsExactly(true, true, true);
            assertThat(threads.helped()).isEqualTo(2);
            threads.end();
        }
    }

    @Test
    void eachTaskRunsOnceAndResultsKeepTheirOrder() throws IOException {
        try (SearchThreads threads = new SearchThreads(2)) {
            AtomicInteger runs = new AtomicInteger();
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                tasks.add(() -> {
                    runs.incrementAndGet();
                    return n;
                });
            }
            threads.begin();
            List<Integer> results = threads.all(tasks);
            threads.end();
            assertThat(results).hasSize(200).isSorted().startsWith(0).endsWith(199);
            assertThat(runs).hasValue(200);
        }
    }

    @Test
    void oneThreadRunsEverythingOnTheCaller() throws IOException {
        try (SearchThreads threads = new SearchThreads(1)) {
            Thread caller = Thread.currentThread();
            FutureTask<Thread> started = threads.start(Thread::currentThread);
            assertThat(threads.all(List.of(Thread::currentThread, Thread::currentThread))).containsOnly(caller);
            assertThat(threads.join(started)).isSameAs(caller);
            assertThat(threads.helped()).isZero();
        }
    }

    @Test
    void aFailingTaskFailsTheCallWithItsOwnException() {
        try (SearchThreads threads = new SearchThreads(2)) {
            List<Callable<String>> tasks = List.of(() -> "fine", () -> {
                throw new IOException("segment unreadable");
            });
            assertThatThrownBy(() -> threads.all(tasks)).isInstanceOf(IOException.class)
                    .hasMessage("segment unreadable");
        }
    }

    @Test
    void afterCloseTheCallerStillRunsEverything() throws IOException {
        SearchThreads threads = new SearchThreads(3);
        threads.close();
        assertThat(threads.all(List.of(() -> 1, () -> 2, () -> 3))).containsExactly(1, 2, 3);
    }
}
