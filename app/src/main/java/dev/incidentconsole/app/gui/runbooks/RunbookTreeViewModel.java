package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.runbook.Runbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the runbooks view: which folder is open, its runbook outlines, the selected entry, and what is
 * loading or wrong. Loading runs on the injected {@link TaskExecutor}; every property changes on the thread
 * that executor calls back on (the FX thread in the app). Touches no controls.
 */
public final class RunbookTreeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookTreeViewModel.class);

    private final RunbookLoader loader;
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<OutlineNode> runbooks = FXCollections.observableArrayList();
    private final ObservableList<OutlineNode> runbooksView = FXCollections.unmodifiableObservableList(runbooks);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<OutlineNode> selected = new SimpleObjectProperty<>();
    private final LatestWins loads;
    private final LatestWins follows;
    private String pendingSelection;
    private IndexState waiting;

    public RunbookTreeViewModel(TaskExecutor executor, RunbookLoader loader) {
        this.loader = loader;
        this.loads = executor.latestWins();
        this.follows = executor.latestWins();
    }

    /** Loads every runbook under {@code dir} in the background, replacing what is shown. */
    public void load(Path dir) {
        folder.set(dir);
        loading.set(true);
        error.set("");
        status.set("Loading runbooks from " + dir + "...");
        List<OutlineNode> shown = List.copyOf(runbooks);
        loads.submit(() -> OutlineNode.reusing(shown, loader.load(dir)), this::loaded, e -> failed(dir, e));
    }

    /** Loads the current folder again, e.g. after the runbooks were edited. */
    public void reload() {
        if (folder.get() != null) {
            load(folder.get());
        }
    }

    /**
     * Shows the open folder's runbooks as the search index read them after an edit on disk (a file saved, created,
     * renamed or deleted), keeping the reader on the same section and the entries of unchanged runbooks as they
     * are; nothing changes when they are what is shown. The comparison runs on the executor's background thread.
     * While a load runs, the latest call waits and is applied once the load ends (the load may have read a file
     * before its edit). Ignored before the index covers the open folder (a workspace being switched). A file the
     * index could not read makes the folder load again from disk instead, where it stays listed with its warning.
     *
     * @param indexedFolders the folders the index covers
     * @param indexed        the runbooks it holds, of every folder
     * @param unreadable     the files it could not read
     */
    public void follow(List<Path> indexedFolders, List<Runbook> indexed, Set<Path> unreadable) {
        follow(new IndexState(indexedFolders, indexed, unreadable));
    }

    private void follow(IndexState state) {
        Path dir = folder.get();
        if (dir == null) {
            return;
        }
        if (loading.get()) {
            waiting = state;
            return;
        }
        Path root = dir.toAbsolutePath().normalize();
        if (!state.folders().contains(root)) {
            return;
        }
        if (state.unreadable().stream().anyMatch(f -> f.startsWith(root))) {
            reload();
            return;
        }
        List<OutlineNode> shown = List.copyOf(runbooks);
        follows.submit(() -> changedOutlines(shown, root, state.runbooks()), outlines -> {
            if (loading.get() || !runbooks.equals(shown)) {
                follow(state); // shown changed meanwhile: compare again with what is shown now, or after the load
            } else if (outlines != null) {
                loaded(outlines);
            }
        }, e -> LOG.warn("Following the runbooks edited on disk failed", e));
    }

    /** The outlines of the folder's indexed runbooks, or {@code null} when they are the ones shown. */
    private static List<OutlineNode> changedOutlines(List<OutlineNode> shown, Path root, List<Runbook> indexed) {
        List<Runbook> mine = indexed.stream().filter(r -> r.file().toAbsolutePath().normalize().startsWith(root))
                .sorted(RunbookLoader.ORDER).toList();
        List<OutlineNode> outlines = OutlineNode.reusing(shown, mine);
        return outlines.equals(shown) ? null : outlines;
    }

    /** What the search index held at one change. */
    private record IndexState(List<Path> folders, List<Runbook> runbooks, Set<Path> unreadable) {
    }

    /**
     * Selects an entry by reference once the runbooks are loaded (now, if they are): {@code file#heading},
     * where {@code file} is the runbook's file name and {@code heading} a section title or a path such as
     * {@code Common Issues > Disk full}; {@code file} alone selects the whole runbook.
     */
    public void selectWhenLoaded(String reference) {
        if (loading.get() || runbooks.isEmpty()) {
            pendingSelection = reference;
        } else {
            applySelection(reference);
        }
    }

    /** The entry a reference names (see {@link #selectWhenLoaded}). */
    public Optional<OutlineNode> find(String reference) {
        int hash = reference.indexOf('#');
        String file = (hash < 0 ? reference : reference.substring(0, hash)).trim();
        String heading = hash < 0 ? "" : reference.substring(hash + 1).trim().toLowerCase(Locale.ROOT);
        return runbooks.stream()
                .filter(r -> file.isEmpty() || r.runbook().file().getFileName().toString().equalsIgnoreCase(file)
                        || r.runbook().file().endsWith(file))
                .flatMap(r -> r.flatten().stream())
                .filter(n -> heading.isEmpty() ? n.isRunbook() : matches(n, heading))
                .findFirst();
    }

    private static boolean matches(OutlineNode n, String heading) {
        if (n.isRunbook()) {
            return false;
        }
        String path = n.section().pathString().toLowerCase(Locale.ROOT);
        return n.title().equalsIgnoreCase(heading) || path.equals(heading) || path.endsWith(" > " + heading);
    }

    private void loaded(List<OutlineNode> outlines) {
        OutlineNode was = selected.get();
        runbooks.setAll(outlines);
        long withWarnings = outlines.stream().filter(o -> !o.warnings().isEmpty()).count();
        long procedures = outlines.stream().mapToLong(o -> o.runbook().procedures().size()).sum();
        status.set(outlines.isEmpty() ? "No runbooks (*.md, *.markdown, *.txt) in " + folder.get()
                : count(outlines.size(), "runbook") + ", " + count(procedures, "procedure")
                + (withWarnings > 0 ? ", " + withWarnings + " with warnings" : ""));
        if (pendingSelection != null) {
            String reference = pendingSelection;
            pendingSelection = null;
            selected.set(null);
            applySelection(reference);
        } else if (was != null) {
            // The same node when its runbook is unchanged, so the section page is not drawn again.
            OutlineNode again = samePlace(outlines, was);
            if (selected.get() != again) {
                selected.set(again);
            }
        }
        // Last: whoever waits for the load to end (a link or search hit opened meanwhile) finds the outline in.
        loading.set(false);
        if (waiting != null) {
            IndexState state = waiting;
            waiting = null;
            follow(state);
        }
    }

    /** The entry at the same file and section path as {@code was}, else its runbook, else {@code null}. */
    private static OutlineNode samePlace(List<OutlineNode> outlines, OutlineNode was) {
        for (OutlineNode runbook : outlines) {
            if (runbook.file().equals(was.file())) {
                return runbook.flatten().stream().filter(was::samePlace).findFirst().orElse(runbook);
            }
        }
        return null;
    }

    private void applySelection(String reference) {
        Optional<OutlineNode> node = find(reference);
        if (node.isPresent()) {
            selected.set(node.get());
        } else {
            LOG.warn("No runbook section matches '{}'", reference);
            status.set("Nothing matches \"" + reference + "\"; pick a section in the tree.");
        }
    }

    private void failed(Path dir, Exception e) {
        waiting = null;
        runbooks.clear();
        selected.set(null);
        status.set("");
        error.set(e instanceof RunbookFolderException ? e.getMessage()
                : "Could not load the runbooks in " + dir + " (" + e.getClass().getSimpleName() + "); see the log.");
        if (!(e instanceof RunbookFolderException)) {
            LOG.error("Loading runbooks from {} failed", dir, e);
        }
        loading.set(false);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The outline of each loaded runbook, sorted by title. */
    public ObservableList<OutlineNode> runbooks() {
        return runbooksView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the folder could not be loaded, one sentence; empty when it loaded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A short summary for the status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * The entries above {@code node} in its runbook's outline, from the runbook itself down to the node's parent:
     * the breadcrumb of a shown section. Empty for a runbook, or a node not in the loaded outlines.
     */
    public List<OutlineNode> trail(OutlineNode node) {
        for (OutlineNode runbook : runbooks) {
            List<OutlineNode> path = new ArrayList<>();
            if (runbook != node && pathTo(runbook, node, path)) {
                return List.copyOf(path);
            }
        }
        return List.of();
    }

    /** Appends {@code from} and the entries down to {@code node}'s parent to {@code path}; false if not below. */
    private static boolean pathTo(OutlineNode from, OutlineNode node, List<OutlineNode> path) {
        path.add(from);
        for (OutlineNode child : from.children()) {
            if (child == node || pathTo(child, node, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** The selected outline entry; the view binds the tree's selection to it both ways. */
    public ObjectProperty<OutlineNode> selectedProperty() {
        return selected;
    }
}
