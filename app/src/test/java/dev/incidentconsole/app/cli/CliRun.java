package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.Main;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The command line run in-process with stdout and stderr captured, its data and settings folders inside a
 * test's temp folder (never the developer's own). Call {@link #restore()} after each test.
 */
final class CliRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RunSystemProperties properties = new RunSystemProperties();

    /** Keeps data and settings under {@code dir}. */
    CliRun isolate(Path dir) {
        properties.set("incident.data.dir", dir.resolve("data").toString());
        properties.set("incident.config.dir", dir.resolve("config").toString());
        return this;
    }

    /** Another system property for this test only. */
    CliRun set(String key, String value) {
        properties.set(key, value);
        return this;
    }

    /** Runs {@code incident-console ARGS...}; returns its exit code. Output adds up across runs. */
    int run(String... args) {
        // As main does: only the subcommand that runs gets its model.
        CommandLine cli = Main.commandLine(LaunchOptions.fromSystem(), args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    void restore() {
        properties.restore();
    }
}
