package dev.incidentconsole.app.gui;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's settings (theme, search folders), read while JavaFX brings up its toolkit. {@link ConsoleApp#launch}
 * starts the read on its own thread just before {@code Application.launch}, whose toolkit start (native libraries,
 * the screen, the render thread: hundreds of milliseconds) comes before {@link ConsoleApp#init}; the read (a JSON
 * mapper's classes and the file) used to begin only there, while the FX thread idled, and {@code start} waited
 * for it. JavaFX constructs the app with no arguments, so the launch hands the read over through {@link #take()},
 * once per process.
 */
final class EarlySettings {
    private static final AtomicReference<EarlySettings> launched = new AtomicReference<>();

    private final LaunchOptions options;
    private final CompletableFuture<Settings> settings = new CompletableFuture<>();

    private EarlySettings(LaunchOptions options) {
        this.options = options;
        Thread read = new Thread(() -> {
            try {
                settings.complete(options.settings().load());
            } catch (IOException e) {
                settings.completeExceptionally(new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                settings.completeExceptionally(e);
            }
        }, "settings-read");
        read.setDaemon(true);
        read.start();
    }

    /** Starts reading {@code options}' settings now, for the window about to be launched in this process. */
    static void begin(LaunchOptions options) {
        launched.set(new EarlySettings(options));
    }

    /** The read begun by {@link #begin} (handed over once), else one begun now with this process's options. */
    static EarlySettings take() {
        EarlySettings early = launched.getAndSet(null);
        return early != null ? early : new EarlySettings(LaunchOptions.fromSystem());
    }

    LaunchOptions options() {
        return options;
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
