package dev.incidentconsole.app.gui.run;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetDiscovery;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Runner;
import dev.incidentconsole.runbook.SecretMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running runbook commands from the window: the "Runs" view of the main window's rail, with one tab per
 * command ({@link RunPanel}) above a line of notes about the targets. Catches {@link RunCommandEvent}s from
 * the Run buttons and switches to Runs with that command's tab selected, the same command again in the same
 * tab, and below them every run of the window, walkthroughs' included ({@link RunHistory}). Owns the {@link CommandRunner} (output files in {@code <data dir>/runs/}) and finds the targets in
 * the background at start. {@code -Dincident.run=<command>} ({@link LaunchOptions#run()}) opens that command once
 * the targets are known and runs it (for demos and screenshots). Use on the FX thread; {@link #close()} stops what still runs.
 */
public final class RunFeature implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFeature.class);
    /** Where the Runs view's divider starts: all runs get the lower third, the run panel keeps room for its output. */
    static final double HISTORY_DIVIDER = 0.65;
    private static final Duration KUBECTL_LIST_TIMEOUT = Duration.ofSeconds(10);
    public static final Destination PLACE = new Destination("runs", "Runs", Feather.TERMINAL);

    private final TaskExecutor tasks;
    private final RunServices services;
    private final LaunchOptions options;
    private final LatestWins discoveries;
    private final Map<Command, Tab> tabs = new LinkedHashMap<>();
    private final List<CommandRunViewModel> models = new ArrayList<>();
    private final TabPane tabPane = new TabPane();
    private final Label notes = new Label();
    private final ReadOnlyObjectWrapper<TargetCatalog> catalog = new ReadOnlyObjectWrapper<>(TargetCatalog.localOnly());
    private Window owner;
    private Navigation navigation;
    private Node view;

    /** @param options the environment file, SSH config, environment and the command to run at start */
    public RunFeature(TaskExecutor tasks, DialogService dialogs, CommandRunner runner, TerminalLauncher terminal,
                      LaunchOptions options) {
        this.tasks = tasks;
        this.options = options;
        this.discoveries = tasks.latestWins();
        this.services = new RunServices(runner, tasks, Platform::runLater, dialogs, terminal, new KnownValues());
    }

    /**
     * The app's runner: SSH config and agent as {@code options} name them ({@code ~/.ssh/config},
     * {@code $SSH_AUTH_SOCK} by default), host keys and passphrases asked in dialogs.
     */
    public static RunFeature standard(TaskExecutor tasks, DialogService dialogs, Window owner, LaunchOptions options) {
        FxSshPrompts prompts = new FxSshPrompts(dialogs, () -> owner);
        ExecSettings settings = ExecSettings.defaults(options.localUser()).withOutputDir(options.dataDir().resolve("runs"));
        // The SSH config is read at the first SSH run, not here on the window's start.
        CommandRunner runner = new CommandRunner(settings, new SshConnections(() -> sshConfig(options), prompts, prompts,
                Duration.ofSeconds(15), Duration.ofSeconds(30), options.sshAgent()));
        return new RunFeature(tasks, dialogs, runner, TerminalLauncher.system(options), options);
    }

    private static SshConfigFile sshConfig(LaunchOptions options) {
        try {
            return SshConfigFile.load(options.sshConfig(), options.localUser());
        } catch (ExecException e) {
            LOG.warn("{} SSH targets use their own settings only.", e.getMessage());
            return SshConfigFile.empty(options.localUser());
        }
    }

    /**
     * Adds Runs to the rail of {@code main} and opens the run panel for every {@link RunCommandEvent} fired in
     * {@code scene}, the main window's.
     */
    public void install(Scene scene, MainView main, Navigation navigation) {
        this.owner = scene.getWindow();
        this.navigation = navigation;
        main.register(PLACE, this::view);
        scene.addEventHandler(RunCommandEvent.RUN, e -> open(e.command()));
        if (owner == null) {
            scene.windowProperty().addListener((obs, old, now) -> owner = now);
        }
    }

    /**
     * Finds the targets in the background (the environment file beside {@code runbookFolder} unless
     * {@code -Dincident.env} names one); panels opened meanwhile offer this machine and update after.
     */
    public void start(Path runbookFolder) {
        discover(runbookFolder, options.run());
    }

    /** The window switched workspace: its environment file's targets replace the previous ones. */
    public void useWorkspace(Path runbookFolder) {
        discover(runbookFolder, "");
    }

    private void discover(Path runbookFolder, String demo) {
        TargetDiscovery discovery = new TargetDiscovery(EnvironmentTargets.defaultFile(runbookFolder, options),
                options.sshConfig(), options.localUser(),
                null, options.environment(), config -> services.runner().kubeContexts(config, KUBECTL_LIST_TIMEOUT));
        // A later workspace's targets win over this one's, however late these arrive.
        discoveries.submit(discovery::discover, found -> {
            use(found);
            if (!demo.isBlank()) {
                open(commandOf(demo)).run();
            }
        }, e -> LOG.warn("Finding the targets failed", e));
    }

    /**
     * A command typed rather than read from a runbook (comment lines above it become its description), read by
     * the runbook parser as a shell step so its placeholders, tool and danger are found the same way.
     */
    public static Command commandOf(String text) {
        List<Command> found = new RunbookParser().parse(Path.of("typed.md"), "```bash\n" + text + "\n```\n").commands();
        return found.isEmpty() ? new Command(text, 1, "", "", List.of(), Runner.SHELL, null) : found.get(0);
    }

    /** The targets found so far (only this machine until discovery ends), for other views that run commands. */
    public ReadOnlyObjectProperty<TargetCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** The runner (SSH prompts in dialogs), executors, dialogs and terminal of the run panels, for other views that run commands. */
    public RunServices services() {
        return services;
    }

    private void use(TargetCatalog found) {
        catalog.set(found);
        models.forEach(m -> m.setCatalog(found));
        List<String> lines = new ArrayList<>();
        if (found.problem() != null) {
            lines.add(found.problem());
        }
        lines.addAll(found.notes());
        notes.setText(String.join("  ", lines));
        notes.setTooltip(lines.isEmpty() ? null : new Tooltip(String.join("\n", lines)));
    }

    /** Shows Runs with {@code command}'s tab selected, opening the tab if needed; returns its model. */
    public CommandRunViewModel open(Command command) {
        Tab tab = tabs.computeIfAbsent(command, this::newTab);
        if (!tabPane.getTabs().contains(tab)) {
            tabPane.getTabs().add(tab);
        }
        tabPane.getSelectionModel().select(tab);
        if (navigation != null) {
            navigation.go(PLACE.id());
        }
        ((RunPanel) tab.getContent()).takeFocus();
        return (CommandRunViewModel) tab.getUserData();
    }

    private Tab newTab(Command command) {
        CommandRunViewModel model = new CommandRunViewModel(command, catalog.get(), services);
        models.add(model);
        String text = command.text().lines().findFirst().orElse("");
        Tab tab = new Tab(text.length() > 36 ? text.substring(0, 35) + "\u2026" : text, new RunPanel(model));
        tab.setTooltip(new Tooltip(SecretMasker.standard().maskCommand(command.text())));
        tab.setUserData(model);
        tab.setOnClosed(e -> {
            model.cancel();
            models.remove(model);
            tabs.remove(command);
        });
        return tab;
    }

    /** The Runs view: the tabs (a hint while there are none) above the notes line; built once. */
    private Node view() {
        if (view != null) {
            return view;
        }
        tabPane.getStyleClass().add("run-tabs");
        Label empty = new Label("No commands yet. Press Run beside a command in a runbook to run it here.",
                Icons.of(Feather.TERMINAL));
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "runs-empty");
        empty.visibleProperty().bind(Bindings.isEmpty(tabPane.getTabs()));
        notes.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "run-notes");
        // The tabs above the list of all runs, split: under a fixed 150 px the list showed three runs at 1366x768, and
        // on a tall screen it stayed as small. Dragging the divider gives either more room; both grow with the window.
        RunHistoryList history = new RunHistoryList(services.history());
        SplitPane split = new SplitPane(new StackPane(tabPane, empty), history);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(HISTORY_DIVIDER);
        split.getStyleClass().add("runs-split");
        BorderPane root = new BorderPane(split);
        root.setBottom(notes);
        root.getStyleClass().add("runs-view");
        root.getStylesheets().add(Objects.requireNonNull(RunFeature.class.getResource("run.css")).toExternalForm());
        view = root;
        return view;
    }

    /** Stops every command still running and closes the SSH connections. */
    @Override
    public void close() {
        services.runner().close();
    }
}
