package dev.incidentconsole.app.gui.workspace;

import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which workspace the window shows and the recent ones to switch back to, kept in the settings. The folder named at
 * start wins, else the settings' choice, else the bundled demo. Settings are read and written on the injected
 * {@link TaskExecutor} (through {@link SettingsStore#update}, so other settings changed meanwhile are kept); every
 * property changes on the thread it calls back on. Touches no controls.
 */
public final class WorkspaceViewModel {
    private final SettingsStore store;
    private final Path bundled;
    private final ReadOnlyObjectWrapper<Workspace> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    // One wrapper, kept: an unmodifiable view listens to its list weakly, so a view made per call could be collected
    // with the listeners added to it.
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper launched = new ReadOnlyBooleanWrapper(true);
    private final LatestWins choices;

    /**
     * What a background step found: the workspace to show, the recent list, what to tell the user, and whether it is
     * the launch's choice ({@link #start}) rather than the user's.
     */
    private record Outcome(Workspace workspace, List<Path> recent, String note, boolean launch) {
    }

    /** @param bundled the bundled demo runbooks' folder ({@code LaunchOptions.bundledRunbooks()}) */
    public WorkspaceViewModel(TaskExecutor executor, SettingsStore store, Path bundled) {
        this.store = store;
        this.bundled = bundled;
        this.choices = executor.latestWins();
    }

    /**
     * Picks the first workspace: {@code named} (from the command line; remembered when it is a folder), else the
     * settings' choice when its folder still exists, else the demo. Recent folders that are gone are dropped, with a
     * note naming them.
     */
    public void start(Path named) {
        start(named, null);
    }

    /**
     * As {@link #start(Path)}, showing {@code early} at once: the answer {@link #choose} gave from the same settings
     * read before the window existed, so the first view's data can be read while the toolkit starts. The settings
     * are still read, pruned and saved on the executor; should that choose another workspace (the settings changed
     * meanwhile), it replaces {@code early}, and a workspace opened meanwhile replaces both.
     */
    public void start(Path named, Workspace early) {
        if (early != null) {
            current.set(early);
        }
        choices.submit(() -> {
            List<String> notes = new ArrayList<>();
            Settings settings = pruned(notes);
            Workspace chosen = choose(named, settings, bundled);
            if (named != null && Files.isDirectory(chosen.folder()) && !chosen.bundled()) {
                settings = remember(chosen, notes);
            }
            return new Outcome(chosen, settings.recentWorkspaces(), String.join(" ", notes), true);
        }, this::apply, e -> {
            launched.set(true);
            current.set(named == null ? demo() : workspaceAt(named));
            note.set(e.getMessage());
        });
    }

    /**
     * The first workspace's rule: {@code named} (the command line's folder), else the settings' choice when its
     * folder still exists, else the demo. Reads only whether that folder exists; callable on any thread.
     *
     * @param bundled the bundled demo runbooks' folder
     */
    public static Workspace choose(Path named, Settings settings, Path bundled) {
        if (named != null) {
            return Workspace.of(named, bundled);
        }
        Path last = settings.workspace();
        return last != null && Files.isDirectory(last) ? Workspace.of(last, bundled) : Workspace.demo(bundled);
    }

    /** Switches to {@code folder} (from "Open folder..." or the recent list) and remembers it. */
    public void open(Path folder) {
        Workspace wanted = workspaceAt(folder);
        choices.submit(() -> {
            List<String> notes = new ArrayList<>();
            if (!wanted.bundled() && !Files.isDirectory(wanted.folder())) {
                Settings settings = store.update(s -> s.withoutWorkspace(wanted.folder()));
                return new Outcome(null, settings.recentWorkspaces(), wanted.folder()
                        + " no longer exists; it was removed from the recent workspaces.", false);
            }
            Settings settings = wanted.bundled() ? store.update(s -> s.withWorkspace(null)) : remember(wanted, notes);
            return new Outcome(wanted, settings.recentWorkspaces(), String.join(" ", notes), false);
        }, this::apply, e -> {
            launched.set(false);
            current.set(wanted); // shown for this session; the note says it was not kept
            note.set(e.getMessage() + " The workspace is open but will not be remembered.");
        });
    }

    /** The workspace at {@code folder}: the demo when it is the bundled folder. */
    public Workspace workspaceAt(Path folder) {
        return Workspace.of(folder, bundled);
    }

    /** The bundled demo runbooks. */
    public Workspace demo() {
        return Workspace.demo(bundled);
    }

    /** Goes back to the bundled demo runbooks (the recent list is kept). */
    public void openDemo() {
        open(demo().folder());
    }

    private void apply(Outcome outcome) {
        recent.setAll(outcome.recent());
        note.set(outcome.note());
        if (outcome.workspace() != null) {
            launched.set(outcome.launch()); // before the change, which its listeners read it with
            current.set(outcome.workspace());
        }
    }

    /** The settings with recent folders that are gone removed (saved when any was); notes name them. */
    private Settings pruned(List<String> notes) throws IOException {
        Settings settings = store.load();
        List<Path> gone = settings.recentWorkspaces().stream().filter(p -> !Files.isDirectory(p)).toList();
        if (settings.workspace() != null && !Files.isDirectory(settings.workspace()) && !gone.contains(settings.workspace())) {
            gone = new ArrayList<>(gone);
            gone.add(settings.workspace());
        }
        if (gone.isEmpty()) {
            return settings;
        }
        List<Path> dropped = gone;
        notes.add("Dropped from the recent workspaces (no longer there): "
                + String.join(", ", dropped.stream().map(Path::toString).toList()) + ".");
        return store.update(s -> {
            Settings next = s;
            for (Path p : dropped) {
                next = next.withoutWorkspace(p);
            }
            return next;
        });
    }

    private Settings remember(Workspace workspace, List<String> notes) {
        try {
            return store.update(s -> s.withWorkspace(workspace.folder()));
        } catch (IOException e) {
            notes.add(e.getMessage() + " The workspace is open but will not be remembered.");
            Settings fallback = Settings.defaults().withWorkspace(workspace.folder());
            return fallback;
        }
    }

    /** The workspace shown; {@code null} until {@link #start} has read the settings. */
    public ReadOnlyObjectProperty<Workspace> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * Whether the workspace shown is the one the launch chose ({@link #start}: the early answer, or the settings'
     * answer that corrected it), for which the launch's options ({@code --service}, {@code --environment}) were
     * given; false once the user opened a workspace. Set before {@link #currentProperty()} changes, so its listeners
     * read the value for the new workspace.
     */
    public ReadOnlyBooleanProperty launchedProperty() {
        return launched.getReadOnlyProperty();
    }

    /** Folders opened before, most recent first (the current one included), at most {@link Settings#RECENT_WORKSPACES}. */
    public ObservableList<Path> recent() {
        return recentView;
    }

    /** What the user should know about the last change (folders dropped, settings not saved); empty when nothing. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
