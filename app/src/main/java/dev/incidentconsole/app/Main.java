package dev.incidentconsole.app;

import dev.incidentconsole.app.cli.OpenCommand;
import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.links.LinkHandOff;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.search.SearchWarmUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
                "or with an incident-console:// link to open its section."})
public final class Main implements Runnable {

    public static void main(String[] args) {
        LogbackSetup.bindDirectly(); // first: the warm-up may log
        if (args.length > 0 && args[0].equals("search")) {
            SearchWarmUp.start(); // Lucene's cold start runs beside picocli's (docs/performance.md, fifth pass)
        }
        // The desktop entry starts the app with the clicked link alone (Exec=... %u).
        if (args.length == 0) {
            ConsoleApp.launch(LaunchOptions.fromSystem(), args);
            return;
        }
        LaunchOptions options = LaunchOptions.fromSystem();
        if (args.length == 1 && DeepLink.looksLikeLink(args[0])) {
            openWindow(options, args[0], List.of());
            return;
        }
        Path folder = windowFolder(args);
        if (folder != null) {
            // The window reads its options itself (JavaFX constructs it); its one argument is the folder to open.
            ConsoleApp.launch(options, folder.toString());
            return;
        }
        System.exit(commandLine(options, args).execute(args));
    }

    /** The command line with this process's options and every subcommand, also used by tests. */
    public static CommandLine commandLine() {
        return commandLine(LaunchOptions.fromSystem());
    }

    /** The configured command line with every subcommand's model (what {@code help COMMAND} needs). */
    public static CommandLine commandLine(LaunchOptions options) {
        CommandLine cli = topLevel(options);
        Subcommands.addAll(cli, make(options));
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The command line that runs {@code args}, built no further than they need: a first word naming a subcommand
     * gets that subcommand alone; arguments naming none (e.g. {@code --help}) get the top level with the listing
     * of the subcommands; anything else (e.g. {@code help search}) every subcommand.
     */
    public static CommandLine commandLine(LaunchOptions options, String... args) {
        CommandLine cli = topLevel(options);
        Optional<Class<?>> first = args.length == 0 ? Optional.empty() : Subcommands.named(args[0]);
        if (first.isPresent() && first.get() != CommandLine.HelpCommand.class) {
            Subcommands.addOne(cli, first.get(), make(options));
        } else if (Arrays.stream(args).noneMatch(word -> Subcommands.named(word).isPresent())) {
            Subcommands.addListingOnly(cli);
        } else {
            Subcommands.addAll(cli, make(options));
        }
        // Picocli applies this to the subcommands present when it is called.
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** A subcommand's user object: its class (the factory makes it) or, for {@code open}, an instance. */
    private static Function<Class<?>, Object> make(LaunchOptions options) {
        return type -> type == OpenCommand.class
                ? new OpenCommand((link, folders) -> openWindow(folders.isEmpty() ? options
                        : options.with(LaunchOptions.RUNBOOKS, folders.get(0).toString()), link, folders), options)
                : type;
    }

    /**
     * Shows the link's section in the window already open (which checks the link again, first in {@code folders},
     * then in the workspace it shows), else in a new one, on {@code options}' folder when they name one.
     */
    private static void openWindow(LaunchOptions options, String link, List<Path> folders) {
        if (!LinkHandOff.send(LinkHandOff.socketIn(options.dataDir()), link, folders)) {
            ConsoleApp.launch(options, link);
        }
    }

    /** The top level alone: every command that takes {@link LaunchOptions} in its constructor gets these. */
    private static CommandLine topLevel(LaunchOptions options) {
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
        return new CommandLine(new Main(), factory);
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
        return Files.isDirectory(folder) && Subcommands.named(args[0]).isEmpty() ? folder : null;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // Only reached with options but no subcommand (e.g. a typo'd flag is a usage error before this).
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
