package dev.incidentconsole.app.gui.browse;

import dev.incidentconsole.app.gui.util.RowTreeCell;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * One Browse list as a tree: entry title with where it leads beside it. A click (or Enter) on an entry that
 * has a section opens it; a group opens and closes. Groups start folded unless the list is being filtered.
 */
final class BrowseTree extends TreeView<BrowseNode> {

    /**
     * @param expand whether groups should start open (while a filter is typed)
     * @param open   opens an entry; returns false for groups
     */
    BrowseTree(ObservableList<BrowseNode> nodes, BooleanSupplier expand, Predicate<BrowseNode> open) {
        getStyleClass().add("browse-tree");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(tree -> new BrowseCell(open));
        nodes.addListener((ListChangeListener<BrowseNode>) c -> rebuild(nodes, expand.getAsBoolean()));
        setOnKeyPressed(e -> {
            TreeItem<BrowseNode> item = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                if (!open.test(item.getValue())) {
                    item.setExpanded(!item.isExpanded());
                }
                e.consume();
            }
        });
        rebuild(nodes, expand.getAsBoolean());
    }

    private void rebuild(ObservableList<BrowseNode> nodes, boolean expand) {
        getRoot().getChildren().setAll(nodes.stream().map(n -> item(n, expand)).toList());
    }

    private static TreeItem<BrowseNode> item(BrowseNode node, boolean expand) {
        TreeItem<BrowseNode> item = new TreeItem<>(node);
        node.children().forEach(c -> item.getChildren().add(item(c, expand)));
        item.setExpanded(expand && !node.children().isEmpty());
        return item;
    }

    private static final class BrowseCell extends RowTreeCell<BrowseNode> {
        BrowseCell(Predicate<BrowseNode> open) {
            super(10);
            setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY || getItem() == null || onDisclosure(e.getPickResult().getIntersectedNode())) {
                    return;
                }
                if (!open.test(getItem()) && getTreeItem() != null && !getTreeItem().isLeaf()) {
                    getTreeItem().setExpanded(!getTreeItem().isExpanded());
                }
            });
        }

        /** A click on the arrow only folds or unfolds; the cell's own handling must not open the entry too. */
        private boolean onDisclosure(Node picked) {
            for (Node n = picked; n != null && n != this; n = n.getParent()) {
                if (n == getDisclosureNode()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected Label title(BrowseNode node) {
            Label title = new Label(node.title());
            title.getStyleClass().add(node.target() == null || !node.children().isEmpty() ? "browse-group" : "browse-entry");
            return title;
        }

        @Override
        protected List<Node> trailing(BrowseNode node) {
            Label detail = new Label(node.detail());
            detail.getStyleClass().add("browse-detail");
            detail.setMinWidth(0);
            return List.of(detail);
        }

        @Override
        protected String tooltip(BrowseNode node) {
            return node.title() + (node.detail().isEmpty() ? "" : "\n" + node.detail());
        }
    }
}
