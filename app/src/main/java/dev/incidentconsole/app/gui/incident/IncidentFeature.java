package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.AppPaths;
import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.kordamp.ikonli.feather.Feather;

/**
 * Incidents in the app: the "Incidents" destination, "Start incident" from runbook sections and the
 * walkthroughs they open. The store is the team store named by {@code -Dincident.store.url} or
 * {@code INCIDENT_STORE_URL}, else the embedded file {@code AppPaths.dataDir()/incidents.db}; it is
 * opened on first use off the UI thread. {@code -Dincident.incident=<id>} selects an incident at start.
 */
public final class IncidentFeature implements AutoCloseable {
    public static final String STORE_URL_PROPERTY = "incident.store.url";
    public static final String SELECT_PROPERTY = "incident.incident";
    private static final String PLACE = "incidents";

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final DialogService dialogs;
    private final Path runbookFolder;
    private final IncidentViewModel model;
    private final CommandRunner runner;
    private Navigation navigation;
    private IncidentsView view;

    public IncidentFeature(TaskExecutor executor, Executor uiThread, DialogService dialogs, Path runbookFolder,
                           Callable<IncidentStore> opener, CommandRunner runner) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.dialogs = dialogs;
        this.runbookFolder = runbookFolder;
        this.runner = runner;
        this.model = new IncidentViewModel(executor, uiThread, opener, author());
    }

    /** The app's configuration: store from the property, env var or data folder; runs write under the data folder. */
    public static IncidentFeature standard(TaskExecutor executor, Executor uiThread, DialogService dialogs, Path runbookFolder) {
        Path data = AppPaths.dataDir();
        CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults().withOutputDir(data.resolve("runs")));
        return new IncidentFeature(executor, uiThread, dialogs, runbookFolder, () -> openStore(data), runner);
    }

    static IncidentStore openStore(Path data) throws StoreException {
        String url = System.getProperty(STORE_URL_PROPERTY, System.getenv("INCIDENT_STORE_URL"));
        if (url == null || url.isBlank()) {
            return IncidentStores.embedded(data.resolve(IncidentStores.EMBEDDED_FILE), StoreOptions.defaults());
        }
        return IncidentStores.postgres(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), data, StoreOptions.defaults());
    }

    /** Adds the Incidents destination to the rail. */
    public void install(MainView main, Navigation nav) {
        this.navigation = nav;
        this.view = new IncidentsView(model, dialogs, Path.of(System.getProperty("user.home")));
        main.register(new Destination(PLACE, "Incidents", Feather.ALERT_OCTAGON), () -> view);
    }

    /** Loads the incident list (and selects {@code -Dincident.incident} when given). */
    public void start() {
        String select = System.getProperty(SELECT_PROPERTY);
        if (select != null && !select.isBlank()) {
            model.selectWhenLoaded(select);
            navigation.go(PLACE);
        }
        model.refresh();
    }

    /** What the runbook view's "Start incident" button does. */
    public BiConsumer<Runbook, Section> startIncident() {
        IncidentStarter starter = new IncidentStarter(model, dialogs, runbookFolder, this::openWalkthrough);
        return starter::start;
    }

    private void openWalkthrough(Incident incident, Runbook runbook, Section procedure) {
        WalkthroughViewModel walk = new WalkthroughViewModel(incident.id(), runbook, procedure, model.timeline(),
                runner, executor, uiThread, dialogs, LocalTarget.here());
        view.openWalkthrough(walk);
        navigation.go(PLACE);
    }

    public IncidentViewModel model() {
        return model;
    }

    @Override
    public void close() {
        runner.close();
        model.close();
    }

    private static String author() {
        String user = System.getenv("USER");
        return user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown");
    }
}
