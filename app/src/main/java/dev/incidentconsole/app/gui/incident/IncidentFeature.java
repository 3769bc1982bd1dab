package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.run.RunFeature;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.incident.AlertSeverity;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.feather.Feather;

/**
 * Incidents in the app: the "Incidents" destination, "Start incident" from runbook sections, search hits and
 * failing dashboard services, and the walkthroughs they open. Walkthrough steps run through the Runs
 * window's runner and targets ({@link RunFeature}). The store is the team store named by
 * {@code -Dincident.store.url}, {@code INCIDENT_STORE_URL} or the settings (the Store dialog), else the embedded
 * file {@code <data dir>/incidents.db}; it is opened on first use off the UI thread. The dashboard's
 * health changes and alerts are recorded into the open incidents they concern ({@link HealthRecording}).
 * {@code -Dincident.incident=<id>} selects an incident at start (all from {@link LaunchOptions}). Call on the UI
 * thread.
 */
public final class IncidentFeature implements AutoCloseable {
    private static final String PLACE = "incidents";
    /** The Incidents view's place on the rail. */
    public static final Destination DESTINATION = new Destination(PLACE, "Incidents", Feather.ALERT_OCTAGON);

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final DialogService dialogs;
    private final IncidentViewModel model;
    private final RunServices run;
    private final ObservableValue<TargetCatalog> catalog;
    private final IncidentStarter starter;
    private final Path userHome;
    private final String selectAtStart;
    private Path runbookRoot;
    private ServiceWatch watch = ServiceWatch.NONE;
    private AlertSeverity severities = AlertSeverity.of(java.util.Map.of());
    private HealthRecording recording;
    private Navigation navigation;
    private IncidentsView view;
    private final WalkOpening opening;
    /** How often the list is read again for incidents opened elsewhere: a new one shows within this, at little cost. */
    static final Duration LIST_REFRESH = Duration.ofSeconds(15);

    /**
     * @param run     the Runs window's runner and helpers; the caller closes the runner
     * @param catalog the targets found so far
     * @param options who records entries, where file dialogs start, the incident to select at start
     */
    public IncidentFeature(TaskExecutor executor, Executor uiThread, DialogService dialogs, Path runbookFolder,
                           Callable<IncidentStore> opener, RunServices run, ObservableValue<TargetCatalog> catalog,
                           LaunchOptions options) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.dialogs = dialogs;
        this.run = run;
        this.catalog = catalog;
        this.userHome = options.userHome();
        this.selectAtStart = options.incident();
        this.runbookRoot = runbookFolder;
        this.model = new IncidentViewModel(executor, uiThread, opener, options.userName());
        model.followStore();
        this.starter = new IncidentStarter(model, dialogs, runbookFolder, this::openWalkthrough);
        starter.useSeverities(() -> severities);
        this.opening = new WalkOpening(executor, model, this::walkthrough, () -> watch, walk -> view().openWalkthrough(walk));
    }

    /** The app's configuration: store from the property, env var or data folder; steps run like the Runs window's. */
    public static IncidentFeature standard(TaskExecutor executor, Executor uiThread, DialogService dialogs, Path runbookFolder,
                                           RunFeature runs, LaunchOptions options) {
        StoreSettingsViewModel stores = new StoreSettingsViewModel(executor, uiThread, options.settings(),
                options.dataDir(), options.storeUrl(), options.environment());
        IncidentFeature feature = new IncidentFeature(executor, uiThread, dialogs, runbookFolder, stores::open,
                runs.services(), runs.catalogProperty(), options);
        feature.model.attach(stores);
        return feature;
    }

    /** The window switched to the workspace at {@code folder}: new incidents and exports name its runbooks relative to it. */
    public void useWorkspace(Path folder) {
        starter.useRunbookRoot(folder);
        runbookRoot = folder;
        model.timeline().useWorkspace(folder);
    }

    /** Where the team store choice is kept: the app's settings file. Call before {@link #start()}. */
    public void useSettings(SettingsStore settings) {
        if (model.storeSettings() != null) {
            model.storeSettings().useSettings(settings);
        }
        executor.execute(() -> AlertSeverity.of(settings.load().alertSeverities()), read -> severities = read,
                e -> model.errorProperty().set("Alert severities in settings.json: " + e.getMessage()));
    }

    /** Adds the Incidents destination to the rail. */
    public void install(MainView main, Navigation nav) {
        this.navigation = nav;
        main.register(DESTINATION, this::view);
    }

    /** Built on first visit (or first walkthrough), as the other views are: not on the window's first paint. */
    private IncidentsView view() {
        if (view == null) {
            view = new IncidentsView(model, dialogs, userHome);
            view.setOnResume(this::resume);
        }
        return view;
    }

    /**
     * Offers "Start incident" on the dashboard's failing services (with their runbook sections and values) and
     * lets verification steps wait for a service to be UP again; the service detail's chart marks the shown
     * incident's entries.
     */
    public void watchDashboard(DashboardViewModel dashboard) {
        this.watch = new DashboardWatch(dashboard);
        starter.useEnvironment(() -> dashboard.environment().nameProperty().get());
        dashboard.actions().incidentStarterProperty().set(row -> starter.startForService(
                ServiceLink.of(row.spec(), dashboard.environment().nameProperty().get()),
                DashboardWatch.sections(dashboard, row)));
        dashboard.actions().alertIncidentStarterProperty().set(row -> starter.startForAlert(row.alert(),
                dashboard.environment().nameProperty().get(),
                DashboardWatch.sections(row.link() == null ? List.of() : List.of(row.link()), dashboard.runbooks()),
                severities));
        recording = HealthRecording.start(dashboard, model, uiThread);
        dashboard.followIncident(model.timeline().incidentProperty(), model.timeline().entries());
    }

    /** Loads the incident list (and selects {@code -Dincident.incident} when given). */
    public void start() {
        if (selectAtStart != null) {
            model.selectWhenLoaded(selectAtStart);
            navigation.go(PLACE);
        }
        model.refresh();
        model.refreshEvery(LIST_REFRESH);
    }

    /** What the runbook view's "Start incident" button does. */
    public BiConsumer<Runbook, Section> startIncident() {
        return starter::start;
    }

    /**
     * "Start incident" on a search hit: reads the runbook off the UI thread, then starts or joins with the
     * section at {@code headingPath} (its nearest parent when the heading is gone, the runbook when all are).
     */
    public void startIncidentAt(Path file, List<String> headingPath) {
        executor.execute(() -> new RunbookParser().parse(file), runbook -> {
            if (!runbook.sections().isEmpty()) {
                starter.start(runbook, sectionAt(runbook, headingPath));
            }
        }, e -> model.errorProperty().set("Cannot start an incident from " + file + ": " + e.getMessage()));
    }

    /**
     * The section {@code link} names, by {@link RunbookLink#sameSection}'s rule (a link
     * written by {@code incident new --runbook db.md#Replication lag} holds the heading alone); else as
     * {@link #sectionAt} finds it.
     */
    static Section sectionOf(Runbook runbook, RunbookLink link) {
        return runbook.sections().stream()
                .filter(s -> link.sameSection(new RunbookLink(link.file(), s.path()), null))
                .findFirst().orElseGet(() -> sectionAt(runbook, link.headingPath()));
    }

    static Section sectionAt(Runbook runbook, List<String> headingPath) {
        for (int n = headingPath.size(); n > 0; n--) {
            List<String> path = headingPath.subList(0, n);
            for (Section s : runbook.sections()) {
                if (s.path().equals(path)) {
                    return s;
                }
            }
        }
        return runbook.sections().get(0);
    }

    /**
     * Shows the walkthrough of {@code procedure}, put back where the incident's timeline says it was (steps run, done
     * or skipped, values typed or captured: joined again after a restart, nothing is lost), as this console holds that
     * timeline (also during a team-store outage); the latest request wins ({@link WalkOpening}).
     */
    private void openWalkthrough(Incident incident, Runbook runbook, Section procedure, ServiceLink service) {
        if (runbook != null) {
            opening.open(incident, runbook, procedure, service);
        }
        navigation.go(PLACE);
    }

    private WalkthroughViewModel walkthrough(Incident incident, Runbook runbook, Section procedure, ServiceLink service) {
        WalkServices services = new WalkServices(run, catalog, watch, this::after, Clock.systemDefaultZone());
        return new WalkthroughViewModel(incident.id(), runbook, procedure, model.timeline(), services, service);
    }

    /**
     * Opens again the walkthrough of {@code link} (a section the incident's timeline shows was walked), for the service
     * the incident was started for ({@link WalkResume#service}): the runbook is read off the UI thread, relative names
     * against the workspace's runbook folder.
     */
    private void resume(Incident incident, RunbookLink link) {
        Path file = runbookRoot == null ? Path.of(link.file()) : runbookRoot.resolve(link.file());
        opening.resume(incident, () -> new RunbookParser().parse(file), runbook -> sectionOf(runbook, link),
                e -> model.errorProperty().set("Cannot resume the walkthrough: " + file + ": " + e.getMessage()));
    }

    /** Time limits of "wait until UP": the timeout fires on the UI thread. */
    private Runnable after(Duration delay, Runnable task) {
        return executor.schedule(delay, task)::cancel;
    }

    public IncidentViewModel model() {
        return model;
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
        model.close();
    }
}
