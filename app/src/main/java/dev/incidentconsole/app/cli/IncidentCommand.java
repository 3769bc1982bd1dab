package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.StoreChoice;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console incident ...}: opens, annotates, exports and imports incidents from a terminal.
 * The store is chosen as in the app ({@link StoreChoice}): {@code --store-url}, else {@code INCIDENT_STORE_URL},
 * else the team store saved in settings.json, else the embedded one ({@code <data dir>/incidents.db}).
 */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"Drive incidents from the terminal: open one, add notes, change its status, write its postmortem,",
                "export and import.",
                "The store is the team PostgreSQL store named by --store-url, else INCIDENT_STORE_URL, else the",
                "app's settings (Incidents > Store); without one, the embedded file <data dir>/incidents.db.",
                "The login is the settings' user, else PGUSER; the password PGPASSWORD, else ~/.pgpass."},
        subcommands = {IncidentNewCommand.class, IncidentListCommand.class, IncidentShowCommand.class,
                IncidentNoteCommand.class, IncidentStatusCommand.class, IncidentPostmortemCommand.class,
                IncidentExportCommand.class,
                IncidentImportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the incident or file was not found, or the store failed", "2:usage error"})
public final class IncidentCommand implements Runnable {
    private final LaunchOptions options;

    /** @param options the environment ($INCIDENT_STORE_URL, PG* variables, $USER), the settings and the data folder */
    public IncidentCommand(LaunchOptions options) {
        this.options = options;
    }

    /** Environment variable naming the team store when {@code --store-url} is not given. */
    public static final String STORE_URL_ENV = StoreChoice.URL_ENV;

    @Option(names = "--store-url", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Team store, e.g. jdbc:postgresql://db:5432/incidents (default: $" + STORE_URL_ENV
                    + ", else the settings' team store, else the embedded store).")
    String storeUrl;

    @Option(names = "--data-dir", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of the embedded store and the offline journal (default: the app's data folder).")
    Path dataDir;

    @Option(names = "--author", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "NAME",
            description = "Name written on new entries (default: $USER).")
    String author;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Opens the chosen store; the caller closes it. With {@code queueWhenUnreachable} a team store that does not
     * answer opens offline and journals what is appended (see {@link IncidentAction#queuesWhenUnreachable()}).
     */
    IncidentStore openStore(boolean queueWhenUnreachable) throws StoreException {
        return choice().open(null, StoreOptions.defaults(), queueWhenUnreachable);
    }

    /** The store these options, the environment and the settings name. */
    StoreChoice choice() throws StoreException {
        Path data = dataDir != null ? dataDir : options.dataDir();
        boolean given = storeUrl != null && !storeUrl.isBlank() || options.env(STORE_URL_ENV) != null;
        Settings settings = Settings.defaults();
        if (!given) {
            try {
                settings = options.settings().load();
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.INVALID_INPUT, e.getMessage());
            }
        }
        return StoreChoice.resolve(storeUrl, "--store-url", options.environment(), settings, data);
    }

    /** {@code --author}, else {@code $USER}, else the JVM's user name. */
    String author() {
        if (author != null && !author.isBlank()) {
            return author;
        }
        return options.userName();
    }
}
