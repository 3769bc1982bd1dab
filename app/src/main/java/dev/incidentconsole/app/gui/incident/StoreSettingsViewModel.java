package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.StoreChoice;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Which incident store the app uses and the Store dialog behind it: opens the store {@link StoreChoice}
 * picks (override property, {@code INCIDENT_STORE_URL}, settings.json, embedded), tests a team store URL, and
 * saves or clears it, switching the Incidents view to the new store at once. A password typed in the dialog
 * is kept in memory for this session only, never written. Store and file work runs on the {@link TaskExecutor};
 * callbacks and properties change on its callback thread (the FX thread in the app).
 */
public final class StoreSettingsViewModel {
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Path dataDir;
    private final String override;
    private final UnaryOperator<String> env;
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper team = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private volatile SettingsStore settings;
    private volatile String sessionPassword;
    private IncidentViewModel incidents;

    /**
     * @param override a team store URL that wins over everything (the {@code -Dincident.store.url} property), or null
     * @param env      reads environment variables ({@code LaunchOptions.environment()} outside tests)
     */
    public StoreSettingsViewModel(TaskExecutor executor, Executor uiThread, SettingsStore settings, Path dataDir,
                                  String override, UnaryOperator<String> env) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.settings = settings;
        this.dataDir = dataDir;
        this.override = override;
        this.env = env;
        inUse.set(choice(Settings.defaults()).describe());
    }

    /** Where the user's choice is kept (the app passes its own, tests a temporary one). Before the first open. */
    public void useSettings(SettingsStore store) {
        this.settings = store;
    }

    /** The incidents whose store a saved choice switches. */
    void bind(IncidentViewModel model) {
        this.incidents = model;
    }

    /**
     * Opens the chosen store (blocking: call off the UI thread); the opener of {@link IncidentViewModel}. A team
     * store that does not answer now opens offline, as the {@code incident} commands do: entries are journaled on
     * this machine and sent, once, when it is back (a refused login or a damaged schema still fails).
     */
    public IncidentStore open() throws StoreException {
        StoreChoice choice = choice(load());
        shown(choice);
        return open(choice, sessionPassword, true);
    }

    /** A store chosen in the dialog must answer now: one that does not is not saved. */
    private static IncidentStore open(StoreChoice choice, String password, boolean queueWhenUnreachable)
            throws StoreException {
        try {
            return choice.open(password, StoreOptions.defaults(), queueWhenUnreachable);
        } catch (StoreException e) {
            if (choice.team() && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
                throw new StoreException(e.reason(), e.getMessage() + " Type the password in the Store dialog (kept for"
                        + " this session only), or put it in ~/.pgpass or PGPASSWORD.", e);
            }
            throw e;
        }
    }

    private void shown(StoreChoice choice) {
        uiThread.execute(() -> {
            inUse.set(choice.describe());
            team.set(choice.team());
            target.set(choice.target());
        });
    }

    /** The saved settings, read off the UI thread, for the dialog's fields; {@code then} gets them. */
    public void loadSettings(Consumer<Settings> then, Consumer<String> failed) {
        executor.execute(this::load, then, e -> failed.accept(e.getMessage()));
    }

    /** What overrides the saved choice ("-Dincident.store.url", {@code INCIDENT_STORE_URL}), or empty. */
    public String overriddenBy() {
        StoreChoice c = choice(Settings.defaults());
        return c.team() ? c.origin() : "";
    }

    /** Connects to the team store at {@code url} and back out; {@code then} gets one sentence saying how it went. */
    public void test(String url, String user, String password, Consumer<String> then) {
        String wrong = StoreChoice.problem(url);
        if (wrong != null) {
            then.accept(wrong);
            return;
        }
        executor.execute(() -> {
            // A scratch journal folder: the real one belongs to the store in use.
            Path scratch = Files.createTempDirectory("incident-store-test");
            StoreChoice c = StoreChoice.team(url, user, env, scratch);
            try (IncidentStore s = c.open(password, StoreOptions.defaults())) {
                int open = s.list(true).size();
                return "Connected to " + c.target() + ": " + open
                        + (open == 1 ? " open incident." : " open incidents.");
            } finally {
                deleteQuietly(scratch);
            }
        }, then, e -> then.accept(e.getMessage()));
    }

    /**
     * Connects to the team store at {@code url}, then saves it with {@code user} and switches to it; {@code then}
     * gets an empty string once the incidents come from it, or one sentence saying why not (nothing saved then).
     */
    public void useTeamStore(String url, String user, String password, Consumer<String> then) {
        String wrong = StoreChoice.problem(url);
        if (wrong != null) {
            then.accept(wrong);
            return;
        }
        save(load -> load.withStore(url, user), password, then);
    }

    /** Forgets the team store and switches to the embedded one. */
    public void useEmbeddedStore(Consumer<String> then) {
        save(load -> load.withStore(null, null), null, then);
    }

    private record Opened(StoreChoice choice, IncidentStore store) {
    }

    /** Opens the store the changed settings name and saves them only when it opened, then switches to it. */
    private void save(UnaryOperator<Settings> change, String password, Consumer<String> then) {
        String typed = password == null || password.isEmpty() ? null : password;
        executor.execute(() -> {
            Settings next = change.apply(load());
            StoreChoice choice = choice(next);
            IncidentStore opened = open(choice, typed, false);
            try {
                settings.save(next);
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            return new Opened(choice, opened);
        }, done -> {
            sessionPassword = typed;
            shown(done.choice());
            if (incidents == null) {
                done.store().close();
                then.accept("");
            } else {
                incidents.useStore(done::store, then);
            }
        }, e -> then.accept(e.getMessage()));
    }

    private Settings load() throws StoreException {
        try {
            return settings.load();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID_INPUT, e.getMessage(), e);
        }
    }

    private StoreChoice choice(Settings s) {
        return StoreChoice.resolve(override, "-D" + LaunchOptions.STORE_URL, env, s, dataDir);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover empty folder in the temp directory harms nothing.
        }
    }

    /** E.g. {@code Embedded: ~/.local/share/incident-console/incidents.db} or {@code Team: postgres db:5432/incidents}. */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** The team store in use as {@code host:port/database} (with {@code as user}), empty for the embedded one. */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Whether the store in use is a team store. */
    public ReadOnlyBooleanProperty teamProperty() {
        return team.getReadOnlyProperty();
    }
}
