package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where file and folder choosers open: never the process's working folder. */
class DialogStartTest {
    @TempDir
    Path dir;

    @Test
    void choosersOpenInTheGivenFolderOrTheFilesFolderElseTheUsersHome() throws Exception {
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "db, postgres\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        assertThat(FxDialogService.startIn(dir, home)).isEqualTo(dir);
        assertThat(FxDialogService.startIn(file, home)).isEqualTo(dir);
        assertThat(FxDialogService.startIn(dir.resolve("gone/deeper"), home)).isEqualTo(home);
        assertThat(FxDialogService.startIn(null, home)).isEqualTo(home);
    }
}
