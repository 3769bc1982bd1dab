package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.runbooks.OutlineNode;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
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
    public static final Destination PLACE = new Destination("dashboard", "Dashboard", Feather.ACTIVITY);
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeature.class);
    private static final int LISTED_IN_NOTIFICATION = 5;

    private final ServiceTargets targets;
    private final CommandRunner checks;
    private final DashboardViewModel model;
    private final StatusPump pump;
    private final LaunchOptions options;

    /** @param options the environment file, the SSH settings of check targets, the environment and service to show at start */
    public DashboardFeature(TaskExecutor executor, LaunchOptions options) {
        this.options = options;
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
        view.register(PLACE, () -> new DashboardView(model));
        model.setOpener(reference -> {
            runbooks.selectWhenLoaded(reference);
            navigation.go(runbooksId);
        });
        model.setOnDown(rows -> notifyDown(view, rows));
        runbooks.runbooks().addListener((ListChangeListener<OutlineNode>) c ->
                model.setRunbooks(runbooks.runbooks().stream().map(OutlineNode::runbook).toList()));
    }

    /** Reads the environment file and starts checking. */
    public void start(Path runbookFolder) {
        start(runbookFolder, () -> { });
    }

    /** Reads the environment file and starts checking; runs {@code afterFile} on the UI thread once it is read. */
    public void start(Path runbookFolder, Runnable afterFile) {
        Path file = EnvironmentTargets.defaultFile(runbookFolder, options);
        String service = options.service();
        if (service != null) {
            model.selectWhenShown(service);
        }
        model.openEnvironmentFile(file, options.environmentName(), afterFile);
        pump.start();
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
        model.forgetServiceToSelect();
        model.openEnvironmentFile(EnvironmentTargets.defaultFile(runbookFolder, options), null, afterFile);
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

    private static void notifyDown(Node owner, List<ServiceRow> rows) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) {
            return;
        }
        String title = rows.size() == 1 ? rows.get(0).name() + " is DOWN" : rows.size() + " services are DOWN";
        String text = rows.stream().limit(LISTED_IN_NOTIFICATION).map(r -> r.name() + ": " + r.reason())
                .collect(Collectors.joining("\n"))
                + (rows.size() > LISTED_IN_NOTIFICATION ? "\nand " + (rows.size() - LISTED_IN_NOTIFICATION) + " more" : "");
        try {
            Notifications.create().owner(owner).title(title).text(text).position(Pos.TOP_RIGHT)
                    .hideAfter(Duration.seconds(10)).showError();
        } catch (RuntimeException e) {
            // A notification is a courtesy; the dashboard already shows the state.
            LOG.warn("Could not show the DOWN notification: {}", e.toString());
        }
    }
}
