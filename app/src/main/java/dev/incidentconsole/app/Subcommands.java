package dev.incidentconsole.app;

import dev.incidentconsole.app.cli.CheckCommand;
import dev.incidentconsole.app.cli.IncidentCommand;
import dev.incidentconsole.app.cli.LintCommand;
import dev.incidentconsole.app.cli.OpenCommand;
import dev.incidentconsole.app.cli.RunCommand;
import dev.incidentconsole.app.cli.SearchCommand;
import dev.incidentconsole.app.cli.TargetsCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line's subcommands, in the order {@code --help} lists them, and the one place that adds them to
 * {@link Main}'s command line. Picocli builds a command's model by reflection over its annotated fields, about
 * half a second for all of them at every start (its classes cannot be archived by CDS); a command line is
 * therefore given the model of the subcommand that runs only, and the top-level listing is made from each class's
 * {@link Command} annotation alone, which {@code MainTest} checks against picocli's own listing.
 */
final class Subcommands {
    /** In listing order; {@code open} (made with the window's launcher) comes last, as it was always added last. */
    private static final List<Class<?>> CLASSES = List.of(LintCommand.class, CheckCommand.class, SearchCommand.class,
            IncidentCommand.class, RunCommand.class, TargetsCommand.class, CommandLine.HelpCommand.class,
            OpenCommand.class);

    private Subcommands() {
    }

    /** Every subcommand with its full model: what {@code help COMMAND} and the tests need. */
    static void addAll(CommandLine cli, Function<Class<?>, Object> make) {
        for (Class<?> type : CLASSES) {
            cli.addSubcommand(name(type), make.apply(type));
        }
    }

    /** Only {@code type} gets its model; the others are not added. */
    static void addOne(CommandLine cli, Class<?> type, Function<Class<?>, Object> make) {
        cli.addSubcommand(name(type), make.apply(type));
    }

    /**
     * Each subcommand as a name and the usage texts of its annotation, without options or parameters: enough for
     * the top-level usage listing and picocli's "did you mean" suggestions, never run (a word naming a
     * subcommand gets the real one, see {@link #named}).
     */
    static void addListingOnly(CommandLine cli) {
        for (Class<?> type : CLASSES) {
            Command a = type.getAnnotation(Command.class);
            CommandSpec spec = CommandSpec.create().name(a.name()).aliases(a.aliases());
            spec.usageMessage().header(a.header()).description(a.description()).hidden(a.hidden());
            cli.addSubcommand(a.name(), new CommandLine(spec));
        }
    }

    /** The subcommand class named {@code word} (by name or alias), if any. */
    static Optional<Class<?>> named(String word) {
        return CLASSES.stream().filter(type -> {
            Command a = type.getAnnotation(Command.class);
            return a.name().equals(word) || Arrays.asList(a.aliases()).contains(word);
        }).findFirst();
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }
}
