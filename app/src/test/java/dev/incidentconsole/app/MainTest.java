package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code incident-console FOLDER} opens the window; everything else stays a command line. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void oneFolderArgumentOpensTheWindowOnIt() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        assertThat(Main.windowFolder(new String[] {team.toString()})).isEqualTo(team);
    }

    @Test
    void subcommandsOptionsAndWordsNamingNoFolderAreACommandLine() throws IOException {
        Files.createDirectories(dir.resolve("check"));
        assertThat(Main.windowFolder(new String[] {"check"})).as("a subcommand wins over a folder of that name").isNull();
        assertThat(Main.windowFolder(new String[] {"--help"})).isNull();
        assertThat(Main.windowFolder(new String[] {dir.resolve("chek").toString()})).as("a typo stays a usage error").isNull();
        assertThat(Main.windowFolder(new String[] {dir.toString(), "extra"})).isNull();
    }

    @Test
    void commandsReadTheLaunchOptionsTheyAreGivenNotTheProcesssProperties() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("team-api.md"), "# Team API\n\n## API down\n\nRestart the API pods.\n");
        LaunchOptions options = LaunchOptions.of(Map.of("incident.workspace", team.toString(),
                "incident.config.dir", dir.resolve("config").toString(), "incident.data.dir", dir.resolve("data").toString(),
                "user.home", dir.toString()), Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(options);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("search", "api down");

        assertThat(code).isZero();
        assertThat(err.toString()).contains("Runbooks: " + team + " ($INCIDENT_WORKSPACE)");
        assertThat(out.toString()).contains("API down");
        assertThat(dir.resolve("data/search-index")).as("the index under the given data folder").isDirectory();
    }

    @Test
    void topLevelHelpListsTheCommandsExactlyAsPicocliDoesFromEveryModel() {
        LaunchOptions options = isolated();
        assertThat(Main.commandLine(options, "--help").getSubcommands().values())
                .as("the listing is made without any subcommand's options").allMatch(c -> c.getCommandSpec().options().isEmpty());

        assertThat(printed(Main.commandLine(options, "--help"), "--help"))
                .contains("search", "incident", "open", "help")
                .isEqualTo(printed(Main.commandLine(options), "--help"));
        assertThat(printed(Main.commandLine(options), "--version")).isEqualTo(printed(Main.commandLine(options, "--version"), "--version"));
    }

    @Test
    void aMistypedCommandGetsTheSameSuggestionAsWithEveryModel() {
        LaunchOptions options = isolated();
        String lazy = printed(Main.commandLine(options, "serch", "x"), "serch", "x");

        assertThat(lazy).contains("Did you mean", "search").isEqualTo(printed(Main.commandLine(options), "serch", "x"));
    }

    @Test
    void aSubcommandWordBuildsThatSubcommandAlone() {
        LaunchOptions options = isolated();
        assertThat(Main.commandLine(options, "lint", "README.md").getSubcommands()).containsOnlyKeys("lint");
        assertThat(Main.commandLine(options, "open", "--print", "x").getSubcommands()).containsOnlyKeys("open");
        assertThat(Main.commandLine(options, "help", "search").getSubcommands())
                .as("help COMMAND needs the command's model").containsKeys("search", "lint", "open");
        assertThat(printed(Main.commandLine(options, "search", "--help"), "search", "--help"))
                .isEqualTo(printed(Main.commandLine(options), "search", "--help"))
                .isEqualTo(printed(Main.commandLine(options, "help", "search"), "help", "search"));
    }

    private LaunchOptions isolated() {
        return LaunchOptions.of(Map.of("incident.config.dir", dir.resolve("config").toString(),
                "incident.data.dir", dir.resolve("data").toString(), "user.home", dir.toString()), Map.of());
    }

    /** What running {@code args} printed, stdout then stderr, with the exit code. */
    private static String printed(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return out + "\n--- stderr\n" + err + "\n--- exit " + code;
    }
}
