package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.RowTreeCell;
import dev.incidentconsole.runbook.ParseWarning;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kordamp.ikonli.feather.Feather;

/**
 * The outline tree: runbooks, their headings, and the labelled parts of procedures. Mirrors the view
 * model's runbooks and keeps the tree selection and {@link RunbookTreeViewModel#selectedProperty()} in step.
 */
final class RunbookTreeView extends TreeView<OutlineNode> {
    private static final int MAX_TOOLTIP_WARNINGS = 12;

    private final RunbookTreeViewModel model;
    private final Map<OutlineNode, TreeItem<OutlineNode>> items = new HashMap<>();

    RunbookTreeView(RunbookTreeViewModel model) {
        this.model = model;
        getStyleClass().add("outline-tree");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(tree -> new OutlineCell());
        model.runbooks().addListener((ListChangeListener<OutlineNode>) change -> rebuild());
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != model.selectedProperty().get()) {
                model.selectedProperty().set(item.getValue());
            }
        });
        model.selectedProperty().addListener((obs, old, node) -> reveal(node));
        rebuild();
    }

    /**
     * Mirrors the view model's runbooks, keeping the items (and so what is expanded) of the runbooks it kept; a
     * runbook read again gets new items that open where its previous ones were open.
     */
    private void rebuild() {
        List<OutlineNode> runbooks = model.runbooks();
        ObservableList<TreeItem<OutlineNode>> shown = getRoot().getChildren();
        Map<OutlineNode, TreeItem<OutlineNode>> kept = new HashMap<>();
        Map<Path, TreeItem<OutlineNode>> before = new HashMap<>();
        for (TreeItem<OutlineNode> item : shown) {
            kept.put(item.getValue(), item);
            before.put(item.getValue().file(), item);
        }
        // A few runbooks open fully; a large folder starts as a list of titles.
        boolean expandRunbooks = runbooks.size() <= 3;
        List<TreeItem<OutlineNode>> next = new ArrayList<>();
        for (OutlineNode runbook : runbooks) {
            TreeItem<OutlineNode> item = kept.get(runbook);
            if (item == null) {
                item = item(runbook, expandRunbooks);
                TreeItem<OutlineNode> previous = before.get(runbook.file());
                if (previous != null) {
                    keepExpanded(previous, item);
                }
            }
            next.add(item);
        }
        items.clear();
        next.forEach(this::register);
        if (next.size() == shown.size()) {
            for (int i = 0; i < next.size(); i++) {
                if (shown.get(i) != next.get(i)) {
                    shown.set(i, next.get(i)); // replacing only changed rows keeps the selection on the others
                }
            }
        } else {
            shown.setAll(next);
        }
        reveal(model.selectedProperty().get());
    }

    private void register(TreeItem<OutlineNode> item) {
        items.put(item.getValue(), item);
        item.getChildren().forEach(this::register);
    }

    /** Opens the entries of {@code item} that were open at the same section path in {@code previous}. */
    private static void keepExpanded(TreeItem<OutlineNode> previous, TreeItem<OutlineNode> item) {
        item.setExpanded(previous.isExpanded() && !item.getChildren().isEmpty());
        for (TreeItem<OutlineNode> child : item.getChildren()) {
            previous.getChildren().stream().filter(p -> p.getValue().samePlace(child.getValue())).findFirst()
                    .ifPresent(p -> keepExpanded(p, child));
        }
    }

    private TreeItem<OutlineNode> item(OutlineNode node, boolean expand) {
        TreeItem<OutlineNode> item = new TreeItem<>(node);
        for (OutlineNode child : node.children()) {
            // Headings that group further headings open; procedures keep their parts folded until asked.
            item.getChildren().add(item(child, !child.procedure()));
        }
        item.setExpanded(expand && !node.children().isEmpty());
        return item;
    }

    private void reveal(OutlineNode node) {
        TreeItem<OutlineNode> item = node == null ? null : items.get(node);
        if (item == null) {
            getSelectionModel().clearSelection();
            return;
        }
        for (TreeItem<OutlineNode> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        if (getSelectionModel().getSelectedItem() != item) {
            getSelectionModel().select(item);
            int row = getRow(item);
            if (row >= 0) {
                scrollTo(Math.max(0, row - 3));
            }
        }
    }

    /** One outline entry: kind icon (layers for a procedure), title, and badges for danger and warnings. */
    private static final class OutlineCell extends RowTreeCell<OutlineNode> {
        OutlineCell() {
            super(6);
        }

        @Override
        protected Label title(OutlineNode node) {
            Label title = new Label(node.title(), Icons.of(glyph(node), iconStyle(node)));
            title.getStyleClass().add(node.isRunbook() ? "outline-runbook" : "outline-section");
            return title;
        }

        @Override
        protected List<Node> trailing(OutlineNode node) {
            List<Node> badges = new ArrayList<>();
            if (node.dangerous()) {
                badges.add(Icons.of(Feather.ZAP, "icon-danger", "outline-danger"));
            }
            if (!node.warnings().isEmpty()) {
                badges.add(Icons.of(Feather.ALERT_TRIANGLE, "icon-warning", "outline-warning"));
            }
            return badges;
        }

        private static Feather glyph(OutlineNode node) {
            if (node.isRunbook()) {
                return node.warnings().isEmpty() ? Feather.BOOK : Feather.ALERT_TRIANGLE;
            }
            if (node.procedure()) {
                return Feather.LAYERS;
            }
            return node.section().label() || node.kind() != SectionKind.OTHER
                    ? Icons.forKind(node.kind()) : Feather.HASH;
        }

        private static String iconStyle(OutlineNode node) {
            if (node.isRunbook() && !node.warnings().isEmpty()) {
                return "icon-warning";
            }
            return node.isRunbook() || node.procedure() ? "icon-accent" : "icon-muted";
        }

        @Override
        protected String tooltip(OutlineNode node) {
            StringBuilder tip = new StringBuilder(node.isRunbook()
                    ? node.title() + "\n" + node.runbook().file()
                    : (node.procedure() ? "Procedure: " : "") + node.section().pathString() + "\nline " + node.section().line());
            if (node.commandCount() > 0) {
                tip.append("\n").append(node.commandCount()).append(node.commandCount() == 1 ? " command" : " commands");
                if (node.dangerous()) {
                    tip.append(", some destructive");
                }
            }
            List<ParseWarning> warnings = node.warnings();
            if (!warnings.isEmpty()) {
                tip.append("\n\nWarnings:\n").append(warnings.stream().limit(MAX_TOOLTIP_WARNINGS)
                        .map(w -> "- " + w).collect(Collectors.joining("\n")));
                if (warnings.size() > MAX_TOOLTIP_WARNINGS) {
                    tip.append("\n... and ").append(warnings.size() - MAX_TOOLTIP_WARNINGS).append(" more");
                }
            }
            return tip.toString();
        }
    }
}
