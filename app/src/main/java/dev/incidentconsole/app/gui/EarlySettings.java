package dev.incidentconsole.app.gui;

import dev.incidentconsole.app.gui.dashboard.EarlyEnvironment;
import dev.incidentconsole.app.gui.workspace.WorkspaceViewModel;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's settings (theme, search folders), read while JavaFX brings up its toolkit. {@link ConsoleApp#launch}
 * starts the read on its own thread just before {@code Application.launch}, whose toolkit start (native libraries,
 * the screen, the render thread: hundreds of milliseconds) comes before {@link ConsoleApp#init}; the read (a JSON
 * mapper's classes and the file) used to begin only there, while the FX thread idled, and {@code start} waited
 * for it. Then, on the same thread, the workspace those settings choose ({@link WorkspaceViewModel#choose}) and its
 * environment file, so that the dashboard has its rows as soon as it is built. JavaFX constructs the app with no arguments,
 * so the launch hands the read over through {@link #take()}, once per process.
 */
final class EarlySettings {
    private static final AtomicReference<EarlySettings> launched = new AtomicReference<>();

    private final LaunchOptions options;
    private final Path named;
    private final CompletableFuture<Settings> settings = new CompletableFuture<>();
    private final CompletableFuture<FirstWorkspace> workspace = new CompletableFuture<>();

    private EarlySettings(LaunchOptions options, Path named) {
        this.options = options;
        this.named = named;
        Thread read = new Thread(() -> {
            Settings loaded;
            try {
                loaded = options.settings().load();
                settings.complete(loaded);
            } catch (IOException e) {
                settings.completeExceptionally(new UncheckedIOException(e));
                workspace.complete(null);
                return;
            } catch (RuntimeException | Error e) {
                settings.completeExceptionally(e);
                workspace.complete(null);
                return;
            }
            // The same thread goes on: the toolkit's start leaves time, and the rows need this file first.
            EarlyEnvironment environment;
            try {
                Workspace likely = WorkspaceViewModel.choose(named, loaded, options.bundledRunbooks());
                environment = EarlyEnvironment.of(likely.folder());
                workspace.complete(new FirstWorkspace(likely, environment));
            } catch (RuntimeException | Error e) {
                workspace.complete(null); // the window chooses on its own, as it always could
                return;
            }
            environment.read(options);
        }, "settings-read");
        read.setDaemon(true);
        read.start();
    }

    /** The workspace the settings chose and its environment file's read, under way. */
    record FirstWorkspace(Workspace workspace, EarlyEnvironment environment) {
    }

    /**
     * Starts reading {@code options}' settings now, for the window about to be launched in this process, then the
     * environment file of the workspace they choose.
     *
     * @param named the folder named on the command line, or {@code null}
     */
    static void begin(LaunchOptions options, Path named) {
        launched.set(new EarlySettings(options, named));
    }

    /** The read begun by {@link #begin} (handed over once), else one begun now with this process's options. */
    static EarlySettings take() {
        EarlySettings early = launched.getAndSet(null);
        if (early != null) {
            return early;
        }
        LaunchOptions options = LaunchOptions.fromSystem();
        return new EarlySettings(options, options.runbooks());
    }

    LaunchOptions options() {
        return options;
    }

    /**
     * After {@link #settings()}: the workspace they choose for {@code named} (the folder this window opens with),
     * its environment file being read; {@code null} when the settings could not be read or were read for another
     * folder.
     */
    FirstWorkspace firstWorkspace(Path named) {
        return Objects.equals(named, this.named) ? workspace.join() : null;
    }

    /**
     * Waits for the read.
     *
     * @throws IOException the settings file could not be read (its message names the file)
     */
    Settings settings() throws IOException {
        try {
            return settings.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
