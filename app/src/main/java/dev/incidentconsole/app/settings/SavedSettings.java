package dev.incidentconsole.app.settings;

import java.io.IOException;

/**
 * Where the saved {@link Settings} are read from: the settings file ({@code SettingsStore::load}), or one read
 * shared by everything a command-line invocation asks of it ({@link #once}).
 */
@FunctionalInterface
public interface SavedSettings {
    /**
     * The saved settings.
     *
     * @throws IOException with a one-sentence message naming the file when it cannot be read or is not valid
     */
    Settings load() throws IOException;

    /**
     * {@code source}, read at the first {@link #load}: later loads answer the same settings, or throw the same
     * error, without reading again, so one invocation sees one version of the file. Thread-safe.
     */
    static SavedSettings once(SavedSettings source) {
        Object[] read = new Object[1]; // the Settings, or the IOException the read threw
        return () -> {
            synchronized (read) {
                if (read[0] == null) {
                    try {
                        read[0] = source.load();
                    } catch (IOException e) {
                        read[0] = e;
                    }
                }
                if (read[0] instanceof IOException e) {
                    throw e;
                }
                return (Settings) read[0];
            }
        };
    }
}
