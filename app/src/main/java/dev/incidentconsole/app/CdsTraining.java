package dev.incidentconsole.app;

import dev.incidentconsole.app.gui.ConsoleApp;
import java.io.OutputStream;
import java.io.PrintWriter;
import javafx.application.Application;
import javafx.application.Platform;
import picocli.CommandLine;

/**
 * The training run the launcher records its class-data archive from ({@code -XX:ArchiveClassesAtExit}): the
 * classes of {@code --help}, {@code lint}, {@code open} and {@code search} (Lucene's, from the kept index: built,
 * then reused) and, with {@code --window} (the launcher passes it under Xvfb), of
 * the window's start, which is closed again a few seconds after it opened. Not for users.
 */
public final class CdsTraining {
    private static final long WINDOW_MS = 6000;

    private CdsTraining() {
    }

    public static void main(String[] args) {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        for (String[] command : new String[][] {{"--help"}, {"lint", AppPaths.bundledRunbooks().toString()},
                {"open", "--print", "incident-console://open?runbook=index.md"},
                {"search", "--runbooks", AppPaths.bundledRunbooks().toString(), "too many connections"},
                {"search", "--json", "--runbooks", AppPaths.bundledRunbooks().toString(), "pods restarting"}}) {
            CommandLine cli = Main.commandLine();
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
