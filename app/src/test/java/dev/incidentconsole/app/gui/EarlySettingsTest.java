package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings the launch began reading before the toolkit started reach the window JavaFX constructs. */
class EarlySettingsTest {
    @TempDir
    Path dir;

    private LaunchOptions optionsIn(Path config) {
        return LaunchOptions.of(Map.of(LaunchOptions.CONFIG_DIR, config.toString(), LaunchOptions.THEME, ""), Map.of());
    }

    @Test
    void theWindowGetsTheSettingsAndOptionsTheLaunchBeganWithOnce() throws IOException {
        Path config = dir.resolve("config");
        new SettingsStore(config.resolve(SettingsStore.FILE_NAME)).update(s -> s.withDark(true));
        LaunchOptions options = optionsIn(config);

        EarlySettings.begin(options, null);
        EarlySettings handed = EarlySettings.take();

        assertThat(handed.options()).isSameAs(options);
        assertThat(handed.settings().dark()).isTrue();
        assertThat(EarlySettings.take()).as("a second window reads its own").isNotSameAs(handed);
    }

    @Test
    void anUnreadableSettingsFileIsTheStoresErrorNamingTheFile() throws IOException {
        Path config = Files.createDirectories(dir.resolve("broken"));
        Path file = Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{\"dark\": tru");

        EarlySettings.begin(optionsIn(config), null);

        assertThatThrownBy(() -> EarlySettings.take().settings()).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");
    }

    private Path workspaceWithServices(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("environments.yaml"), """
                environments:
                  staging:
                    services:
                      - {name: api, host: 127.0.0.1, port: 1, interval: 365d}
                      - {name: db, host: 127.0.0.1, port: 2, interval: 365d}
                """);
        return folder;
    }

    @Test
    void theLastWorkspacesEnvironmentFileIsReadBeforeTheWindowAsksForIt() throws Exception {
        Path config = dir.resolve("config");
        Path last = workspaceWithServices("payments");
        new SettingsStore(config.resolve(SettingsStore.FILE_NAME)).update(s -> s.withWorkspace(last));

        EarlySettings.begin(optionsIn(config), null);
        EarlySettings handed = EarlySettings.take();
        handed.settings();
        EarlySettings.FirstWorkspace first = handed.firstWorkspace(null);

        assertThat(first.workspace().folder()).isEqualTo(last);
        assertThat(first.environment().folder()).isEqualTo(last);
        assertThat(first.environment().file().environment("staging").services())
                .extracting(ServiceSpec::name).containsExactly("api", "db");
        assertThat(handed.firstWorkspace(dir.resolve("another")))
                .as("a window opening another folder gets no early answer").isNull();
    }

    @Test
    void aFolderNamedAtLaunchWinsOverTheLastOneAndABrokenFileIsReadAsTheDashboardWouldReportIt() throws Exception {
        Path config = dir.resolve("config");
        Path last = workspaceWithServices("last");
        new SettingsStore(config.resolve(SettingsStore.FILE_NAME)).update(s -> s.withWorkspace(last));
        Path named = Files.createDirectories(dir.resolve("named"));
        Path broken = Files.writeString(named.resolve("environments.yaml"), "environments: [");

        EarlySettings.begin(optionsIn(config), named);
        EarlySettings handed = EarlySettings.take();
        handed.settings();
        EarlySettings.FirstWorkspace first = handed.firstWorkspace(named);

        assertThat(first.workspace().folder()).isEqualTo(named);
        assertThatThrownBy(() -> first.environment().file()).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(broken.getFileName() + " line 1").hasMessageContaining("not valid YAML");
    }

    @Test
    void aLastWorkspaceThatIsGoneLeavesTheDemoWithNoFileOfItsOwn() throws Exception {
        Path config = dir.resolve("config");
        new SettingsStore(config.resolve(SettingsStore.FILE_NAME)).update(s -> s.withWorkspace(dir.resolve("gone")));
        LaunchOptions options = optionsIn(config);

        EarlySettings.begin(options, null);
        EarlySettings handed = EarlySettings.take();
        handed.settings();

        assertThat(handed.firstWorkspace(null).workspace().bundled()).isTrue();
        assertThat(handed.firstWorkspace(null).workspace().folder()).isEqualTo(options.bundledRunbooks());
    }
}
