package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPathsTest {
    @TempDir
    Path dir;

    @Test
    void theUsersHomeIsHomeWhenItNamesAFolderElseTheJvmsUserHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("alice"));
        assertThat(AppPaths.userHome(k -> k.equals("HOME") ? home.toString() : null, "/root")).isEqualTo(home);
        assertThat(AppPaths.userHome(k -> null, "/root")).isEqualTo(Path.of("/root"));
        assertThat(AppPaths.userHome(k -> dir.resolve("gone").toString(), "/root")).isEqualTo(Path.of("/root"));
        assertThat(AppPaths.userHome(k -> "relative/home", "/root")).isEqualTo(Path.of("/root"));
    }
}
