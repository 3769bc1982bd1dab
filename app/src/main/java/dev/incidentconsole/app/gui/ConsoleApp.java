package dev.incidentconsole.app.gui;

import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.browse.FiringAlertNodes;
import dev.incidentconsole.app.gui.dashboard.AlertRow;
import dev.incidentconsole.app.gui.dashboard.DashboardFeature;
import dev.incidentconsole.app.gui.incident.IncidentFeature;
import dev.incidentconsole.app.gui.run.RunFeature;
import dev.incidentconsole.app.gui.runbooks.RunbookLoader;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.runbooks.RunbooksView;
import dev.incidentconsole.app.gui.search.SearchBox;
import dev.incidentconsole.app.gui.search.SearchFeature;
import dev.incidentconsole.app.gui.util.FxDialogService;
import dev.incidentconsole.app.gui.util.FxSteps;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.gui.links.LinkOpener;
import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.links.DeepLinkResolver;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.Workspace;
import dev.incidentconsole.app.gui.workspace.WorkspaceViewModel;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Opens the workspace named by {@code incident-console PATH} (a folder as its only argument) or
 * {@code -Dincident.runbooks=<folder>}, else the one chosen last ({@link WorkspaceViewModel}), else the bundled demo
 * runbooks, and, with {@code -Dincident.select=<file>#<heading>}, shows that section once loaded (for demos and
 * screenshots); {@code -Dincident.theme=dark} starts dark; {@code -Dincident.query=<text>} types a search.
 * Launched with an {@code incident-console://} link as its only argument, it shows the link's section.
 * Reads its {@link LaunchOptions} once and hands their values to the features; wires the view models to their
 * services; owns the background executor and closes it on exit.
 */
public final class ConsoleApp extends Application {
    static {
        // SLF4J and Logback start at the first logger (their providers looked up over every jar, then the
        // configuration: 0.3-1.2 s in the start's samples with the XML one), on the FX thread, which constructs
        // this class. Started here on its own thread; loggers asked for meanwhile are SLF4J's substitutes, which
        // pass their events on once it is done.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "logging-start");
        logging.setDaemon(true);
        logging.start();
    }

    private final LaunchOptions options;
    private final Path namedFolder;
    private final String select;
    /** Made in {@link #init()} unless given: its JSON mapper took 0.3 s on the FX thread, which runs constructors. */
    private SettingsStore settings;
    /** The settings read begun before the toolkit started, when JavaFX constructed the app. */
    private EarlySettings early;
    private boolean themeApplied;
    private FxTaskExecutor executor;
    private IncidentFeature incidents;
    private DashboardFeature dashboard;
    private SearchFeature search;
    private RunFeature runs;
    private WorkspaceViewModel workspaces;
    private WorkspaceHandOff handOff;
    private RunbookTreeViewModel runbooks;
    private FxSteps steps;
    private boolean stopped;
    private boolean startDark;
    private List<Path> settingsFolders = List.of();
    private WindowLinks links;
    private javafx.util.Duration firstRowsWait = DashboardFeature.FIRST_ROWS_WAIT;
    /** The workspace the early settings read chose, its environment file being read; {@code null}: none. */
    private EarlySettings.FirstWorkspace first;

    /** Used by {@link Application#launch}: the options (and settings read) {@link #launch} began with, else this process's. */
    public ConsoleApp() {
        this(EarlySettings.take());
    }

    private ConsoleApp(EarlySettings early) {
        this(early.options());
        this.early = early;
    }

    /**
     * Launches the window (blocks until it closes), reading its settings on another thread while JavaFX starts.
     *
     * @param args the window's arguments: nothing, a folder, or an {@code incident-console://} link
     */
    public static void launch(LaunchOptions options, String... args) {
        EarlySettings.begin(options, options.runbooks() != null ? options.runbooks() : folderArgument(List.of(args)));
        Application.launch(ConsoleApp.class, args);
    }

    /** The window as {@code options} ask: its folder, selection, theme, settings file and the rest. */
    public ConsoleApp(LaunchOptions options) {
        this(options, options.runbooks(), options.select(), null);
    }

    /**
     * @param runbookFolder the folder to open, or {@code null} for the workspace chosen last (else the demo)
     * @param select        an entry to select once loaded ({@code file#heading}), or {@code null}
     */
    public ConsoleApp(Path runbookFolder, String select) {
        this(LaunchOptions.fromSystem(), runbookFolder, select, null);
    }

    /** @param settings where the workspace, the user's search folders and synonyms file are kept */
    public ConsoleApp(Path runbookFolder, String select, SettingsStore settings) {
        this(LaunchOptions.fromSystem(), runbookFolder, select, Objects.requireNonNull(settings));
    }

    private ConsoleApp(LaunchOptions options, Path runbookFolder, String select, SettingsStore settings) {
        this.options = options;
        this.namedFolder = runbookFolder;
        this.select = select;
        this.settings = settings; // null: made by settings() in init(), off the FX thread
    }

    /**
     * How long the start waits for the dashboard's first rows before it builds the rest anyway (the dashboard's
     * toolbar, alerts and details, the rows' tails, the other features); {@link DashboardFeature#FIRST_ROWS_WAIT}
     * unless given. Call before {@link #start}: a test that must see the rows come first gives it more.
     */
    public ConsoleApp firstRowsWait(javafx.util.Duration atMost) {
        this.firstRowsWait = atMost;
        return this;
    }

    /**
     * Reads the theme choice before the window exists, off the FX thread (JavaFX calls this on the launcher's),
     * while the FX thread, idle until {@link #start}, loads what the frame's first paint needs.
     */
    @Override
    public void init() {
        javafx.application.Platform.runLater(WindowOpening::preloadFrame);
        String forced = options.theme();
        try {
            Settings loaded = early != null ? early.settings() : settings().load();
            startDark = forced.isBlank() ? loaded.dark() : "dark".equalsIgnoreCase(forced);
            settingsFolders = loaded.runbookFolders();
            first = early != null ? early.firstWorkspace(namedFolder()) : null;
        } catch (IOException e) {
            startDark = "dark".equalsIgnoreCase(forced);
            log().warn("{} Starting with the {} theme.", e.getMessage(), startDark ? "dark" : "light");
        }
        if (!javafx.application.Platform.isFxApplicationThread()) {
            // Its own FX event before start (the stylesheet's reading and partitioning), while the launcher's
            // thread is still on its way to start.
            boolean dark = startDark;
            javafx.application.Platform.runLater(() -> applyTheme(dark));
        }
    }

    /**
     * Builds the frame (top bar, the whole rail), styles and draws it, shows the window ({@link WindowOpening}),
     * then the dashboard, whose environment file was read while the toolkit started, and, once its first rows are
     * there, the other features: one step per FX event, so no step holds the FX thread for long and the first frame
     * has only what it shows; other views are built on first visit. What needs every feature (the workspace's first
     * load, a link, the query) waits for the last step.
     */
    @Override
    public void start(Stage stage) {
        MainViewModel main = new MainViewModel();
        main.darkProperty().set(startDark);
        if (!themeApplied) {
            applyTheme(startDark);
        }
        main.darkProperty().addListener((obs, old, dark) -> {
            applyTheme(dark);
            rememberTheme(dark);
        });
        MainView view = new MainView(main);
        Destination runbooksPlace = new Destination("runbooks", "Runbooks", Feather.BOOK_OPEN);
        for (Destination place : List.of(DashboardFeature.PLACE, runbooksPlace, SearchFeature.BROWSE,
                IncidentFeature.DESTINATION, RunFeature.PLACE)) {
            view.reserve(place); // the dashboard first: it is the first view
        }
        // Never larger than the screen: a window beyond it is clipped (and crashes Monocle's headless screen).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(WindowOpening.appStylesheet());
        stage.setTitle("Incident Console");
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setScene(scene);
        boolean[] userActed = {false};
        javafx.event.EventHandler<javafx.scene.input.InputEvent> acted = e -> userActed[0] = true;
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, acted);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, acted);

        FxDialogService dialogs = new FxDialogService(stage, options.userHome());
        WindowOpening opening = new WindowOpening(stage, view, () -> stopped);
        steps = new FxSteps(javafx.application.Platform::runLater);
        // The frame first (styled, drawn off screen, shown), then the features: with the dashboard built and its
        // rows awaited before show(), the window appeared 1.4 s later and its content no sooner.
        steps.then(opening::style).then(opening::draw).thenWhen(opening::show).then(() -> {
            // Four, not one per core: the start-up tasks (store, runbooks, index, targets, environment) mostly wait
            // on files, processes and the database, and with two the incident list waited seconds behind the others.
            executor = new FxTaskExecutor(4);
            links = new WindowLinks(stage, executor, steps, () -> stopped, settingsFolders, () -> {
                Workspace shown = workspaces.currentProperty().get();
                return shown == null ? null : shown.folder();
            }, folders -> new LinkOpener(executor, new DeepLinkResolver(folders, new RunbookParser()), search.opener(),
                    runs.services().known(), dialogs));
            links.listen(options.dataDir()); // from the frame on: a second click on a link must not open a second window
            dashboard = new DashboardFeature(executor, options, firstRowsWait);
            if (first != null) {
                dashboard.useEarly(first.environment());
            }
        }).then(() -> {
            runbooks = new RunbookTreeViewModel(executor, new RunbookLoader(new RunbookParser()));
            workspaces = new WorkspaceViewModel(executor, settings(), options.bundledRunbooks());
            // The workspace is chosen now: the dashboard's environment file, the first view's data, is read meanwhile.
            handOff = new WorkspaceHandOff(features(), steps::whenDone, executor.latestWins());
            workspaces.currentProperty().addListener((obs, old, now) -> useWorkspace(stage, now));
            workspaces.start(namedFolder(), first == null ? null : first.workspace());
        }).then(() -> {
            dashboard.install(view, main.navigation(), runbooksPlace.id(), runbooks); // builds the dashboard's view
            dashboard.model().actions().setBrowser(getHostServices()::showDocument); // an alert's runbook_url with no local runbook
        }).thenWhen(rowsShown -> dashboard.whenRowsShown(rowsShown)).then(() -> {
            runs = RunFeature.standard(executor, dialogs, stage, options); // Run buttons lead to the Runs view; walkthroughs share its runner
            runs.install(scene, view, main.navigation()); // Runs: the last view of the rail, where Run buttons lead
        }).then(() -> {
            incidents = IncidentFeature.standard(executor, javafx.application.Platform::runLater, dialogs, null, runs,
                    options);
            incidents.useSettings(settings());
            incidents.install(view, main.navigation());
            incidents.watchDashboard(dashboard.model());
        }).then(() -> {
            search = new SearchFeature(executor, settings(), main, runbooksPlace.id(), runbooks,
                    options.localUser().tempDir());
            view.register(runbooksPlace, () -> withIncidents(new RunbooksView(runbooks, dialogs,
                    ConsoleApp::copyToClipboard, search.highlightProperty()).useWorkspaces(workspaces)));
            search.install(view, dialogs);
            // As when the field was in the first frame: typing at once searches, unless the user acted meanwhile.
            scene.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, acted);
            scene.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, acted);
            if (!userActed[0] && view.searchSlot().getChildren().get(0) instanceof SearchBox box) {
                box.focusField();
            }
            dashboard.model().alerts().list().addListener((javafx.collections.ListChangeListener<AlertRow>) c ->
                    search.browse().showFiring(c.getList().stream()
                            .map(r -> FiringAlertNodes.of(r.alert(), r.source(), r.links())).toList()));
            search.startIncidentProperty().set(target -> incidents.startIncidentAt(target.file(), target.path()));
        }).then(() -> {
            if (select != null && !select.isBlank()) {
                runbooks.selectWhenLoaded(select);
            }
            incidents.start();
            String query = options.query();
            if (query != null && !query.isBlank()) {
                search.prefill(query);
            }
        });
        steps.start();
    }

    /** The workspace shown changed (the first one chosen, or a switch): every feature follows it. */
    private void useWorkspace(Stage stage, Workspace now) {
        if (stopped || now == null) {
            return;
        }
        stage.setTitle("Incident Console \u2014 " + now.label());
        handOff.show(now.folder(), workspaces.launchedProperty().get());
    }

    private WorkspaceHandOff.Features features() {
        return new WorkspaceHandOff.Features() {
            @Override
            public void readEnvironment(Path folder, boolean first, boolean launched, Runnable afterRead) {
                if (first) {
                    dashboard.start(folder, launched, afterRead);
                } else {
                    dashboard.useWorkspace(folder, launched, afterRead);
                }
            }

            @Override
            public void start(Path folder) {
                incidents.useWorkspace(folder);
                search.start(folder);
                runbooks.load(folder);
                runs.start(folder);
                links.openArgument(getParameters() == null ? List.of() : getParameters().getRaw(), folder);
            }

            @Override
            public void switchTo(Path folder, boolean launched) {
                incidents.useWorkspace(folder);
                dashboard.useWorkspace(folder, launched, () -> { });
                search.useWorkspace(folder);
                runbooks.load(folder);
                runs.useWorkspace(folder);
            }
        };
    }

    @Override
    public void stop() {
        stopped = true; // a workspace chosen after this (its task was under way) must not start the closed features
        if (links != null) {
            links.close();
        }
        if (steps != null) {
            steps.cancel();
        }
        if (incidents != null) {
            incidents.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (search != null) {
            search.close();
        }
        if (runs != null) {
            runs.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    private javafx.scene.Node withIncidents(RunbooksView runbooksView) {
        runbooksView.startIncidentProperty().set(incidents.startIncident());
        return runbooksView;
    }

    /** Keeps the choice for the next start; settings changed meanwhile elsewhere (folders, store) are kept. */
    private void rememberTheme(boolean dark) {
        steps.whenDone(() -> executor.execute(() -> settings().update(s -> s.withDark(dark)), done -> { },
                e -> log().warn("The theme choice was not saved: {}", e.getMessage())));
    }

    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleApp.class);
    }

    private synchronized SettingsStore settings() {
        if (settings == null) {
            settings = options.settings();
        }
        return settings;
    }

    private void applyTheme(boolean dark) {
        themeApplied = true;
        WindowOpening.applyTheme(dark);
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The folder this window opens: the options' or the command line's, else {@code null} (the settings choose). */
    private Path namedFolder() {
        return namedFolder != null ? namedFolder
                : folderArgument(getParameters() == null ? List.of() : getParameters().getRaw());
    }

    /** The folder of {@code incident-console FOLDER} (Main passes it as the only argument), or {@code null}. */
    static Path folderArgument(List<String> raw) {
        return raw.size() != 1 || DeepLink.looksLikeLink(raw.get(0)) ? null : Path.of(raw.get(0)).toAbsolutePath();
    }
}
