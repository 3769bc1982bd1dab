package dev.incidentconsole.app.settings;

import dev.incidentconsole.exec.LocalUser;
import dev.incidentconsole.exec.ssh.SshAgent;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything the app takes from the process it was started in: its {@code -Dincident.*} system properties, the
 * JVM's user and OS, and the environment variables. Read once, by {@link #fromSystem()} in {@code Main} (and in
 * the window's no-argument start, which JavaFX calls), then handed down as typed values; no other class reads a
 * system property or an environment variable. The README's "Launch options" table lists each one.
 */
public final class LaunchOptions {
    public static final String HOME = "incident.home";
    public static final String CONFIG_DIR = "incident.config.dir";
    public static final String DATA_DIR = "incident.data.dir";
    public static final String RUNBOOKS = "incident.runbooks";
    public static final String WORKSPACE = "incident.workspace";
    public static final String SELECT = "incident.select";
    public static final String THEME = "incident.theme";
    public static final String QUERY = "incident.query";
    public static final String INCIDENT = "incident.incident";
    public static final String SERVICE = "incident.service";
    public static final String ENVIRONMENT = "incident.environment";
    public static final String RUN = "incident.run";
    public static final String STORE_URL = "incident.store.url";
    public static final String ENV_FILE = "incident.env";
    public static final String SSH_CONFIG = "incident.ssh.config";
    public static final String SSH_AGENT = "incident.ssh.agent";

    public static final String HOME_VARIABLE = "INCIDENT_HOME";
    public static final String WORKSPACE_VARIABLE = "INCIDENT_WORKSPACE";
    public static final String ENV_FILE_VARIABLE = "INCIDENT_ENV";
    public static final String STORE_URL_VARIABLE = "INCIDENT_STORE_URL";
    public static final String LOG_LEVEL_VARIABLE = "INCIDENT_LOG_LEVEL";

    private static final String APP = "incident-console";

    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private SettingsStore settings;

    private LaunchOptions(Map<String, String> properties, Map<String, String> environment) {
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
    }

    /** The options of this process: its system properties and environment, as they are now. */
    public static LaunchOptions fromSystem() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k instanceof String key && v instanceof String value) {
                properties.put(key, value);
            }
        });
        return new LaunchOptions(properties, System.getenv());
    }

    /** Options from the given system properties and environment variables (tests; values may not be null). */
    public static LaunchOptions of(Map<String, String> properties, Map<String, String> environment) {
        return new LaunchOptions(properties, environment);
    }

    /** These options with system property {@code key} set to {@code value} ({@code null} removes it). */
    public LaunchOptions with(String key, String value) {
        Map<String, String> next = new HashMap<>(properties);
        if (value == null) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return new LaunchOptions(next, environment);
    }

    private String property(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The level of the app's log on stderr: {@code -DINCIDENT_LOG_LEVEL}, else {@code $INCIDENT_LOG_LEVEL}, else
     * {@code WARN} (a name Logback does not know reads as {@code DEBUG}, as it did in {@code logback.xml}).
     */
    public String logLevel() {
        String level = property(LOG_LEVEL_VARIABLE);
        if (level == null) {
            level = env(LOG_LEVEL_VARIABLE);
        }
        return level == null || level.isBlank() ? "WARN" : level.strip();
    }

    /** A Logback configuration file given with {@code -Dlogback.configurationFile}, or {@code null}. */
    public String logbackFile() {
        return property("logback.configurationFile");
    }

    /** An environment variable, or {@code null} when it is unset. */
    public String env(String name) {
        return environment.get(name);
    }

    /** The environment variables, for what expands {@code $VARS} or lists tools' own settings (kubeconfig). */
    public UnaryOperator<String> environment() {
        return environment::get;
    }

    /** Settings: {@code -Dincident.config.dir}, else {@code $XDG_CONFIG_HOME/incident-console}, else {@code ~/.config/incident-console}. */
    public Path configDir() {
        return dir(CONFIG_DIR, "XDG_CONFIG_HOME", ".config", "Library/Application Support", "APPDATA");
    }

    /**
     * Data (embedded incident store, run output): {@code -Dincident.data.dir}, else {@code $XDG_DATA_HOME/incident-console},
     * else {@code ~/.local/share/incident-console}.
     */
    public Path dataDir() {
        return dir(DATA_DIR, "XDG_DATA_HOME", ".local/share", "Library/Application Support", "LOCALAPPDATA");
    }

    /**
     * The settings file of the window and the command line, in {@link #configDir()}; one store per options object.
     */
    public synchronized SettingsStore settings() {
        if (settings == null) {
            settings = SettingsStore.in(configDir());
        }
        return settings;
    }

    /** The runbooks shipped with the app: {@code <incident.home or $INCIDENT_HOME>/runbooks} (the launcher sets it), else {@code ./runbooks}. */
    public Path bundledRunbooks() {
        String home = properties.getOrDefault(HOME, environment.get(HOME_VARIABLE));
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("runbooks").toAbsolutePath().normalize();
    }

    /**
     * The user's home folder: {@code $HOME} when it names a folder, else the JVM's {@code user.home} (which comes
     * from the password database and differs under {@code sudo -E}, in containers and when HOME is set on purpose).
     * File dialogs start here.
     */
    public Path userHome() {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute() && Files.isDirectory(Path.of(home))) {
            return Path.of(home);
        }
        return accountHome();
    }

    /** The JVM's {@code user.home}: what {@code ~} in an environment file and in paths shown to the user stands for. */
    public Path accountHome() {
        return Path.of(properties.getOrDefault("user.home", ""));
    }

    /**
     * Who runs commands, for exec: the JVM's {@code user.home} ({@link #accountHome()}), {@link #userName()}, the
     * environment variables and the JVM's temporary folder ({@code java.io.tmpdir}).
     */
    public LocalUser localUser() {
        return new LocalUser(accountHome(), userName(), environment,
                Path.of(properties.getOrDefault("java.io.tmpdir", "/tmp")));
    }

    /** Who records incident entries: {@code $USER}, else the JVM's {@code user.name}, else "unknown". */
    public String userName() {
        String user = environment.get("USER");
        if (user != null && !user.isBlank()) {
            return user;
        }
        String name = properties.get("user.name");
        return name == null || name.isBlank() ? "unknown" : name;
    }

    /** Whether the app runs on macOS (the terminal to open differs). */
    public boolean mac() {
        return os().contains("mac");
    }

    private String os() {
        return properties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
    }

    /** The folder the window opens ({@code incident-console FOLDER} or {@code -Dincident.runbooks}), or {@code null}. */
    public Path runbooks() {
        String folder = property(RUNBOOKS);
        return folder == null ? null : Path.of(folder).toAbsolutePath();
    }

    /** The command line's workspace: {@code -Dincident.workspace}, else {@code $INCIDENT_WORKSPACE}, else {@code null}. */
    public String workspace() {
        String named = properties.getOrDefault(WORKSPACE, environment.get(WORKSPACE_VARIABLE));
        return named == null || named.isBlank() ? null : named;
    }

    /** The runbook entry to select at start ({@code file#heading}), or {@code null}. */
    public String select() {
        return property(SELECT);
    }

    /** {@code dark} or {@code light} forces the theme at start; empty keeps the saved choice. */
    public String theme() {
        return Objects.requireNonNullElse(property(THEME), "");
    }

    /** Text typed into the search field at start, or {@code null}. */
    public String query() {
        return property(QUERY);
    }

    /** The incident to select at start (its id), or {@code null}. */
    public String incident() {
        return property(INCIDENT);
    }

    /** The dashboard service to select at start, or {@code null}. */
    public String service() {
        return property(SERVICE);
    }

    /** The environment the dashboard shows at start, or {@code null} for the file's default. */
    public String environmentName() {
        return property(ENVIRONMENT);
    }

    /** A command to open in the Runs view at start (demos), or empty. */
    public String run() {
        return Objects.requireNonNullElse(property(RUN), "");
    }

    /** The team store named by {@code -Dincident.store.url}, or {@code null} ({@code $INCIDENT_STORE_URL} comes next). */
    public String storeUrl() {
        return property(STORE_URL);
    }

    /** The environment file named by {@code -Dincident.env}, else {@code $INCIDENT_ENV}, or {@code null}. */
    public Path envFile() {
        String named = properties.getOrDefault(ENV_FILE, environment.get(ENV_FILE_VARIABLE));
        return named == null || named.isBlank() ? null : Path.of(named).toAbsolutePath();
    }

    /** The OpenSSH client config to read: {@code -Dincident.ssh.config}, else {@code ~/.ssh/config}. */
    public Path sshConfig() {
        String named = property(SSH_CONFIG);
        return named == null ? SshConfigFile.defaultPath(accountHome()) : Path.of(named).toAbsolutePath();
    }

    /**
     * The ssh-agent to log in with first: {@code -Dincident.ssh.agent=SOCKET} (empty: none), else the one of
     * {@code $SSH_AUTH_SOCK}, else none.
     */
    public SshAgent sshAgent() {
        String named = properties.get(SSH_AGENT);
        if (named == null) {
            named = environment.get(SshAgent.SOCKET_VARIABLE);
        }
        return named == null || named.isBlank() ? SshAgent.none() : SshAgent.at(Path.of(named), SshAgent.DEFAULT_TIMEOUT);
    }

    private Path dir(String property, String xdgVar, String unixDefault, String macDefault, String windowsVar) {
        String override = property(property);
        if (override != null) {
            return Path.of(override);
        }
        Path home = accountHome();
        if (os().contains("win")) {
            String base = environment.get(windowsVar);
            return (base != null ? Path.of(base) : home).resolve(APP);
        }
        if (mac()) {
            return home.resolve(macDefault).resolve(APP);
        }
        String xdg = environment.get(xdgVar);
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(unixDefault);
        return base.resolve(APP);
    }
}
