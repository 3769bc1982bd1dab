package dev.incidentconsole.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.app.services.ServiceSources;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code incident-console check}: the services of an environment, once or as a live table. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the services of an environment (HTTP, TCP, WebSocket, PostgreSQL, Redis, commands,",
                "Alertmanager) and show their status. The environment file is --env, else $INCIDENT_ENV, else",
                "environments.yaml next to the runbooks (for the bundled demo only: else in the settings folder);",
                "without one, the services of the runbooks' port tables on localhost are checked (also",
                "--environment port-tables).",
                "Without --once or --json, a live table is redrawn every second until Ctrl+C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every service is UP", "1:a service is DOWN or DEGRADED (or was not checked)",
                "2:usage error, unreadable runbooks, or a bad environment file"})
public final class CheckCommand implements Callable<Integer> {
    private final LaunchOptions options;

    /** @param options where the workspace, the environment file and the settings are */
    public CheckCommand(LaunchOptions options) {
        this.options = options;
    }

    private static final long REFRESH_MILLIS = 1000;

    @Option(names = "--env", paramLabel = "FILE", description = "Environment file (YAML, or JSON for .json).")
    Path envFile;

    @Option(names = "--environment", paramLabel = "NAME",
            description = "Environment of the file to check (default: the file's default:, else port-tables).")
    String environment;

    @Option(names = "--runbooks", paramLabel = "PATH",
            description = {"Runbook file or folder (repeatable) for port tables and alert links (default: $INCIDENT_WORKSPACE,",
                    "else the window's workspace, else the bundled demo; the folder used is named on stderr)."})
    List<Path> runbooks = new ArrayList<>();

    @Option(names = "--once", description = "Check every service once, print the table and exit.")
    boolean once;

    @Option(names = "--json", description = "Check once and print a JSON array: service, host, port, probe, status, "
            + "latencyMs, reason, checkedAt; alert sources add the firing alerts and the runbook sections that answer them.")
    boolean json;

    @Option(names = "--count", paramLabel = "N", description = "Live table: stop after N redraws (default: until Ctrl+C).")
    Integer count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count + ".");
        }
        List<Runbook> parsed = readRunbooks(err);
        Path file = envFile != null ? envFile : EnvironmentTargets.defaultFile(firstFolder().orElse(null), options);
        Environment env;
        RunbookLinks links = new RunbookLinks(parsed);
        ServiceTargets targets = ServiceTargets.of(options);
        try {
            EnvironmentFile loaded = file == null ? null : new EnvironmentLoader(options.environment()).load(file);
            ServiceSources sources = new ServiceSources(loaded,
                    ServiceSources.portTableServices(parsed, options.environment()), targets);
            env = sources.environment(environment != null ? environment : sources.defaultName());
            if (loaded != null) {
                loaded.warnings().forEach(w -> err.println("warning: " + w));
            }
        } catch (EnvironmentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        if (env.services().isEmpty()) {
            err.println("Environment " + env.name() + " has no services to check; give --env FILE, or --runbooks with a "
                    + "table of services and ports.");
            err.flush();
            return 2;
        }
        String heading = env.name() + (env.production() ? " [PRODUCTION]" : "")
                + (ServiceSources.PORT_TABLES.equals(env.name()) ? " (runbook port tables)"
                : file == null ? "" : " (" + file.getFileName() + ")");
        try (CommandRunner runner = targets.checkRunner(options.localUser())) {
            return once || json ? sweep(env, heading, links, runner) : live(env, heading, links, runner);
        }
    }

    /** One check of every service; a failed attempt counts as DOWN at once (retries are for the live view). */
    private int sweep(Environment env, String heading, RunbookLinks links, CommandRunner runner)
            throws InterruptedException {
        List<ServiceSpec> specs = env.services().stream().map(s -> s.withRetries(1, null)).toList();
        List<ServiceStatus> results;
        try (HealthScheduler scheduler = HealthScheduler.builder().commandRunner(runner).build()) {
            scheduler.watchAll(specs);
            results = scheduler.checkAll().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the health check failed unexpectedly", e.getCause());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(CheckJson.rows(results, links)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            new CheckTable(out, Ansi.AUTO.enabled(), links).print(heading, results, Instant.now());
        }
        out.flush();
        return exitCode(results);
    }

    /** The live table: redrawn every second while the scheduler checks on each service's interval. */
    private int live(Environment env, String heading, RunbookLinks links, CommandRunner runner)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean ansi = Ansi.AUTO.enabled();
        CheckTable table = new CheckTable(out, ansi, links);
        HealthScheduler scheduler = HealthScheduler.builder().commandRunner(runner).build();
        Thread closer = new Thread(() -> { // Ctrl+C: stop checks and kill commands, remote ones included
            scheduler.close();
            runner.close();
        }, "check-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            scheduler.watchAll(env.services());
            List<ServiceStatus> statuses = scheduler.statuses();
            for (int i = 0; count == null || i < count; i++) {
                Thread.sleep(REFRESH_MILLIS);
                statuses = scheduler.statuses();
                out.print(ansi ? "\033[H\033[2J" : (i > 0 ? System.lineSeparator() : ""));
                table.print(heading + " · every second, Ctrl+C to stop", statuses, Instant.now());
                out.flush();
            }
            return exitCode(statuses);
        } finally {
            scheduler.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    static int exitCode(List<ServiceStatus> statuses) {
        return statuses.stream().allMatch(s -> s.status() == Status.UP) ? 0 : 1;
    }

    private List<Runbook> readRunbooks(PrintWriter err) {
        if (runbooks.isEmpty()) {
            runbooks = List.of(ReadablePath.workspace(spec.commandLine(), err, options, options.settings()::load)
                    .folder());
        }
        List<Path> roots = runbooks;
        for (Path root : roots) {
            if (!Files.isReadable(root)) {
                throw new ParameterException(spec.commandLine(), "Runbook path " + root + " "
                        + (Files.exists(root) ? "cannot be read; check its permissions." : "does not exist; check --runbooks."));
            }
        }
        List<Runbook> parsed = new ArrayList<>();
        RunbookParser parser = new RunbookParser();
        try {
            for (Path f : RunbookFiles.find(roots.toArray(Path[]::new))) {
                try {
                    parsed.add(parser.parse(f));
                } catch (IOException | RuntimeException e) {
                    err.println("warning: cannot read runbook " + f + " (" + e.getMessage() + "); its services are skipped");
                }
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot list the runbooks: " + e.getMessage());
        }
        return parsed;
    }

    private java.util.Optional<Path> firstFolder() {
        return runbooks.stream().filter(Files::isDirectory).findFirst();
    }
}
