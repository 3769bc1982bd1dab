package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.AppPaths;
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
        assertThat(FxDialogService.startIn(dir)).isEqualTo(dir);
        assertThat(FxDialogService.startIn(file)).isEqualTo(dir);
        assertThat(FxDialogService.startIn(dir.resolve("gone/deeper"))).isEqualTo(AppPaths.userHome());
        assertThat(FxDialogService.startIn(null)).isEqualTo(AppPaths.userHome());
    }
}
