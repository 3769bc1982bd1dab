package dev.incidentconsole.app.settings;

import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which incident store the app and the {@code incident} commands use. The team store's URL comes from, first
 * found: an override (the GUI's {@code -Dincident.store.url}, the CLI's {@code --store-url}), the environment
 * variable {@value #URL_ENV}, {@link Settings#storeUrl()}; without one, the embedded store in the data folder.
 * The login is {@link Settings#storeUser()} for the settings' URL, else {@code PGUSER}, else what the URL says.
 * The password is never part of the choice: a password typed for this session, else {@code PGPASSWORD}, else
 * pgjdbc reads {@code ~/.pgpass} (or {@code PGPASSFILE}). Immutable.
 */
public final class StoreChoice {
    /** Environment variable naming the team store. */
    public static final String URL_ENV = "INCIDENT_STORE_URL";
    private static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("[?&](ssl)?password=", Pattern.CASE_INSENSITIVE);

    private final String url;
    private final String user;
    private final String origin;
    private final Path dataDir;
    private final UnaryOperator<String> env;

    private StoreChoice(String url, String user, String origin, Path dataDir, UnaryOperator<String> env) {
        this.url = url;
        this.user = user;
        this.origin = origin;
        this.dataDir = dataDir;
        this.env = env;
    }

    /**
     * @param override     a URL given on the command line or as a system property, or null
     * @param overrideName how the user gave it ("--store-url"), for messages
     * @param env          reads environment variables ({@code LaunchOptions.environment()} outside tests)
     * @param dataDir      where the embedded store and the team store's offline journal live
     */
    public static StoreChoice resolve(String override, String overrideName, UnaryOperator<String> env,
                                      Settings settings, Path dataDir) {
        String pgUser = blankToNull(env.apply("PGUSER"));
        if (blankToNull(override) != null) {
            return new StoreChoice(override.strip(), pgUser, overrideName, dataDir, env);
        }
        String fromEnv = blankToNull(env.apply(URL_ENV));
        if (fromEnv != null) {
            return new StoreChoice(fromEnv, pgUser, URL_ENV, dataDir, env);
        }
        if (settings.storeUrl() != null) {
            String user = settings.storeUser() != null ? settings.storeUser() : pgUser;
            return new StoreChoice(settings.storeUrl(), user, "settings", dataDir, env);
        }
        return new StoreChoice(null, null, "default", dataDir, env);
    }

    /** A team store at {@code url} (for testing a connection before it is saved). */
    public static StoreChoice team(String url, String user, UnaryOperator<String> env, Path dataDir) {
        return new StoreChoice(url.strip(), blankToNull(user), "dialog", dataDir, env);
    }

    /**
     * What is wrong with a team store URL, as one sentence, or null when it is usable.
     * A password in the URL is refused: it would end up in settings.json or in shell history.
     */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "Enter a team store URL such as jdbc:postgresql://db.internal:5432/incidents.";
        }
        if (!url.strip().startsWith(PREFIX)) {
            return "The store URL '" + url.strip() + "' is not a jdbc:postgresql:// URL.";
        }
        if (PASSWORD_PARAM.matcher(url).find()) {
            return "Leave the password out of the store URL: put it in ~/.pgpass or PGPASSWORD.";
        }
        return null;
    }

    /** Opens the chosen store; {@code sessionPassword} (may be null) wins over {@code PGPASSWORD}. */
    public IncidentStore open(String sessionPassword, StoreOptions options) throws StoreException {
        return open(sessionPassword, options, false);
    }

    /**
     * Opens the chosen store; with {@code queueWhenUnreachable}, a team store that does not answer now opens
     * offline, journaling appends on this machine (see {@link IncidentStores#postgresQueueing}).
     */
    public IncidentStore open(String sessionPassword, StoreOptions options, boolean queueWhenUnreachable)
            throws StoreException {
        if (url == null) {
            return IncidentStores.embedded(embeddedFile(), options);
        }
        String wrong = problem(url);
        if (wrong != null) {
            throw new StoreException(StoreException.Reason.INVALID_INPUT, wrong.substring(0, wrong.length() - 1)
                    + " (from " + origin + ").");
        }
        String password = sessionPassword != null && !sessionPassword.isEmpty() ? sessionPassword
                : blankToNull(env.apply("PGPASSWORD"));
        return queueWhenUnreachable ? IncidentStores.postgresQueueing(url, user, password, dataDir, options)
                : IncidentStores.postgres(url, user, password, dataDir, options);
    }

    public boolean team() {
        return url != null;
    }

    /** The team store's URL, or null for the embedded store. */
    public String url() {
        return url;
    }

    /** The team store's login when one is set outside the URL, else null. */
    public String user() {
        return user;
    }

    /** Where the URL came from: the override's name, {@value #URL_ENV}, "settings" or "default". */
    public String origin() {
        return origin;
    }

    public Path embeddedFile() {
        return dataDir.resolve(IncidentStores.EMBEDDED_FILE);
    }

    /** E.g. {@code Embedded: ~/.local/share/incident-console/incidents.db} or {@code Team: postgres db:5432/incidents}. */
    public String describe() {
        if (url == null) {
            return "Embedded: " + tilde(embeddedFile());
        }
        return "Team: postgres " + target();
    }

    /** The team store's {@code host:port/database}, with {@code as user} when a login is set; empty for embedded. */
    public String target() {
        return url == null ? "" : where(url) + (user == null ? "" : " as " + user);
    }

    /** {@code host:port/database} of a jdbc:postgresql URL, without its parameters. */
    static String where(String url) {
        String rest = url.startsWith(PREFIX) ? url.substring(PREFIX.length()) : url;
        int query = rest.indexOf('?');
        rest = query >= 0 ? rest.substring(0, query) : rest;
        return rest.startsWith("//") ? rest.substring(2) : "localhost/" + rest;
    }

    /** {@code file} with the home folder ({@code $HOME}, as a shell shows it) written as {@code ~}. */
    private String tilde(Path file) {
        String home = java.util.Objects.requireNonNullElse(env.apply("HOME"), "");
        String text = file.toAbsolutePath().toString();
        return !home.isEmpty() && text.startsWith(home + java.io.File.separator) ? "~" + text.substring(home.length()) : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return describe();
    }
}
