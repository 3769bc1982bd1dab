package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void theShortcutVersionIsTheNewestScriptOnTheClassPath() throws Exception {
        URL folder = Migrations.class.getClassLoader().getResource(Migrations.LOCATION);
        try (var files = Files.list(Path.of(folder.toURI()))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(Migrations.LATEST).isPresent().isEqualTo(MigrationScripts.newest(names));
        }
    }

    @Test
    void versionsCompareNumericallyAsFlywayWritesThem() {
        assertThat(MigrationScripts.newest(List.of("V1__timeline.sql", "V10__x.sql", "V9_2__y.sql", "R__view.sql", "notes.txt")))
                .contains("10");
        assertThat(MigrationScripts.newest(List.of("V2__a.sql", "V2_1__b.sql"))).contains("2.1");
        assertThat(MigrationScripts.newest(List.of("README.md"))).isEmpty();
    }

    @Test
    void aMigrationAddedInAJarIsSeenInSubfoldersToo() throws Exception {
        Path jar = dir.resolve("store.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Folders as Maven's jar plugin writes them; a jar without them only turns the shortcut off.
            String path = "";
            for (String part : (Migrations.LOCATION + "/sub").split("/")) {
                path += part + "/";
                out.putNextEntry(new JarEntry(path));
                out.closeEntry();
            }
            for (String name : List.of("V1__timeline.sql", "V2__alerts.sql", "sub/V9__elsewhere.sql")) {
                out.putNextEntry(new JarEntry(Migrations.LOCATION + "/" + name));
                out.write("select 1;".getBytes());
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(MigrationScripts.newest(loader, Migrations.LOCATION)).contains("9");
        }
    }

    @Test
    void aFolderThatCannotBeFoundTurnsTheShortcutOff() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThat(MigrationScripts.newest(loader, Migrations.LOCATION)).isEmpty();
        }
    }
}
