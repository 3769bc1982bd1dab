package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.exec.LocalUser;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthListener;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.SecretMasker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the dashboard: environments to pick from, the services of the chosen one with their latest
 * status, filters, the selected service with its runbook sections, and firing alerts. Touches no controls.
 *
 * <p>Threads: the scheduler reports on its worker threads into a {@link StatusBatcher}; the UI calls
 * {@link #drain()} a few times a second on the UI thread, which applies everything collected at once, so
 * hundreds of services cost a few list updates per frame, not one per check. Everything else is called on
 * the UI thread; the environment file is read on the injected {@link TaskExecutor}, and so is the heavy part of
 * choosing an environment (the scheduler's services replaced, a row made for each) and of new runbooks (the
 * services their port tables offer, their links: {@link RunbookOffer}): the UI thread gets each as a finished
 * snapshot to show. Services that went DOWN are told through {@link DownNotices}.
 */
public final class DashboardViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);
    /** The least time between two DOWN notices. */
    static final java.time.Duration DOWN_QUIET = DownNotices.QUIET;
    private final HealthScheduler scheduler;
    private final EnvironmentLoader loader;
    private final StatusBatcher batcher = new StatusBatcher();
    private final AutoCloseable subscription;
    private final ServiceTable table = new ServiceTable();
    private final EnvironmentState env;
    private final ObjectProperty<ServiceRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<LinkedSection> selectedLinks = FXCollections.observableArrayList();
    private final FiringAlerts alerts = new FiringAlerts();
    private final ReadOnlyObjectWrapper<Instant> clock = new ReadOnlyObjectWrapper<>(Instant.now());
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> incidentEntries = FXCollections.observableArrayList();
    private final ServiceChartViewModel chart;
    private List<ServiceSpec> watched = List.of();
    private final DashboardActions actions = new DashboardActions();
    private final LatestWins fileLoads;
    private final LatestWins watchLoads;
    private final RunbookOffer offer;
    private final ServiceWatch watch;
    /** An activation's rows are on their way: checks wait in the batcher for them rather than go to the old rows. */
    private boolean activating;
    private String pendingService;
    private final DownNotices downNotices = new DownNotices();
    private volatile boolean closed;

    /**
     * A dashboard whose check commands name no SSH config or agent: tests, and environments without targets.
     *
     * @param user whose home {@code ~} in target fields stands for, and the login name of SSH targets
     */
    public DashboardViewModel(TaskExecutor executor, HealthScheduler scheduler, EnvironmentLoader loader,
            LocalUser user) {
        this(executor, scheduler, loader, new ServiceTargets(() -> SshConfigFile.empty(user), name -> null));
    }

    /**
     * @param scheduler checks the services; this view model closes it in {@link #close()}
     * @param targets   binds check commands to the {@code target:} they name
     */
    public DashboardViewModel(TaskExecutor executor, HealthScheduler scheduler, EnvironmentLoader loader,
            ServiceTargets targets) {
        this.env = new EnvironmentState(targets);
        this.scheduler = scheduler;
        this.loader = loader;
        this.fileLoads = executor.latestWins();
        this.watchLoads = executor.latestWins();
        this.offer = new RunbookOffer(executor, loader);
        this.subscription = scheduler.subscribe(batcher);
        this.watch = new ServiceWatch(scheduler, batcher);
        env.onActivate(this::activate);
        selected.addListener((obs, old, row) -> refreshLinks());
        this.chart = new ServiceChartViewModel(executor, selected, incident, incidentEntries, env.nameProperty(), clock);
    }

    /**
     * Marks the selected service's chart with the entries of {@code shown} (the incident the Incidents view
     * shows, null for none) and follows both. The dashboard only reads them.
     *
     * @param entries {@code shown}'s timeline, changing on the UI thread
     */
    public void followIncident(ObservableValue<Incident> shown, ObservableList<TimelineEntry> entries) {
        incident.bind(shown);
        javafx.beans.binding.Bindings.bindContent(incidentEntries, entries);
    }

    /** The selected service's chart with the followed incident's marks. */
    ServiceChartViewModel chart() {
        return chart;
    }

    /**
     * Reads an environment file in the background and offers its environments, selecting {@code preferred}
     * (else the file's default). {@code file == null} means "no file": only the runbooks' port tables. A bad
     * file shows its error ({@link #errorProperty()}) and leaves the port tables usable.
     */
    public void openEnvironmentFile(Path file, String preferred) {
        openEnvironmentFile(file, preferred, () -> { });
    }

    /**
     * As {@link #openEnvironmentFile(Path, String)}, then runs {@code read} on the UI thread once the file is read
     * or has failed (also when another file was opened meanwhile). The chosen environment's rows are made on the
     * executor and may reach {@link #rows()} after {@code read} ran; {@link #selectWhenShown} waits for them.
     */
    public void openEnvironmentFile(Path file, String preferred, Runnable read) {
        if (file == null) {
            env.fileLoading(preferred);
            fileLoads.supersede();
            fileLoaded(null, "");
            read.run();
            return;
        }
        openEnvironment(() -> loader.load(file), "Cannot read " + file, preferred, read);
    }

    /**
     * As {@link #openEnvironmentFile(Path, String, Runnable)} with the file given by {@code reading} on the executor
     * ({@code null}: no file): a read begun before the window existed.
     *
     * @param failure what the dashboard says when the read fails without a message of its own
     */
    public void openEnvironment(Callable<EnvironmentFile> reading, String failure, String preferred, Runnable read) {
        env.fileLoading(preferred);
        fileLoads.submit(() -> {
            EnvironmentFile loaded = reading.call();
            env.targets().preload(); // the SSH config its check targets may name: read here, not on the UI thread
            return loaded;
        }, f -> fileLoaded(f, ""), e -> fileLoaded(null, e.getMessage() == null ? failure : e.getMessage()), read);
    }

    /**
     * The loaded runbooks: their port tables become services, their sections and alerts link targets. Both are
     * worked out on the executor; the dashboard shows them once they are (the latest runbooks given win).
     */
    public void setRunbooks(List<Runbook> loaded) {
        offer.offer(loaded, () -> {
            env.sources(offer.portTables());
            refreshAlerts();
            refreshLinks();
        });
    }

    private void fileLoaded(EnvironmentFile file, String error) {
        env.fileLoaded(file, error, offer.portTables());
    }

    private void activate(String name) {
        List<ServiceSpec> specs = env.activate(name);
        if (closed || specs.equals(watched)) {
            return;
        }
        watched = specs;
        long request = watch.request();
        activating = true;
        SecretMasker masker = SecretMasker.standard().withSecrets(env.secretValues());
        watchLoads.submit(() -> closed ? null : watch.watch(specs, masker, request), fresh -> {
            activating = false;
            if (fresh != null && !closed) {
                show(fresh, name);
            }
        }, e -> {
            activating = false;
            if (!closed) {
                LOG.warn("Cannot watch the services of environment {}", name, e);
            }
        });
    }

    /** The UI thread's part of an activation: the rows made on the executor, shown in one go. */
    private void show(List<ServiceRow> fresh, String name) {
        table.replace(fresh);
        selected.set(pendingService == null ? null : table.get(pendingService));
        refreshAlerts();
        LOG.info("Dashboard watches {} services of environment {}", fresh.size(), name);
    }

    /** Selects the service of that name as soon as the environment shows it (demos, "open on what paged me"). */
    public void selectWhenShown(String name) {
        pendingService = name;
        if (table.get(name) != null) {
            selected.set(table.get(name));
        }
    }

    /**
     * Forgets the service {@link #selectWhenShown} waits for: it was named for a workspace the window has left, and
     * a service of the same name in the next one is another service.
     */
    public void forgetServiceToSelect() {
        pendingService = null;
    }

    /** Applies the checks that arrived since the last call, at once. Call on the UI thread, a few times a second. */
    public void drain() {
        if (activating) {
            return;
        }
        StatusBatcher.Batch batch = batcher.drain();
        if (batch.isEmpty()) {
            if (downNotices.waiting()) {
                announceDown();
            }
            return;
        }
        downNotices.hold(table.apply(batch));
        refreshAlerts();
        announceDown();
    }

    private void announceDown() {
        downNotices.announce(r -> table.get(r.name()) == r);
    }

    /** What {@link #drain()} reads the time from; tests move it by hand. */
    void setNanoClock(java.util.function.LongSupplier value) {
        downNotices.nanoClock(value);
    }

    /**
     * Adds a listener to the checks of whatever environment is watched ({@link #environment()} names it). It is
     * called on probe threads, as {@link HealthListener} says; close the handle to remove it.
     */
    public AutoCloseable subscribe(HealthListener listener) {
        return scheduler.subscribe(listener);
    }

    /** Where the scheduler's news goes; tests feed it directly. */
    HealthListener listener() {
        return batcher;
    }

    /** Moves the clock that "checked 5 s ago" texts are measured from. */
    public void tick(Instant now) {
        Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!second.equals(clock.get())) {
            clock.set(second);
        }
    }

    /** Checks the service now; its row shows "checking" until the answer arrives. */
    public void checkNow(ServiceRow row) {
        if (closed || table.get(row.name()) != row) {
            return;
        }
        row.checkingProperty().set(true);
        scheduler.checkNow(row.name());
    }

    /** Checks every service of the environment now. */
    public void checkAll() {
        if (closed) {
            return;
        }
        table.all().forEach(r -> r.checkingProperty().set(true));
        scheduler.checkAll();
    }

    /**
     * Called after a drain with the services that went from UP or DEGRADED to DOWN and are still down, at most once
     * per {@link #DOWN_QUIET}: those that go down meanwhile come with the first drain after it.
     */
    public void setOnDown(Consumer<List<ServiceRow>> value) {
        downNotices.onDown(value);
    }

    /** Where its rows, alerts and details lead: linked sections, web links, "Start incident". */
    public DashboardActions actions() {
        return actions;
    }

    /** The runbook sections that fit {@code row}'s service now, best first (as listed for the selected one). */
    public List<LinkedSection> linksFor(ServiceRow row) {
        return offer.forService(row, alerts);
    }

    /** The runbooks the links point into. */
    public List<Runbook> runbooks() {
        return offer.runbooks();
    }

    /** The watched service of that name in the current environment, if any. */
    public Optional<ServiceRow> row(String name) {
        return Optional.ofNullable(table.get(name));
    }

    /** Stops every check; the view model is unusable afterwards. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing from the scheduler failed", e);
        }
        scheduler.close();
    }

    private void refreshAlerts() {
        if (alerts.refresh(table.all(), offer.links(), offer.workedOut())) {
            refreshLinks(); // alerts about the selected service add sections
        }
    }

    private void refreshLinks() {
        ServiceRow row = selected.get();
        selectedLinks.setAll(row == null ? List.of() : offer.forService(row, alerts));
    }

    /** Whether the rows of a newly chosen environment are being made on the executor (they reach {@link #rows()} next). */
    public boolean watching() {
        return activating;
    }

    /** The services shown: filtered, problems first (DOWN, DEGRADED, UNKNOWN, UP), then in file order. */
    public ObservableList<ServiceRow> rows() {
        return table.shown();
    }

    public DashboardFilters filters() {
        return table.filters();
    }

    /** Environments, selection, production flag, errors and notices. */
    public EnvironmentState environment() {
        return env;
    }

    /** How many services of the environment (ignoring filters) are in the status. */
    public ReadOnlyIntegerProperty count(Status status) {
        return table.count(status);
    }

    public ObjectProperty<ServiceRow> selectedProperty() {
        return selected;
    }

    /** The runbook sections that fit the selected service, best first. */
    public ObservableList<LinkedSection> selectedLinks() {
        return selectedLinks;
    }

    /** Alerts firing in the environment's Alertmanagers. */
    public FiringAlerts alerts() {
        return alerts;
    }

    public ReadOnlyObjectProperty<Instant> clockProperty() {
        return clock.getReadOnlyProperty();
    }
}
