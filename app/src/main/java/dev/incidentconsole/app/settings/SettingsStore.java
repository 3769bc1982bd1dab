package dev.incidentconsole.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@link Settings} as JSON ({@link SettingsJson}). Writes are atomic (a temp file in the same folder, then a
 * rename), so a crash mid-write never leaves a half-written file. Blocking file I/O: call it off the FX thread.
 * Thread-safe.
 */
public final class SettingsStore {
    /** The settings file's name inside {@link LaunchOptions#configDir()}. */
    public static final String FILE_NAME = "settings.json";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store at {@code configDir/settings.json} (the app's is {@link LaunchOptions#settings()}). */
    public static SettingsStore in(Path configDir) {
        return new SettingsStore(configDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * The stored settings; {@link Settings#defaults()} when the file does not exist yet.
     *
     * @throws IOException with a one-sentence message naming the file when it cannot be read or is not valid
     */
    public synchronized Settings load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            throw new IOException("Cannot read the settings file " + file + " (" + e.getMessage()
                    + "); check its permissions.", e);
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Settings.defaults();
        }
        try {
            Settings settings = SettingsJson.read(bytes);
            return settings == null ? Settings.defaults() : settings;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException("The settings file " + file + " is not valid JSON" + where + " ("
                    + e.getOriginalMessage() + "); fix it or delete it to start from the defaults.", e);
        }
    }

    /**
     * Loads, changes and writes the settings in one step, so that parts of the app changing different settings
     * at the same time each keep their change.
     *
     * @return the settings written
     * @throws IOException as {@link #load()} and {@link #save} do
     */
    public synchronized Settings update(UnaryOperator<Settings> change) throws IOException {
        Settings next = change.apply(load());
        save(next);
        return next;
    }

    /**
     * Writes the settings, creating the folder when needed.
     *
     * @throws IOException with a one-sentence message naming the file when it cannot be written, or when the
     *                     team store URL holds a password (which never goes into this file)
     */
    public synchronized void save(Settings settings) throws IOException {
        String wrong = settings.storeUrl() == null ? null : StoreChoice.problem(settings.storeUrl());
        if (wrong != null) {
            throw new IOException("Not saved to " + file + ": " + Character.toLowerCase(wrong.charAt(0)) + wrong.substring(1));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    SettingsJson.write(settings, out);
                }
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IOException("Cannot write the settings file " + file + " (" + e.getMessage()
                    + "); check that its folder is writable.", e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
