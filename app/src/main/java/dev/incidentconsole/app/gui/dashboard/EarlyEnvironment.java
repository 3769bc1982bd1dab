package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentLoader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The environment file of the workspace the window will most likely show, read before the window exists (while
 * JavaFX starts its toolkit), so that the dashboard has its service rows as soon as it is built. It was read only
 * once the workspace was chosen on the executor, behind the frame's and the features' FX events: three hand-overs
 * between the executor and the FX thread before the rows. {@link DashboardFeature#start} uses it only for the
 * folder it was read for; any other workspace is read as before.
 */
public final class EarlyEnvironment {
    private final Path folder;
    private final CompletableFuture<EnvironmentFile> read;

    private EarlyEnvironment(Path folder, CompletableFuture<EnvironmentFile> read) {
        this.folder = folder;
        this.read = read;
    }

    /** A read of {@code folder}'s environment file, to be made by {@link #read}. */
    public static EarlyEnvironment of(Path folder) {
        return new EarlyEnvironment(folder, new CompletableFuture<>());
    }

    /**
     * Finds and reads the file as {@link DashboardFeature#start} would, on the calling thread; a failure is kept
     * for the dashboard to report as it reports its own reads.
     */
    public void read(LaunchOptions options) {
        try {
            Path file = EnvironmentTargets.defaultFile(folder, options);
            read.complete(file == null ? null : new EnvironmentLoader(options.environment()).load(file));
        } catch (Exception | Error e) {
            read.completeExceptionally(e);
        }
    }

    /** The workspace folder this file belongs to. */
    public Path folder() {
        return folder;
    }

    /**
     * Waits for the read (call it off the UI thread).
     *
     * @return the file, or {@code null} when the workspace has none
     * @throws Exception the read's own failure (an {@code EnvironmentException} names the file and line)
     */
    public EnvironmentFile file() throws Exception {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
