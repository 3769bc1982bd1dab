package dev.incidentconsole.app.gui.search;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.MainViewModel;
import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.browse.BrowseCatalog;
import dev.incidentconsole.app.gui.browse.BrowseView;
import dev.incidentconsole.app.gui.browse.BrowseViewModel;
import dev.incidentconsole.app.gui.library.LibraryViewModel;
import dev.incidentconsole.app.gui.library.RunbookLibrary;
import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search and Browse wired into the window: one {@link RunbookLibrary} behind the top-bar search field, the
 * Browse view and the folder settings, and one {@link SectionOpener} that shows what they find in the Runbooks
 * view. Index changes reach the view models through the {@link TaskExecutor}, so they land on the UI thread.
 */
public final class SearchFeature implements AutoCloseable {
    public static final Destination BROWSE = new Destination("browse", "Browse", Feather.COMPASS);
    /** How long typing must pause before a search runs. */
    public static final Duration DEBOUNCE = Duration.ofMillis(150);
    private static final Logger LOG = LoggerFactory.getLogger(SearchFeature.class);

    /** What changed in the library, built off the UI thread. */
    private record Update(RunbookLibrary.Snapshot snapshot, BrowseCatalog catalog) {
    }

    private final TaskExecutor executor;
    private final Navigation navigation;
    private final String runbooksId;
    private final RunbookLibrary library;
    private final SectionOpener opener;
    private final RunbookTreeViewModel tree;
    private final FxDebouncer debouncer = new FxDebouncer(DEBOUNCE);
    private final SearchViewModel search;
    private final BrowseViewModel browse = new BrowseViewModel();
    private final LibraryViewModel sources;
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final ObjectProperty<Consumer<SectionTarget>> startIncident = new SimpleObjectProperty<>();

    /**
     * Call on the FX thread.
     *
     * @param temporaryFolder where the search index makes its folder (the launch options' temporary folder)
     */
    public SearchFeature(TaskExecutor executor, SettingsStore settings, MainViewModel main, String runbooksId,
                         RunbookTreeViewModel tree, Path temporaryFolder) {
        this.executor = executor;
        this.library = new RunbookLibrary(temporaryFolder);
        this.navigation = main.navigation();
        this.runbooksId = runbooksId;
        opener = new SectionOpener(main.navigation(), runbooksId, tree, library::folderOf);
        search = new SearchViewModel(executor, debouncer, library::search);
        search.setOpener(opener);
        browse.setOpener(opener);
        sources = new LibraryViewModel(executor, library, settings);
        this.tree = tree;
        library.setOnChange(this::libraryChanged);
    }

    /** The Browse view's state (the app shows the dashboard's firing alerts in it). */
    public BrowseViewModel browse() {
        return browse;
    }

    /** Puts the search field into the top bar and the Browse view on the rail. */
    public void install(MainView view, DialogService dialogs) {
        view.getStylesheets().add(SearchBox.STYLESHEET);
        SearchBox box = new SearchBox(search);
        box.startIncidentProperty().bind(startIncident);
        view.searchSlot().getChildren().setAll(box);
        view.register(BROWSE, () -> new BrowseView(browse, sources, dialogs));
    }

    /** Starts indexing {@code folder} and the folders in the settings. */
    public void start(Path folder) {
        sources.start(folder);
    }

    /** Searches the workspace at {@code folder} instead of the one shown before. */
    public void useWorkspace(Path folder) {
        sources.useWorkspace(folder);
    }

    /** Shows the Runbooks view and types {@code query} into the search field (demos and screenshots). */
    public void prefill(String query) {
        navigation.go(runbooksId);
        search.textProperty().set(query);
    }

    /** What "Start incident" on a search hit does with its section; {@code null} (the default) disables it. */
    public ObjectProperty<Consumer<SectionTarget>> startIncidentProperty() {
        return startIncident;
    }

    /** Shows a section in the Runbooks view (loading its folder when another one is open). */
    public Consumer<SectionTarget> opener() {
        return opener;
    }

    /** The words the Runbooks view should highlight. */
    public ObjectProperty<List<String>> highlightProperty() {
        return opener.highlightProperty();
    }

    /** Called on an indexing thread; bursts of changes collapse into one update. */
    private void libraryChanged() {
        if (!updateQueued.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            updateQueued.set(false);
            RunbookLibrary.Snapshot snapshot = library.snapshot();
            return new Update(snapshot, BrowseCatalog.of(snapshot.runbooks()));
        }, update -> {
            sources.update(update.snapshot());
            browse.update(update.catalog());
            search.setComponents(update.snapshot().components());
            search.refresh();
            // The outline follows edits on disk as search does: a created runbook was found by search but
            // missing from the tree, a deleted one still listed there.
            tree.follow(update.snapshot().folders(), update.snapshot().runbooks(), update.snapshot().failures().keySet());
        }, e -> LOG.warn("Updating search and browse after an index change failed", e));
    }

    /** Call on the FX thread, before the executor closes. */
    @Override
    public void close() {
        debouncer.cancel();
        library.close();
    }
}
