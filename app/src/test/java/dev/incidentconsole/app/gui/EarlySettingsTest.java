package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SettingsStore;
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

        EarlySettings.begin(options);
        EarlySettings handed = EarlySettings.take();

        assertThat(handed.options()).isSameAs(options);
        assertThat(handed.settings().dark()).isTrue();
        assertThat(EarlySettings.take()).as("a second window reads its own").isNotSameAs(handed);
    }

    @Test
    void anUnreadableSettingsFileIsTheStoresErrorNamingTheFile() throws IOException {
        Path config = Files.createDirectories(dir.resolve("broken"));
        Path file = Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{\"dark\": tru");

        EarlySettings.begin(optionsIn(config));

        assertThatThrownBy(() -> EarlySettings.take().settings()).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");
    }
}
