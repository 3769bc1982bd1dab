package dev.incidentconsole.app;

import java.nio.file.Path;

/**
 * Where the app keeps its data and settings (XDG on Linux, the conventional places elsewhere), and where
 * the bundled runbooks are. System properties {@code incident.data.dir} and {@code incident.config.dir}
 * override the defaults (tests use them to stay inside a temp dir).
 */
public final class AppPaths {
    private static final String APP = "incident-console";

    private AppPaths() {
    }

    /** Settings: {@code $XDG_CONFIG_HOME/incident-console}, else {@code ~/.config/incident-console}. */
    public static Path configDir() {
        return dir("incident.config.dir", "XDG_CONFIG_HOME", ".config", "Library/Application Support", "APPDATA");
    }

    /** Data (embedded incident store, run output): {@code $XDG_DATA_HOME/incident-console}, else {@code ~/.local/share/incident-console}. */
    public static Path dataDir() {
        return dir("incident.data.dir", "XDG_DATA_HOME", ".local/share", "Library/Application Support", "LOCALAPPDATA");
    }

    /**
     * The runbooks shipped with the app: {@code $INCIDENT_HOME/runbooks} as set by the launcher script,
     * else {@code ./runbooks}.
     */
    public static Path bundledRunbooks() {
        String home = System.getProperty("incident.home", System.getenv("INCIDENT_HOME"));
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("runbooks").toAbsolutePath().normalize();
    }

    /**
     * The user's home folder: {@code $HOME} when it names a folder, else the JVM's {@code user.home} (which comes
     * from the password database and differs under {@code sudo -E}, in containers and when HOME is set on purpose).
     * File dialogs start here.
     */
    public static Path userHome() {
        return userHome(System::getenv, System.getProperty("user.home"));
    }

    static Path userHome(java.util.function.UnaryOperator<String> env, String userHomeProperty) {
        String home = env.apply("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute() && java.nio.file.Files.isDirectory(Path.of(home))) {
            return Path.of(home);
        }
        return Path.of(userHomeProperty);
    }

    private static Path dir(String property, String xdgVar, String unixDefault, String macDefault, String windowsVar) {
        String override = System.getProperty(property);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String base = System.getenv(windowsVar);
            return (base != null ? Path.of(base) : home).resolve(APP);
        }
        if (os.contains("mac")) {
            return home.resolve(macDefault).resolve(APP);
        }
        String xdg = System.getenv(xdgVar);
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(unixDefault);
        return base.resolve(APP);
    }
}
