package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Start-up steps run one per FX event, in order; what waits for them runs after the last one. */
class FxStepsTest {
    /** Stands for the FX thread's queue: events run only when the test says so. */
    private static final class Events implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable event) {
            queued.add(event);
        }

        void runOne() {
            queued.remove().run();
        }

        void runAll() {
            while (!queued.isEmpty()) {
                runOne();
            }
        }
    }

    private final Events events = new Events();
    private final List<String> done = new ArrayList<>();
    private final FxSteps steps = new FxSteps(events);

    @Test
    void eachStepIsItsOwnEventSoOtherEventsRunBetweenThem() {
        steps.then(() -> {
            done.add("dashboard");
            events.execute(() -> done.add("pulse")); // posted by the pulse timer while this step ran
        }).then(() -> done.add("runs")).start();
        assertThat(done).as("nothing runs inside start()").isEmpty();

        events.runAll();

        assertThat(done).containsExactly("dashboard", "pulse", "runs");
    }

    @Test
    void whenDoneWaitsForTheLastStepThenRunsAtOnce() {
        steps.then(() -> done.add("search")).start();
        steps.whenDone(() -> done.add("open the link"));
        assertThat(steps.isDone()).isFalse();

        events.runAll();
        steps.whenDone(() -> done.add("switch workspace"));

        assertThat(steps.isDone()).isTrue();
        assertThat(done).containsExactly("search", "open the link", "switch workspace");
    }

    @Test
    void aStepMayAddStepsThatRunAfterTheOnesAlreadyAdded() {
        steps.then(() -> {
            done.add("first");
            steps.then(() -> done.add("added by first"));
        }).then(() -> done.add("second")).start();

        events.runAll();

        assertThat(done).containsExactly("first", "second", "added by first");
    }

    @Test
    void cancelledStepsAndWaitingActionsNeverRun() {
        steps.then(() -> done.add("dashboard")).then(() -> done.add("runs")).start();
        steps.whenDone(() -> done.add("open the link"));
        events.runOne();

        steps.cancel(); // the window closed during start-up
        events.runAll();

        assertThat(done).containsExactly("dashboard");
        assertThat(steps.isDone()).isFalse();
    }

    @Test
    void anActionAskedForAfterCancelNeverRuns() {
        steps.then(() -> done.add("dashboard")).start();
        events.runAll();
        steps.cancel(); // the window closed; a late environment-file answer asks for the workspace's load

        steps.whenDone(() -> done.add("load the workspace"));

        assertThat(done).containsExactly("dashboard");
    }

    @Test
    void aFailingStepDoesNotStopTheStepsAfterItNorWhatWaits() {
        steps.then(() -> {
            throw new IllegalStateException("broken feature");
        }).then(() -> done.add("runs")).start();
        steps.whenDone(() -> done.add("open the link"));

        events.runAll();

        assertThat(done).containsExactly("runs", "open the link");
        assertThat(steps.isDone()).isTrue();
    }

    @Test
    void aStepThatWaitsHoldsTheNextUntilItSaysItIsOverAndOnlyOnce() {
        Runnable[] rowsShown = new Runnable[1];
        steps.thenWhen(over -> {
            done.add("wait for the rows");
            rowsShown[0] = over;
        }).then(() -> done.add("show the window")).start();

        events.runAll();
        assertThat(done).as("the next step waits for the rows").containsExactly("wait for the rows");
        assertThat(steps.isDone()).isFalse();

        rowsShown[0].run();
        rowsShown[0].run(); // the rows and the time cap both said so: the next step runs once
        events.runAll();

        assertThat(done).containsExactly("wait for the rows", "show the window");
        assertThat(steps.isDone()).isTrue();
    }

    @Test
    void aWaitingStepThatFailsDoesNotStopTheStart() {
        steps.thenWhen(over -> {
            throw new IllegalStateException("no dashboard");
        }).then(() -> done.add("show the window")).start();

        events.runAll();

        assertThat(done).containsExactly("show the window");
    }
}
