package dev.incidentconsole.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command-line invocation reads the settings file once, whoever asks. */
class SavedSettingsTest {
    @TempDir
    Path dir;
    SettingsStore store;
    AtomicInteger reads = new AtomicInteger();
    SavedSettings counted;

    @BeforeEach
    void store() {
        store = SettingsStore.in(dir.resolve("config"));
        counted = () -> {
            reads.incrementAndGet();
            return store.load();
        };
    }

    @Test
    void onceReadsTheFileAtTheFirstLoadAndKeepsThatVersion() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        store.update(s -> s.withFolder(team));
        SavedSettings once = SavedSettings.once(counted);

        assertThat(once.load().runbookFolders()).containsExactly(team);
        store.update(s -> s.withoutFolder(team));
        assertThat(once.load().runbookFolders()).containsExactly(team);
        assertThat(reads).hasValue(1);
        assertThat(SavedSettings.once(counted).load().runbookFolders()).isEmpty();
    }

    @Test
    void onceRemembersAnUnreadableFileAndItsMessage() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store.file(), "{not json");
        SavedSettings once = SavedSettings.once(counted);

        assertThatThrownBy(once::load).isInstanceOf(IOException.class).hasMessageContaining(store.file().toString());
        assertThatThrownBy(once::load).isInstanceOf(IOException.class).hasMessageContaining(store.file().toString());
        assertThat(reads).hasValue(1);
    }

    @Test
    void theWorkspaceChoiceAndTheCommandShareOneRead() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        store.update(s -> s.withWorkspace(team).withFolder(dir.resolve("more")));
        LaunchOptions options = LaunchOptions.of(Map.of(LaunchOptions.CONFIG_DIR, dir.resolve("config").toString(),
                LaunchOptions.HOME, dir.toString()), Map.of());
        SavedSettings once = SavedSettings.once(counted);

        Workspace.Choice choice = Workspace.forCommandLine(options, once);
        assertThat(choice.workspace().folder()).isEqualTo(team);
        assertThat(choice.source()).isEqualTo("the window's workspace, " + store.file());
        assertThat(once.load().runbookFolders()).containsExactly(dir.resolve("more"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWorkspaceNamedByTheVariableReadsNoSettings() {
        LaunchOptions options = LaunchOptions.of(Map.of(LaunchOptions.CONFIG_DIR, dir.resolve("config").toString()),
                Map.of(LaunchOptions.WORKSPACE_VARIABLE, dir.toString()));

        assertThat(Workspace.forCommandLine(options, counted).source()).isEqualTo("$" + Workspace.ENV_VARIABLE);
        assertThat(reads).hasValue(0);
    }
}
