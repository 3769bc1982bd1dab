package dev.incidentconsole.app.gui;

import dev.incidentconsole.app.gui.util.LatestWins;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Hands each workspace the window shows to the features. The first one's environment file is read alone first (the
 * dashboard, the first view, waits for it; on two busy cores the search index, the outline and the run targets
 * competed with it, none of them on screen yet); the other features start once it is read and every start-up step
 * ran. A switch made before then replaces that start: the latest workspace is the one every feature starts on.
 * UI thread only.
 */
final class WorkspaceHandOff {
    /** The features that follow the workspace shown. */
    interface Features {
        /**
         * Has the dashboard read {@code folder}'s environment file ({@code first}: the dashboard's first; {@code
         * launched}: the workspace the launch chose, with the launch's environment and service choice) and runs
         * {@code afterRead} on the UI thread once it was read, had failed or was superseded.
         */
        void readEnvironment(Path folder, boolean first, boolean launched, Runnable afterRead);

        /** Starts the features other than the dashboard on {@code folder}: once, for the first workspace they get. */
        void start(Path folder);

        /**
         * Moves every started feature, the dashboard included, to {@code folder} ({@code launched}: the workspace the
         * launch chose, which corrected an early guess).
         */
        void switchTo(Path folder, boolean launched);
    }

    private final Features features;
    private final Consumer<Runnable> whenStepsDone;
    private final LatestWins starts;
    private Path shown;
    /** Whether the features other than the dashboard got their first workspace. */
    private boolean started;

    /**
     * @param whenStepsDone runs an action once every start-up step ran ({@code FxSteps::whenDone})
     * @param starts        the "latest wins" of the features' start
     */
    WorkspaceHandOff(Features features, Consumer<Runnable> whenStepsDone, LatestWins starts) {
        this.features = features;
        this.whenStepsDone = whenStepsDone;
        this.starts = starts;
    }

    /**
     * The window shows the workspace at {@code folder} now (the first one, or a switch).
     *
     * @param launched it is the workspace the launch chose ({@code WorkspaceViewModel.launchedProperty}): the
     *                 launch's environment and service choice apply to it, also when it corrects an early guess
     */
    void show(Path folder, boolean launched) {
        if (folder.equals(shown)) {
            return;
        }
        boolean first = shown == null;
        shown = folder;
        if (started) {
            whenStepsDone.accept(() -> features.switchTo(folder, launched));
            return;
        }
        // Not started yet: this folder's start replaces the pending one, which would otherwise point the features
        // back at the earlier folder once its file was read (however late).
        Runnable start = starts.whileLatest(() -> {
            started = true;
            features.start(folder);
        });
        features.readEnvironment(folder, first, launched, () -> whenStepsDone.accept(start));
    }
}
