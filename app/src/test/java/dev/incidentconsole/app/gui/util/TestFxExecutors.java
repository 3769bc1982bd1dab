package dev.incidentconsole.app.gui.util;

import java.util.concurrent.Executor;

/** Builds the real {@link FxTaskExecutor} for tests in other packages, with a UI thread they play themselves. */
public final class TestFxExecutors {
    private TestFxExecutors() {
    }

    /** An executor of {@code threads} workers whose callbacks run on {@code uiThread} instead of the FX thread. */
    public static FxTaskExecutor withUi(int threads, Executor uiThread) {
        return new FxTaskExecutor(threads, uiThread);
    }
}
