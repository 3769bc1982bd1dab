package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.runbooks.OutlineNode;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.util.FxSteps;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the dashboard into the app: its rail entry, the 250 ms pump that applies health news on the FX
 * thread, DOWN notifications, and the links into the runbooks view. Watches the environment file named by
 * {@code -Dincident.env=FILE} or {@code $INCIDENT_ENV}, else {@code environments.yaml} next to the runbooks, else
 * in the settings folder ({@link EnvironmentTargets#defaultFile}, shared with the run targets) and selects
 * {@code -Dincident.environment=NAME} (else the file's default); {@code -Dincident.service=NAME} selects a
 * service (all read by {@link LaunchOptions}). Checks run from {@link #start} until
 * {@link #close} (app exit), whether or not the dashboard is on screen, so a service going DOWN is noticed
 * while the engineer reads a runbook.
 */
public final class DashboardFeature implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeature.class);

    public static final Destination PLACE = new Destination("dashboard", "Dashboard", Feather.ACTIVITY);
    /** How long the window waits for the dashboard's first rows before it builds what comes after them anyway. */
    public static final Duration FIRST_ROWS_WAIT = Duration.seconds(1);

    private final ServiceTargets targets;
    private final CommandRunner checks;
    private final DashboardViewModel model;
    private final StatusPump pump;
    private final LaunchOptions options;
    private final Duration firstRowsWait;
    private EarlyEnvironment early;
    private boolean firstFileRead;
    /** Who waits for the first rows, or for the news that none are coming. */
    private final List<Runnable> rowsOrNone = new ArrayList<>();

    /** @param options the environment file, the SSH settings of check targets, the environment and service to show at start */
    public DashboardFeature(TaskExecutor executor, LaunchOptions options) {
        this(executor, options, FIRST_ROWS_WAIT);
    }

    /**
     * @param firstRowsWait how long the dashboard's toolbar, alerts, details and rows' tails wait for its first rows
     *                      (and the window's other features, through {@link #whenRowsShown(Runnable)}) before they
     *                      are built anyway
     */
    public DashboardFeature(TaskExecutor executor, LaunchOptions options, Duration firstRowsWait) {
        this.options = options;
        this.firstRowsWait = firstRowsWait;
        this.targets = ServiceTargets.of(options);
        this.checks = targets.checkRunner(options.localUser());
        this.model = new DashboardViewModel(executor, HealthScheduler.builder().commandRunner(checks).build(),
                new EnvironmentLoader(options.environment()), targets);
        this.pump = new StatusPump(model);
    }

    /**
     * Adds the dashboard to the rail (register it before other views to make it the first) and opens linked
     * sections in the runbooks view, whose runbooks also feed the dashboard's port tables and links.
     */
    public void install(MainView view, Navigation navigation, String runbooksId, RunbookTreeViewModel runbooks) {
        // The list first; its toolbar, alerts and details once its first rows are drawn (or none are coming).
        view.register(PLACE, () -> new DashboardView(model, rest -> whenRowsShown(() -> afterNextPulse(view, rest))));
        model.actions().setOpener(reference -> {
            runbooks.selectWhenLoaded(reference);
            navigation.go(runbooksId);
        });
        model.setOnDown(rows -> notifyDown(view, navigation, rows));
        runbooks.runbooks().addListener((ListChangeListener<OutlineNode>) c ->
                model.setRunbooks(runbooks.runbooks().stream().map(OutlineNode::runbook).toList()));
    }

    /** Reads the environment file and starts checking. */
    public void start(Path runbookFolder) {
        start(runbookFolder, () -> { });
    }

    /** Reads the environment file and starts checking; runs {@code afterFile} on the UI thread once it is read. */
    public void start(Path runbookFolder, Runnable afterFile) {
        start(runbookFolder, true, afterFile);
    }

    /**
     * As {@link #start(Path, Runnable)}; the launch's environment and service choice apply only when {@code launched}
     * (the folder is the workspace the launch chose, not one the user opened before the dashboard started).
     */
    public void start(Path runbookFolder, boolean launched, Runnable afterFile) {
        String service = options.service();
        if (service != null && launched) {
            model.selectWhenShown(service);
        }
        String environment = launched ? options.environmentName() : null;
        EarlyEnvironment read = early;
        early = null;
        Runnable afterRead = () -> {
            firstFileRead = true;
            afterFile.run();
            if (!model.watching()) {
                // No services in the file: no rows are coming.
                List<Runnable> waiting = List.copyOf(rowsOrNone);
                rowsOrNone.clear();
                for (Runnable w : waiting) {
                    try {
                        w.run();
                    } catch (RuntimeException e) {
                        // one waiter's failure must not hold back the others (the window's features, the toolbar)
                        LOG.warn("A step waiting for the dashboard's first rows failed", e);
                    }
                }
            }
        };
        if (read != null && read.folder().equals(runbookFolder)) {
            model.openEnvironment(read::file, "Cannot read the environment file of " + runbookFolder, environment,
                    afterRead);
        } else {
            model.openEnvironmentFile(EnvironmentTargets.defaultFile(runbookFolder, options), environment, afterRead);
        }
        pump.start();
    }

    /** The environment file read before the window existed: {@link #start} uses it when it starts on its folder. */
    public void useEarly(EarlyEnvironment read) {
        this.early = read;
    }

    /** As {@link #whenRowsShown(Runnable, Duration)}, for at most this feature's first-rows wait (1 s unless given). */
    public void whenRowsShown(Runnable then) {
        whenRowsShown(then, firstRowsWait);
    }

    /**
     * Runs {@code then} once on the UI thread when the dashboard shows its first service rows, when its first
     * environment file turned out to have none, or after {@code atMost} (a file slow to read, rows slow to make):
     * the window's other features wait for them, so that their building does not come between the dashboard and its
     * rows.
     */
    public void whenRowsShown(Runnable then, Duration atMost) {
        // Several may wait (the window's other features, the dashboard's own toolbar); each runs once.
        if (!model.rows().isEmpty() || (firstFileRead && !model.watching())) {
            then.run();
            return;
        }
        PauseTransition cap = new PauseTransition(atMost);
        Runnable[] once = new Runnable[1];
        ListChangeListener<ServiceRow> rows = c -> {
            if (!c.getList().isEmpty()) {
                once[0].run();
            }
        };
        // Whichever comes first (rows, a file without services, the cap) runs it, and takes the other two away.
        once[0] = new Runnable() {
            private boolean ran;

            @Override
            public void run() {
                if (!ran) {
                    ran = true;
                    rowsOrNone.remove(this);
                    model.rows().removeListener(rows);
                    cap.stop();
                    then.run();
                }
            }
        };
        rowsOrNone.add(once[0]);
        model.rows().addListener(rows);
        cap.setOnFinished(e -> once[0].run());
        cap.play();
    }

    /** The window switched workspace: its environment file (else its port tables) replaces the one shown. */
    public void useWorkspace(Path runbookFolder) {
        useWorkspace(runbookFolder, () -> { });
    }

    /**
     * As {@link #useWorkspace(Path)}; runs {@code afterFile} on the UI thread once the file is read (or failed). The
     * launch's service choice ({@code -Dincident.service}) was for the workspace left: it is not selected here.
     */
    public void useWorkspace(Path runbookFolder, Runnable afterFile) {
        useWorkspace(runbookFolder, false, afterFile);
    }

    /**
     * As {@link #useWorkspace(Path, Runnable)}, but when {@code launched} (the workspace the launch chose, replacing
     * an early guess at it) the launch's environment and service choice ({@code --environment}, {@code --service})
     * apply to it, as {@link #start} applies them.
     */
    public void useWorkspace(Path runbookFolder, boolean launched, Runnable afterFile) {
        model.forgetServiceToSelect();
        if (launched && options.service() != null) {
            model.selectWhenShown(options.service());
        }
        model.openEnvironmentFile(EnvironmentTargets.defaultFile(runbookFolder, options),
                launched ? options.environmentName() : null, afterFile);
    }

    public DashboardViewModel model() {
        return model;
    }

    /** Stops the pump and every check. Idempotent. */
    @Override
    public void close() {
        pump.stop();
        model.close();
        checks.close();
    }

    /** Runs {@code then} in the FX event after the next pulse has laid out {@code view} (at once when it is not shown). */
    private static void afterNextPulse(MainView view, Runnable then) {
        if (view.getScene() == null || view.getScene().getWindow() == null || !view.getScene().getWindow().isShowing()) {
            then.run(); // no pulse will lay it out
        } else {
            FxSteps.afterNextLayout(view.getScene(), () -> javafx.application.Platform.runLater(then));
        }
    }

    /** In the window, not a popup: a second native window cost ~185 ms of the FX thread after the first statuses. */
    private static void notifyDown(MainView view, Navigation navigation, List<ServiceRow> rows) {
        if (view.getScene() == null || view.getScene().getWindow() == null || !view.getScene().getWindow().isShowing()) {
            return;
        }
        view.showNotice(new DownBanner(rows, () -> navigation.go(PLACE.id())));
    }
}
