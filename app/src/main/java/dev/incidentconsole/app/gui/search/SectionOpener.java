package dev.incidentconsole.app.gui.search;

import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.runbooks.OutlineNode;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Opens a {@link SectionTarget} in the Runbooks view: switches to it, loads the runbook's folder when the
 * outline shows another one, selects the section and sets the words to highlight. The highlight is dropped
 * when the reader moves to another section. Call on the FX thread.
 */
public final class SectionOpener implements Consumer<SectionTarget> {
    private final Navigation navigation;
    private final String runbooksId;
    private final RunbookTreeViewModel tree;
    private final Function<Path, Optional<Path>> folderOf;
    private final ObjectProperty<List<String>> highlight = new SimpleObjectProperty<>(List.of());
    private OutlineNode expected;
    private InvalidationListener waiting;

    /**
     * @param runbooksId the Runbooks view's navigation id
     * @param folderOf   the configured runbook folder a file belongs to, for files outside the open folder
     */
    public SectionOpener(Navigation navigation, String runbooksId, RunbookTreeViewModel tree,
                         Function<Path, Optional<Path>> folderOf) {
        this.navigation = navigation;
        this.runbooksId = runbooksId;
        this.tree = tree;
        this.folderOf = folderOf;
        tree.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && now != expected) {
                expected = null;
                highlight.set(List.of());
            }
        });
    }

    /** The words the section view highlights: those of the last opened target while it stays selected. */
    public ObjectProperty<List<String>> highlightProperty() {
        return highlight;
    }

    @Override
    public void accept(SectionTarget target) {
        navigation.go(runbooksId);
        if (waiting != null) {
            tree.loadingProperty().removeListener(waiting);
            waiting = null;
        }
        if (!tree.loadingProperty().get() && shows(target.file())) {
            select(target);
            return;
        }
        if (!tree.loadingProperty().get()) {
            tree.load(folderOf.apply(target.file()).orElse(target.file().getParent()));
        }
        waiting = new InvalidationListener() {
            @Override
            public void invalidated(Observable obs) {
                if (!tree.loadingProperty().get()) {
                    tree.loadingProperty().removeListener(this);
                    waiting = null;
                    select(target);
                }
            }
        };
        tree.loadingProperty().addListener(waiting);
    }

    private boolean shows(Path file) {
        return tree.runbooks().stream().anyMatch(r -> same(r.runbook().file(), file));
    }

    private void select(SectionTarget target) {
        Optional<OutlineNode> node = find(target);
        if (node.isEmpty()) {
            return; // the file vanished meanwhile; the outline shows what is there
        }
        expected = node.get();
        highlight.set(target.terms());
        tree.selectedProperty().set(node.get());
    }

    /**
     * The outline entry for the target: the section by its heading path, else its nearest parent (the outline
     * folds a heading that repeats the runbook title into the runbook), else the runbook.
     */
    private Optional<OutlineNode> find(SectionTarget target) {
        Optional<OutlineNode> runbook = tree.runbooks().stream().filter(r -> same(r.runbook().file(), target.file())).findFirst();
        if (runbook.isEmpty()) {
            return Optional.empty();
        }
        List<OutlineNode> nodes = runbook.get().flatten();
        for (int n = target.path().size(); n > 0; n--) {
            List<String> path = target.path().subList(0, n);
            List<OutlineNode> same = nodes.stream().filter(o -> !o.isRunbook() && o.section().path().equals(path)).toList();
            if (!same.isEmpty()) {
                // Two headings can share a path; the line tells them apart.
                return Optional.of(same.stream().filter(o -> o.section().line() == target.line()).findFirst().orElse(same.get(0)));
            }
        }
        return runbook;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
