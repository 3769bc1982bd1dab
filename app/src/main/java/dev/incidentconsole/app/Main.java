package dev.incidentconsole.app;

import dev.incidentconsole.app.cli.CheckCommand;
import dev.incidentconsole.app.cli.IncidentCommand;
import dev.incidentconsole.app.cli.LintCommand;
import dev.incidentconsole.app.cli.OpenCommand;
import dev.incidentconsole.app.cli.RunCommand;
import dev.incidentconsole.app.cli.SearchCommand;
import dev.incidentconsole.app.cli.TargetsCommand;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one entry point: no arguments open the GUI on the workspace chosen last, one folder argument opens it on that
 * folder; a subcommand runs the command line without starting JavaFX.
 */
@Command(name = "incident-console",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Incident Console: live service health, searchable runbooks, guided steps and an incident timeline.",
                "Run without arguments to open the window on the workspace chosen last (at first the bundled demo),",
                "with a FOLDER of runbooks to open the window on it (incident-console ~/team-runbooks),",
                "or with an incident-console:// link to open its section."},
        subcommands = {LintCommand.class, CheckCommand.class, SearchCommand.class, IncidentCommand.class, RunCommand.class, TargetsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // The desktop entry starts the app with the clicked link alone (Exec=... %u).
        if (args.length == 0 || args.length == 1 && DeepLink.looksLikeLink(args[0])) {
            Application.launch(ConsoleApp.class, args);
            return;
        }
        LaunchOptions options = LaunchOptions.fromSystem();
        Path folder = windowFolder(args);
        if (folder != null) {
            // The window reads its options itself (JavaFX constructs it); its one argument is the folder to open.
            Application.launch(ConsoleApp.class, folder.toString());
            return;
        }
        System.exit(commandLine(options).execute(args));
    }

    /** The command line with this process's options, also used by tests to run subcommands in-process. */
    public static CommandLine commandLine() {
        return commandLine(LaunchOptions.fromSystem());
    }

    /** The configured command line: every command that takes {@link LaunchOptions} in its constructor gets these. */
    public static CommandLine commandLine(LaunchOptions options) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getConstructor(LaunchOptions.class).newInstance(options);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        };
        return new CommandLine(new Main(), factory).setCaseInsensitiveEnumValuesAllowed(true)
                .addSubcommand("open", new OpenCommand(link -> Application.launch(ConsoleApp.class, link), options));
    }

    /**
     * The folder of {@code incident-console FOLDER}, or {@code null} when the arguments are a command line (a
     * subcommand, an option, or a word that names no folder, which picocli then reports as a usage error).
     */
    static Path windowFolder(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return null;
        }
        Path folder = Path.of(args[0]).toAbsolutePath().normalize();
        // Building the command line costs a good part of a start: only asked when the word names a folder.
        return Files.isDirectory(folder) && !commandLine().getSubcommands().containsKey(args[0]) ? folder : null;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // Only reached with options but no subcommand (e.g. a typo'd flag is a usage error before this).
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
