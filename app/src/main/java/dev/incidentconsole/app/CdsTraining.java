package dev.incidentconsole.app;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import javafx.application.Application;
import javafx.application.Platform;
import picocli.CommandLine;

/**
 * The training run the launcher records its class-data archive from ({@code -XX:ArchiveClassesAtExit}): the
 * classes of {@code --help}, {@code lint}, {@code open} and {@code search} (Lucene's, from the kept index: built,
 * then reused) and, with {@code --window} (the launcher passes it under Xvfb), of
 * the window's start, which is closed again a few seconds after it opened. The commands read a settings file, as
 * a user's do. Not for users.
 */
public final class CdsTraining {
    private static final long WINDOW_MS = 6000;

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
                    Thread.sleep(WINDOW_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            }, "cds-training");
            closer.setDaemon(true);
            closer.start();
            Application.launch(ConsoleApp.class);
        }
    }
}
