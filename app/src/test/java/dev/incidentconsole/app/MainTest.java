package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
