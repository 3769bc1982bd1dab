package dev.incidentconsole.app.gui.library;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which folders the app searches and with which synonyms: the workspace the window shows (bundled runbooks by
 * default), and the user's extra folders and synonyms file from
 * {@link Settings}. Changes to the user's choices are saved at once; every change re-indexes in the background
 * on the {@link TaskExecutor}, and an older change never overrides a newer one. Call on the UI thread.
 */
public final class LibraryViewModel {
    private final TaskExecutor executor;
    private final RunbookLibrary library;
    private final SettingsStore store;
    private final Object lock = new Object();
    private final Set<Path> sessionFolders = new LinkedHashSet<>();
    private final ObservableList<Path> sessionView = FXCollections.observableArrayList();
    // Kept: an unmodifiable view listens to its list weakly; one made per call could be collected with its listeners.
    private final ObservableList<Path> sessionReadOnly = FXCollections.unmodifiableObservableList(sessionView);
    private final ObservableList<Path> extraFolders = FXCollections.observableArrayList();
    private final ObservableList<Path> extraView = FXCollections.unmodifiableObservableList(extraFolders);
    private final ReadOnlyObjectWrapper<Path> synonymsFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private Settings settings = Settings.defaults();
    private volatile Path workspace;
    private String settingsProblem = "";
    private long version;
    private long done; // guarded by lock: the newest change already applied to the library

    public LibraryViewModel(TaskExecutor executor, RunbookLibrary library, SettingsStore store) {
        this.executor = executor;
        this.library = library;
        this.store = store;
    }

    /** Reads the settings, then indexes {@code folder} (the workspace the app opened) and the user's folders. */
    public void start(Path folder) {
        workspace = clean(folder);
        sessionFolders.add(workspace);
        sessionView.setAll(sessionFolders);
        indexing.set(true);
        executor.execute(store::load, loaded -> apply(loaded, false), e -> {
            settingsProblem = e.getMessage();
            apply(Settings.defaults(), false);
        });
    }

    /**
     * The window switched to the workspace at {@code folder}: search it instead of the previous one (the user's extra
     * folders stay), with its {@link Workspace#SYNONYMS_FILE} unless the settings name a synonyms file.
     */
    public void useWorkspace(Path folder) {
        workspace = clean(folder);
        sessionFolders.clear();
        sessionFolders.add(workspace);
        sessionView.setAll(sessionFolders);
        apply(settings, false);
    }

    /** Adds a folder to search from now on (saved in the settings). */
    public void addFolder(Path folder) {
        Path f = clean(folder);
        if (folders(settings).contains(f)) {
            status.set(f + " is already searched.");
            return;
        }
        apply(settings.withFolder(f), true);
    }

    public void removeFolder(Path folder) {
        apply(settings.withoutFolder(folder), true);
    }

    /** Uses the synonyms in {@code file} on top of the bundled ones; {@code null} goes back to the bundled only. */
    public void setSynonymsFile(Path file) {
        apply(settings.withSynonymsFile(file), true);
    }

    /** Shows what the library holds now: counts for the status line, problems one per line. */
    public void update(RunbookLibrary.Snapshot snapshot) {
        long sections = snapshot.sections();
        status.set(snapshot.runbooks().size() + (snapshot.runbooks().size() == 1 ? " runbook, " : " runbooks, ")
                + sections + " sections in " + snapshot.folders().size()
                + (snapshot.folders().size() == 1 ? " folder" : " folders")
                + (snapshot.failures().isEmpty() ? "" : "; " + snapshot.failures().size() + " not indexed"));
        List<String> lines = new ArrayList<>();
        if (!settingsProblem.isEmpty()) {
            lines.add(settingsProblem);
        }
        lines.addAll(snapshot.problems());
        lines.addAll(snapshot.failures().values());
        problems.set(String.join("\n", lines));
    }

    private void apply(Settings next, boolean persist) {
        settings = next;
        extraFolders.setAll(next.runbookFolders());
        synonymsFile.set(next.synonymsFile());
        long v = ++version;
        List<Path> folders = folders(next);
        indexing.set(true);
        executor.execute(() -> configure(v, next, folders, persist), saveProblem -> {
            if (v == version) {
                indexing.set(false);
            }
            if (persist && saveProblem == null) {
                settingsProblem = ""; // a good save replaces a file that could not be read
            }
            if (saveProblem != null) {
                settingsProblem = saveProblem;
                problems.set(saveProblem + (problems.get().isEmpty() ? "" : "\n" + problems.get()));
            }
        }, e -> {
            if (v == version) {
                indexing.set(false);
            }
            problems.set("Indexing failed (" + e.getClass().getSimpleName() + "); see the log.");
        });
    }

    /** Saves and re-indexes; skipped when a newer change already ran. Returns why saving failed, or null. */
    private String configure(long v, Settings next, List<Path> folders, boolean persist) {
        synchronized (lock) {
            if (v < done) {
                return null;
            }
            String saveProblem = null;
            if (persist) {
                try {
                    // Only what this view changes: the theme or team store may have been changed since it loaded.
                    store.update(current -> current.withSearchOf(next));
                } catch (IOException e) {
                    saveProblem = e.getMessage() + " The change lasts until the app closes.";
                }
            }
            Path synonyms = next.synonymsFile();
            if (synonyms == null && workspace != null) {
                synonyms = new Workspace(workspace, false).synonymsFile(); // demo or not, its folder's file
            }
            library.configure(folders, synonyms);
            done = v;
            return saveProblem;
        }
    }

    private List<Path> folders(Settings s) {
        Set<Path> all = new LinkedHashSet<>(sessionFolders);
        all.addAll(s.runbookFolders());
        return List.copyOf(all);
    }

    private static Path clean(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The user's extra folders, in the order added. */
    public ObservableList<Path> extraFolders() {
        return extraView;
    }

    /** Folders searched without being in the settings: the opened ones. */
    public ObservableList<Path> sessionFolders() {
        return sessionReadOnly;
    }

    public ReadOnlyObjectProperty<Path> synonymsFileProperty() {
        return synonymsFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    /** Counts: runbooks, sections, folders, files not indexed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Folders, files and settings that need the user's attention, one sentence per line; empty when none. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
