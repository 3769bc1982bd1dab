package dev.incidentconsole.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void noFileYetMeansDefaults() throws IOException {
        assertThat(new SettingsStore(dir.resolve("settings.json")).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void theDarkThemeIsKeptAndOtherChangesLeaveIt() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.load().dark()).isFalse();

        store.update(s -> s.withDark(true));
        store.update(s -> s.withFolder(dir.resolve("team-runbooks")).withStore("jdbc:postgresql://db/incidents", "ops"));

        Settings loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertThat(loaded.dark()).isTrue();
        assertThat(loaded.runbookFolders()).containsExactly(dir.resolve("team-runbooks"));
        assertThat(store.update(s -> s.withDark(false)).dark()).isFalse();
        assertThat(store.load().theme()).isNull();
    }

    @Test
    void aFileFromBeforeTheThemeWasKeptLoadsLight() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"runbookFolders\": [], \"storeUrl\": null}");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void addedFolderAndSynonymsFileAreReloadedFromDisk() throws IOException {
        Path file = dir.resolve("config/incident-console/settings.json");
        Path team = dir.resolve("team-runbooks");
        Settings saved = Settings.defaults().withFolder(team).withSynonymsFile(dir.resolve("words.txt"));

        new SettingsStore(file).save(saved);
        Settings loaded = new SettingsStore(file).load();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.runbookFolders()).containsExactly(team.toAbsolutePath().normalize());
        assertThat(Files.readString(file)).as("paths stay readable in the file")
                .contains("\"" + team.toAbsolutePath() + "\"").doesNotContain("file:");
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(Settings.defaults().withFolder(dir.resolve("a")));
        store.save(Settings.defaults().withFolder(dir.resolve("b")));

        assertThat(store.load().runbookFolders()).containsExactly(dir.resolve("b"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("settings.json");
        }
    }

    @Test
    void foldersAreNormalisedAndDeduplicated() {
        Settings s = Settings.defaults().withFolder(dir.resolve("x/../team")).withFolder(dir.resolve("team"));

        assertThat(s.runbookFolders()).containsExactly(dir.resolve("team"));
        assertThat(s.withoutFolder(dir.resolve("team")).runbookFolders()).isEmpty();
    }

    @Test
    void fieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"runbookFolders\": [\"/srv/runbooks\"], \"theme\": \"dark\"}");

        assertThat(new SettingsStore(file).load().runbookFolders()).containsExactly(Path.of("/srv/runbooks"));
    }

    @Test
    void invalidJsonNamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\n  \"runbookFolders\": [\"/srv\",\n}\n");

        assertThatThrownBy(() -> new SettingsStore(file).load())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageEndingWith(".");
    }

    @Test
    void unwritableFolderIsReportedWithTheFileName() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "");
        Path file = blocker.resolve("settings.json");

        assertThatThrownBy(() -> new SettingsStore(file).save(new Settings(List.of(), null)))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void aFileFromBeforeTheStoreSettingLoadsWithTheEmbeddedStore() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"runbookFolders\": [\"/srv/runbooks\"], \"synonymsFile\": null}");

        Settings loaded = new SettingsStore(file).load();

        assertThat(loaded.storeUrl()).isNull();
        assertThat(loaded.storeUser()).isNull();
        assertThat(loaded.runbookFolders()).containsExactly(Path.of("/srv/runbooks"));
    }

    @Test
    void teamStoreSurvivesASaveAndOtherChanges() throws IOException {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(Settings.defaults().withStore(" jdbc:postgresql://db.internal:5432/incidents ", "alice"));

        Settings loaded = store.load().withFolder(dir.resolve("team")).withSynonymsFile(dir.resolve("words.txt"));

        assertThat(loaded.storeUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/incidents");
        assertThat(loaded.storeUser()).isEqualTo("alice");
        assertThat(loaded.withoutFolder(dir.resolve("team")).storeUrl()).isEqualTo(loaded.storeUrl());
        assertThat(loaded.withStore("", "alice").storeUser()).as("no user without a URL").isNull();
    }

    @Test
    void aPasswordInTheStoreUrlIsNeverWritten() throws IOException {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(Settings.defaults().withFolder(dir.resolve("a")));

        assertThatThrownBy(() -> store.save(Settings.defaults()
                .withStore("jdbc:postgresql://db/incidents?user=alice&password=hunter2", null)))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString()).hasMessageContaining("pgpass");

        assertThat(Files.readString(file)).doesNotContain("hunter2").doesNotContain("storeUrl\" : \"jdbc");
    }

    @Test
    void theWorkspaceAndItsRecentListSurviveOtherChangesAndAReload() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        for (int i = 0; i < Settings.RECENT_WORKSPACES + 2; i++) {
            Path folder = dir.resolve("ws-" + i);
            store.update(s -> s.withWorkspace(folder));
        }
        store.update(s -> s.withWorkspace(dir.resolve("ws-3")));
        store.update(s -> s.withDark(true).withSearchOf(s.withFolder(dir.resolve("extra"))));

        Settings loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertThat(loaded.workspace()).isEqualTo(dir.resolve("ws-3"));
        assertThat(loaded.recentWorkspaces()).as("most recent first, no duplicates, at most 8")
                .hasSize(Settings.RECENT_WORKSPACES)
                .startsWith(dir.resolve("ws-3"), dir.resolve("ws-9"), dir.resolve("ws-8"))
                .doesNotContain(dir.resolve("ws-0"), dir.resolve("ws-1"))
                .doesNotHaveDuplicates();
        assertThat(loaded.dark()).isTrue();
        assertThat(loaded.withoutWorkspace(dir.resolve("ws-3")).workspace()).isNull();
        assertThat(loaded.withoutWorkspace(dir.resolve("ws-3")).recentWorkspaces()).doesNotContain(dir.resolve("ws-3"));
    }

    @Test
    void aFileFromBeforeWorkspacesLoadsWithTheDemo() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"runbookFolders\": [], \"theme\": \"dark\", \"alertSeverities\": {\"page\": \"P1\"}}");
        Settings loaded = new SettingsStore(file).load();
        assertThat(loaded.workspace()).isNull();
        assertThat(loaded.recentWorkspaces()).isEmpty();
        assertThat(loaded.alertSeverities()).containsEntry("page", "P1");
    }

    @Test
    void everySettingSurvivesASaveAndALoad() throws IOException {
        assertThat(Settings.class.getRecordComponents()).as("a new setting needs its field in SettingsJson and here")
                .hasSize(8);
        Settings all = new Settings(List.of(Path.of("/srv/a"), Path.of("/srv/b")), Path.of("/etc/syn.txt"),
                "jdbc:postgresql://db:5432/incidents", "oncall", Settings.DARK, java.util.Map.of("page", "P1", "ticket", "P3"),
                Path.of("/srv/team"), List.of(Path.of("/srv/team"), Path.of("/srv/old")));
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));

        store.save(all);

        assertThat(new SettingsStore(dir.resolve("settings.json")).load()).isEqualTo(all);
    }

    @Test
    void theFileKeepsItsHandEditableLayout() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.defaults().withFolder(Path.of("/srv/runbooks")));

        assertThat(Files.readString(dir.resolve("settings.json"))).isEqualTo("""
                {
                  "runbookFolders" : [ "/srv/runbooks" ],
                  "synonymsFile" : null,
                  "storeUrl" : null,
                  "storeUser" : null,
                  "theme" : null,
                  "alertSeverities" : { },
                  "workspace" : null,
                  "recentWorkspaces" : [ ]
                }""");
    }

    @Test
    void aSettingOfTheWrongKindNamesTheFileTheLineAndTheSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\n  \"theme\": \"dark\",\n  \"runbookFolders\": \"/srv\"\n}\n");

        assertThatThrownBy(() -> new SettingsStore(file).load()).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3").hasMessageContaining("runbookFolders");
        Files.writeString(file, "null");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> new SettingsStore(file).load()).isInstanceOf(IOException.class).hasMessageContaining("line 1");
    }
}
