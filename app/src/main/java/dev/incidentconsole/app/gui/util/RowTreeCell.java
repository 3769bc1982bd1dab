package dev.incidentconsole.app.gui.util;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A tree cell drawn as one row: a title that gives up width first (ellipsized), then right-aligned extras
 * (badges, a count), and a tooltip with the whole story. Subclasses say what goes where.
 */
public abstract class RowTreeCell<T> extends TreeCell<T> {
    private final double gap;

    protected RowTreeCell(double gap) {
        this.gap = gap;
        setPrefWidth(0); // take the tree's width, not the title's: long titles ellipsize instead of scrolling sideways
    }

    /** The row's title. */
    protected abstract Label title(T item);

    /** What stands at the row's right end, in order; may be empty. */
    protected abstract List<Node> trailing(T item);

    protected abstract String tooltip(T item);

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Label title = title(item);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(gap, title, spacer);
        row.getChildren().addAll(trailing(item));
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        setTooltip(new Tooltip(tooltip(item)));
    }
}
