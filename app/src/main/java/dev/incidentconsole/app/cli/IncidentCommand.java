package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.AppPaths;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console incident ...}: opens, annotates, exports and imports incidents from a terminal.
 * The store is the embedded one ({@code <data dir>/incidents.db}) unless a team store URL is given by
 * {@code --store-url} or {@code INCIDENT_STORE_URL}.
 */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"Drive incidents from the terminal: open one, add notes, change its status, export and import.",
                "The store is the embedded file <data dir>/incidents.db unless --store-url (or INCIDENT_STORE_URL)",
                "names a team PostgreSQL store; PGUSER and PGPASSWORD are used when the URL has no credentials."},
        subcommands = {IncidentNewCommand.class, IncidentListCommand.class, IncidentShowCommand.class,
                IncidentNoteCommand.class, IncidentStatusCommand.class, IncidentExportCommand.class,
                IncidentImportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the incident or file was not found, or the store failed", "2:usage error"})
public final class IncidentCommand implements Runnable {
    /** Environment variable naming the team store when {@code --store-url} is not given. */
    public static final String STORE_URL_ENV = "INCIDENT_STORE_URL";

    @Option(names = "--store-url", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Team store, e.g. jdbc:postgresql://db:5432/incidents (default: $" + STORE_URL_ENV
                    + ", else the embedded store).")
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

    /** Opens the chosen store; the caller closes it. */
    IncidentStore openStore() throws StoreException {
        Path data = dataDir != null ? dataDir : AppPaths.dataDir();
        String url = storeUrl != null && !storeUrl.isBlank() ? storeUrl : System.getenv(STORE_URL_ENV);
        if (url == null || url.isBlank()) {
            return IncidentStores.embedded(data.resolve(IncidentStores.EMBEDDED_FILE), StoreOptions.defaults());
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException(StoreException.Reason.INVALID_INPUT, "The store URL '" + url
                    + "' is not a jdbc:postgresql:// URL; fix --store-url or " + STORE_URL_ENV + ".");
        }
        return IncidentStores.postgres(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), data,
                StoreOptions.defaults());
    }

    /** {@code --author}, else {@code $USER}, else the JVM's user name. */
    String author() {
        if (author != null && !author.isBlank()) {
            return author;
        }
        String user = System.getenv("USER");
        return user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown");
    }
}
