package dev.incidentconsole.app;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.search.SearchWarmUp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import picocli.CommandLine;

/**
 * The training run the launcher records its class-data archive from ({@code -XX:ArchiveClassesAtExit}): the
 * classes of {@code --help}, {@code lint}, {@code open} and {@code search} (Lucene's, from the kept index: built,
 * then reused) and, with {@code --window} (the launcher passes it under Xvfb), of
 * the window's start, which is closed again once its dashboard shows statuses (then a little longer, for the
 * start-up's last steps), or {@link #STATUS_PATIENCE_MS} after its rows showed without any (probes that all hang),
 * or after {@link #WINDOW_DEADLINE_MS} when no row showed. The commands read a settings file, as a user's do, and
 * everything runs on a data folder of its own, new and empty ({@link #freshData}), as a user's first start does.
 * Not for users.
 */
public final class CdsTraining {
    /**
     * A fixed 6 s used to close the window before its dashboard was built on a loaded machine: 1,800-2,200 of the
     * 6,200-6,600 classes a start loads (JavaFX's controls, the dashboard's views, the store) then came from the
     * jars at every start.
     */
    static final long WINDOW_DEADLINE_MS = 120_000;
    /**
     * Rows shown, no status yet: the window's classes are loaded, only a status's are missing, and an environment
     * whose probes all hang would otherwise keep the training open for the whole deadline.
     */
    static final long STATUS_PATIENCE_MS = 15_000;
    static final long AFTER_STATUSES_MS = 2000;
    private static final long POLL_MS = 200;
    private static final Set<String> STATUS_WORDS = Set.of("UP", "DOWN", "DEGRADED");

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        LaunchOptions options = freshData(LaunchOptions.fromSystem());
        try {
            train(options, quiet, args.length > 0 && args[0].equals("--window"));
        } finally {
            delete(options.dataDir());
        }
    }

    /**
     * {@code given} with a data folder of its own, new and empty, inside {@code given}'s. The window's start on a
     * current incident store skips Flyway (the schema is checked against the newest migration, nothing to migrate):
     * an archive recorded on the store an earlier training left lacked Flyway's 261 classes, which a user's first
     * start (no store yet) and the first start after an upgrade (an older store) then read from its jar.
     */
    static LaunchOptions freshData(LaunchOptions given) throws IOException {
        Files.createDirectories(given.dataDir());
        Path fresh = Files.createTempDirectory(given.dataDir(), "training-");
        return given.with(LaunchOptions.DATA_DIR, fresh.toString());
    }

    /** Removes the training's data folder; what cannot be removed stays (it is the training's own, in its folder). */
    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // left for the next build's clean
        }
    }

    private static void train(LaunchOptions options, PrintWriter quiet, boolean window) throws IOException {
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
        if (window) {
            Thread closer = new Thread(() -> {
                try {
                    awaitStart(CdsTraining::dashboard, Clock.REAL);
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

    /** How far the window's dashboard got. */
    enum Dashboard { NOT_YET, ROWS, STATUSES }

    /** Time for {@link #awaitStart}: the real one, or a test's. */
    interface Clock {
        Clock REAL = new Clock() {
            @Override
            public long millis() {
                return System.nanoTime() / 1_000_000;
            }

            @Override
            public void sleep(long ms) throws InterruptedException {
                Thread.sleep(ms);
            }
        };

        long millis();

        void sleep(long ms) throws InterruptedException;
    }

    /**
     * Returns when the window may close: {@link #AFTER_STATUSES_MS} after its dashboard shows a status, else
     * {@link #STATUS_PATIENCE_MS} after its rows showed, else at {@link #WINDOW_DEADLINE_MS}.
     */
    static void awaitStart(Callable<Dashboard> dashboard, Clock clock) throws InterruptedException {
        long start = clock.millis();
        long rowsAt = -1;
        while (clock.millis() - start < WINDOW_DEADLINE_MS) {
            Dashboard now = ask(dashboard);
            if (now == Dashboard.STATUSES) {
                clock.sleep(AFTER_STATUSES_MS);
                return;
            }
            if (now == Dashboard.ROWS && rowsAt < 0) {
                rowsAt = clock.millis();
            }
            if (rowsAt >= 0 && clock.millis() - rowsAt >= STATUS_PATIENCE_MS) {
                return;
            }
            clock.sleep(POLL_MS);
        }
    }

    private static Dashboard ask(Callable<Dashboard> dashboard) throws InterruptedException {
        try {
            return dashboard.call();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception notYet) {
            return Dashboard.NOT_YET;
        }
    }

    /** How far the window's dashboard got: its rows, and whether one shows a status (the dashboard cells' class names). */
    private static Dashboard dashboard() throws InterruptedException {
        CompletableFuture<Dashboard> shows = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                List<Labeled> words = Window.getWindows().stream()
                        .filter(w -> w.isShowing() && w.getScene() != null)
                        .flatMap(w -> w.getScene().getRoot().lookupAll(".status-word").stream())
                        .filter(n -> n instanceof Labeled && n.isVisible()).map(n -> (Labeled) n).toList();
                shows.complete(words.stream().anyMatch(l -> STATUS_WORDS.contains(l.getText())) ? Dashboard.STATUSES
                        : words.isEmpty() ? Dashboard.NOT_YET : Dashboard.ROWS);
            });
            return shows.get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException | ExecutionException | TimeoutException notYet) {
            return Dashboard.NOT_YET; // the toolkit is not up yet, or the FX thread is busy: ask again
        }
    }
}
