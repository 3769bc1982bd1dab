package dev.incidentconsole.app.gui.browse;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.library.LibraryViewModel;
import dev.incidentconsole.app.gui.util.DialogService;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Browse view: every runbook reached by component, by symptom or by alert, narrowed by a filter; above
 * them, the folders being searched. Choosing an entry opens its section in the Runbooks view.
 */
public final class BrowseView extends BorderPane {
    private final BrowseViewModel model;

    public BrowseView(BrowseViewModel model, LibraryViewModel library, DialogService dialogs) {
        this.model = model;
        getStyleClass().add("browse-view");
        Label title = new Label("Browse runbooks");
        title.getStyleClass().addAll(Styles.TITLE_3, "browse-title");
        CustomTextField filter = new CustomTextField();
        filter.setLeft(Icons.of(Feather.FILTER, "icon-muted"));
        filter.setPromptText("Filter components, symptoms and alerts");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.getStyleClass().add("browse-filter");
        HBox.setHgrow(filter, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(16, title, spacer, filter);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(10, header, new SourcesPane(library, dialogs));
        top.getStyleClass().add("browse-header");
        setTop(top);

        TabPane tabs = new TabPane(
                tab("By component", Feather.BOX, model.components()),
                tab("By symptom", Feather.ACTIVITY, model.symptoms()),
                tab("Alerts", Feather.BELL, model.alerts()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("browse-tabs");
        setCenter(tabs);
    }

    private Tab tab(String caption, Feather glyph, ObservableList<BrowseNode> nodes) {
        BrowseTree tree = new BrowseTree(nodes, () -> !model.filterProperty().get().isBlank(), model::open);
        Label empty = new Label("Nothing here yet: add runbooks to a searched folder, or clear the filter.");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        empty.visibleProperty().bind(Bindings.isEmpty(nodes));
        tree.visibleProperty().bind(Bindings.isNotEmpty(nodes));
        Tab tab = new Tab(caption, new javafx.scene.layout.StackPane(tree, empty));
        tab.setGraphic(Icons.of(glyph));
        tab.textProperty().bind(Bindings.createStringBinding(() -> caption + " (" + nodes.size() + ")", nodes));
        return tab;
    }
}
