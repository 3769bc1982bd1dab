package dev.incidentconsole.app;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.search.SearchWarmUp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import picocli.CommandLine;

/**
 * The training run the launcher records its class-data archive from ({@code -XX:ArchiveClassesAtExit}): the
 * classes of {@code --help}, {@code lint}, {@code open} and {@code search} (Lucene's, from the kept index: built,
 * then reused) and, with {@code --window} (the launcher passes it under Xvfb), of
 * the window's start, which is closed again once its dashboard shows statuses (then a little longer, for the
 * start-up's last steps), or after {@link #WINDOW_DEADLINE_MS}. The commands read a settings file, as a user's do.
 * Not for users.
 */
public final class CdsTraining {
    /**
     * A fixed 6 s used to close the window before its dashboard was built on a loaded machine: 1,800-2,200 of the
     * 6,200-6,600 classes a start loads (JavaFX's controls, the dashboard's views, the store) then came from the
     * jars at every start.
     */
    private static final long WINDOW_DEADLINE_MS = 120_000;
    private static final long AFTER_STATUSES_MS = 2000;
    private static final Set<String> STATUS_WORDS = Set.of("UP", "DOWN", "DEGRADED");

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        LaunchOptions options = LaunchOptions.fromSystem();
        // A user's commands read their settings file: without one here, the classes that read it stay out of the
        // archive and are parsed from their jars at every search.
        if (!Files.exists(options.settings().file())) {
            options.settings().save(Settings.defaults());
        }
        String demo = options.bundledRunbooks().toString();
        // What Main starts before a search, so that its classes are in the archive too.
        try {
            SearchWarmUp.start().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String[] command : new String[][] {{"--help"}, {"lint", demo},
                {"open", "--print", "incident-console://open?runbook=index.md"},
                {"search", "--runbooks", demo, "too many connections"},
                {"search", "--json", "--runbooks", demo, "pods restarting"}}) {
            CommandLine cli = Main.commandLine(options);
            cli.setOut(quiet);
            cli.setErr(quiet);
            cli.execute(command);
        }
        if (args.length > 0 && args[0].equals("--window")) {
            Thread closer = new Thread(() -> {
                try {
                    long deadline = System.currentTimeMillis() + WINDOW_DEADLINE_MS;
                    while (System.currentTimeMillis() < deadline && !showsStatuses()) {
                        Thread.sleep(200);
                    }
                    Thread.sleep(AFTER_STATUSES_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            }, "cds-training");
            closer.setDaemon(true);
            closer.start();
            ConsoleApp.launch(options);
        }
    }

    /** Whether a dashboard row of the window shows a status (the class names of the dashboard's cells). */
    private static boolean showsStatuses() throws InterruptedException {
        CompletableFuture<Boolean> shows = new CompletableFuture<>();
        try {
            Platform.runLater(() -> shows.complete(Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w.getScene() != null)
                    .flatMap(w -> w.getScene().getRoot().lookupAll(".status-word").stream())
                    .anyMatch(n -> n instanceof Labeled l && STATUS_WORDS.contains(l.getText()) && n.isVisible())));
            return shows.get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException | ExecutionException | TimeoutException notYet) {
            return false; // the toolkit is not up yet, or the FX thread is busy: ask again
        }
    }
}
