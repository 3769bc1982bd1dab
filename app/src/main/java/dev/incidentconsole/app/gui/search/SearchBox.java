package dev.incidentconsole.app.gui.search;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.search.SearchHit;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;

/**
 * The search field of the top bar and its drop-down: component chips, the hits, a status line. Ctrl+K (Cmd+K)
 * focuses it from anywhere in the window; Up/Down move through the hits, Enter opens one, Escape clears or closes.
 */
public final class SearchBox extends StackPane {
    /** Styles of the search field, the drop-down, highlighted words and the Browse view. */
    public static final String STYLESHEET = java.util.Objects.requireNonNull(SearchBox.class.getResource("search.css")).toExternalForm();
    private static final double ROW_HEIGHT = 86;
    private static final double MAX_LIST_HEIGHT = 470;
    private static final double MIN_POPUP_WIDTH = 720;
    /** Chips shown before "more": the most used components; the rest on demand. */
    private static final int FEW_CHIPS = 10;

    private final SearchViewModel model;
    private final CustomTextField field = new CustomTextField();
    private final ListView<SearchHit> list = new ListView<>();
    private final FlowPane chips = new FlowPane(6, 6);
    private final VBox dropDown;
    private final Popup popup = new Popup();
    private final ObjectProperty<Consumer<SectionTarget>> startIncident = new SimpleObjectProperty<>();
    private boolean allChips;

    /** What the empty field says; the box is never narrower than it (a cut prompt hid what can be searched). */
    static final String PROMPT = "Search runbooks: symptom, alert, error message, component";

    public SearchBox(SearchViewModel model) {
        this.model = model;
        getStyleClass().add("search-box");
        field.getStyleClass().add("search-field");
        field.setPromptText(PROMPT);
        field.setLeft(Icons.of(Feather.SEARCH, "icon-muted"));
        Label shortcut = new Label(KeyCombination.keyCombination("Shortcut+K").getDisplayText());
        shortcut.getStyleClass().add("shortcut-hint");
        field.setRight(shortcut);
        field.textProperty().bindBidirectional(model.textProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                model.reopen();
            }
        });
        field.setOnMouseClicked(e -> model.reopen());
        getChildren().add(field);

        dropDown = new VBox(chipsRow(), results(), footer());
        dropDown.getStyleClass().add("search-dropdown");
        popup.getContent().add(dropDown);
        popup.setAnchorLocation(javafx.stage.PopupWindow.AnchorLocation.CONTENT_TOP_LEFT); // align with the field, not the shadow
        popup.setAutoHide(true);
        popup.setAutoFix(true);
        popup.setHideOnEscape(false); // Escape reaches the field: it clears first, then closes
        popup.setConsumeAutoHidingEvents(false); // a click elsewhere closes the list and still does its job
        popup.setOnAutoHide(e -> model.close());
        model.openProperty().addListener((obs, was, open) -> {
            if (open) {
                show();
            } else {
                popup.hide();
            }
        });
        // The results belong to the field: once another control has the keyboard (Tab, a walkthrough that just
        // opened) they close, or they would cover it. The window losing focus keeps the owner.
        javafx.beans.value.ChangeListener<javafx.scene.Node> focusMoved = (o, before, owner) -> {
            if (owner != null && owner != field) {
                model.close();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusMoved);
            }
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::focusField);
                scene.focusOwnerProperty().addListener(focusMoved);
            }
        });
    }

    /** Focuses the field and selects its text, so typing replaces the last query. */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
        model.reopen();
    }

    private void onKey(KeyEvent e) {
        boolean handled = switch (e.getCode()) {
            case DOWN -> {
                model.moveDown();
                yield true;
            }
            case UP -> {
                model.moveUp();
                yield true;
            }
            case ENTER -> model.openSelected();
            case ESCAPE -> {
                if (!model.escape()) {
                    getParent().requestFocus(); // a third Escape leaves the field
                }
                yield true;
            }
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }

    private Region chipsRow() {
        chips.getStyleClass().add("search-chips");
        model.components().addListener((ListChangeListener<String>) c -> rebuildChips());
        model.activeComponents().addListener((SetChangeListener<String>) c -> rebuildChips());
        rebuildChips();
        chips.visibleProperty().bind(Bindings.isNotEmpty(model.components()));
        chips.managedProperty().bind(chips.visibleProperty());
        return chips;
    }

    private void rebuildChips() {
        chips.getChildren().clear();
        List<String> all = model.components();
        for (int i = 0; i < all.size(); i++) {
            String component = all.get(i);
            if (i >= FEW_CHIPS && !allChips && !model.activeComponents().contains(component)) {
                continue;
            }
            ToggleButton chip = new ToggleButton(component);
            chip.getStyleClass().add("component-chip");
            chip.setSelected(model.activeComponents().contains(component));
            chip.setFocusTraversable(false);
            chip.setOnAction(e -> model.toggleComponent(component));
            chips.getChildren().add(chip);
        }
        if (all.size() > FEW_CHIPS) {
            Button more = new Button(allChips ? "fewer" : "+" + (all.size() - FEW_CHIPS) + " more");
            more.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "more-chips");
            more.setFocusTraversable(false);
            more.setOnAction(e -> {
                allChips = !allChips;
                rebuildChips();
            });
            chips.getChildren().add(more);
        }
    }

    private Region results() {
        list.getStyleClass().add("search-results");
        list.setItems(model.results());
        list.setCellFactory(v -> new HitCell());
        list.setFocusTraversable(false);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(MAX_LIST_HEIGHT, Math.max(1, model.results().size()) * ROW_HEIGHT + 4), model.results()));
        list.visibleProperty().bind(Bindings.isNotEmpty(model.results()));
        list.managedProperty().bind(list.visibleProperty());
        model.selectedProperty().addListener((obs, old, index) -> {
            int i = index.intValue();
            if (i < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 2));
            }
        });
        list.setOnMouseClicked(e -> {
            SearchHit hit = list.getSelectionModel().getSelectedItem();
            if (hit != null && e.getButton() == MouseButton.PRIMARY) {
                model.open(hit);
            }
        });
        list.setContextMenu(hitMenu());
        return list;
    }

    /** Right-click on a hit: start (or join) an incident walking that section, when the app offers incidents. */
    private ContextMenu hitMenu() {
        MenuItem start = new MenuItem("Start incident from this section", Icons.of(Feather.ALERT_OCTAGON));
        start.setOnAction(e -> {
            SearchHit hit = list.getSelectionModel().getSelectedItem();
            Consumer<SectionTarget> starter = startIncident.get();
            if (hit != null && starter != null) {
                String typed = model.textProperty().get();
                model.close();
                starter.accept(SectionTarget.of(hit, typed == null ? "" : typed));
            }
        });
        ContextMenu menu = new ContextMenu(start);
        menu.setOnShowing(e -> start.setDisable(startIncident.get() == null
                || list.getSelectionModel().getSelectedItem() == null));
        return menu;
    }

    /** What "Start incident" on a hit does with its section; {@code null} disables it. */
    public ObjectProperty<Consumer<SectionTarget>> startIncidentProperty() {
        return startIncident;
    }

    private Region footer() {
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("search-status");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.searchingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("\u2191\u2193 move   \u21b5 open   Esc clear");
        keys.getStyleClass().add("search-keys");
        HBox footer = new HBox(8, busy, status, spacer, keys);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("search-footer");
        return footer;
    }

    private void show() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return;
        }
        Bounds b = field.localToScreen(field.getBoundsInLocal());
        dropDown.getStylesheets().setAll(getScene().getStylesheets()); // a popup has its own scene
        dropDown.getStylesheets().add(STYLESHEET);
        dropDown.setPrefWidth(Math.max(MIN_POPUP_WIDTH, b.getWidth()));
        if (popup.isShowing()) {
            popup.setX(b.getMinX());
            popup.setY(b.getMaxY() + 4);
        } else {
            popup.show(field, b.getMinX(), b.getMaxY() + 4);
        }
    }

    CustomTextField field() {
        return field;
    }

    /** As wide as the prompt, its icon and the shortcut hint need, whatever the font size and the screen's scale. */
    @Override
    protected double computeMinWidth(double height) {
        Text prompt = new Text(PROMPT);
        prompt.setFont(field.getFont());
        double sides = field.getLeft() == null ? 0 : field.getLeft().prefWidth(-1);
        sides += field.getRight() == null ? 0 : field.getRight().prefWidth(-1);
        double padding = field.snappedLeftInset() + field.snappedRightInset();
        return snappedLeftInset() + Math.ceil(prompt.getLayoutBounds().getWidth()) + sides + padding
                + 2 * PROMPT_SLACK + snappedRightInset();
    }

    /** Room either side of the prompt: the caret, the gaps between the text and the icon and hint. */
    private static final double PROMPT_SLACK = 16;
}
