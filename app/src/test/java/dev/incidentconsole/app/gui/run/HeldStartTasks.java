package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.gui.util.TaskHandle;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until {@link #release()}, as a start-up still connecting over SSH would. */
public final class HeldStartTasks implements TaskExecutor {
    private final DirectTaskExecutor direct = new DirectTaskExecutor();
    private Runnable held;

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Exception> onFailure) {
        held = () -> direct.execute(work, onSuccess, onFailure);
        return TaskHandle.DONE;
    }

    /** Runs the held work now, on the calling thread. */
    public void release() {
        held.run();
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        return direct.schedule(delay, action);
    }

    @Override
    public <T> TaskHandle scheduleWithFixedDelay(Callable<T> work, Duration initialDelay, Duration delay,
                                                 Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        return direct.scheduleWithFixedDelay(work, initialDelay, delay, onResult, onFailure);
    }

    @Override
    public void close() {
        direct.close();
    }
}
