package dev.incidentconsole.app.gui;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.util.Focus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The window's frame: a top bar (app name, room for the search field, theme switch), a left rail with one
 * entry per registered view, and the content area showing the current view. Views are built on first visit.
 * A view can be {@link #reserve reserved} before its feature exists, so the first frame already shows the whole
 * rail: until {@link #register} gives its factory, the content area shows an empty skeleton in the theme's colours.
 */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final Map<String, Supplier<Node>> factories = new HashMap<>();
    private final Map<String, Node> built = new HashMap<>();
    private final VBox rail = new VBox();
    private final ToggleGroup railGroup = new ToggleGroup();
    private final StackPane content = new StackPane();
    /** Over the content area's top right corner: notices such as services gone DOWN, whatever view is shown. */
    private final StackPane notices = new StackPane();
    private final StackPane searchSlot = new StackPane();
    private final Map<String, Node> skeletons = new HashMap<>();

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        setTop(topBar());
        rail.getStyleClass().add("nav-rail");
        setLeft(rail);
        content.getStyleClass().add("content-area");
        notices.getStyleClass().add("notice-layer");
        notices.setAlignment(Pos.TOP_RIGHT);
        notices.setPickOnBounds(false); // the view under it stays clickable beside a notice
        setCenter(new StackPane(content, notices));
        model.navigation().currentProperty().addListener((obs, old, now) -> show(now));
        addEventFilter(KeyEvent.KEY_PRESSED, this::railShortcut);
    }

    /**
     * Ctrl+1 to Ctrl+9 (Cmd on macOS) open the rail's entries in order from anywhere in the window, and the keyboard
     * lands on that entry: left in the view just hidden, what was typed next went into a field no one could see.
     */
    private void railShortcut(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        int index = railIndex(e.getCode());
        if (index >= 0 && index < rail.getChildren().size() && rail.getChildren().get(index) instanceof ToggleButton entry) {
            entry.fire();
            entry.requestFocus();
            e.consume();
        }
    }

    /** The rail entry a digit key names (1 is the first), or -1. */
    static int railIndex(KeyCode code) {
        if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            String name = code.getName();
            return name.charAt(name.length() - 1) - '1';
        }
        return -1;
    }

    /**
     * Adds a view to the rail whose feature comes later: until {@link #register} gives its factory, showing it
     * shows a skeleton (the content area's background, nothing else).
     */
    public void reserve(Destination destination) {
        skeletons.put(destination.id(), skeleton());
        rail.getChildren().add(railButton(destination));
        model.navigation().add(destination);
        show(model.navigation().currentProperty().get());
    }

    /**
     * Adds a view to the rail, or fills the place {@link #reserve reserved} for it (replacing its skeleton when it
     * is showing); {@code factory} builds its node the first time it is shown.
     */
    public void register(Destination destination, Supplier<Node> factory) {
        factories.put(destination.id(), factory);
        if (skeletons.remove(destination.id()) == null) {
            rail.getChildren().add(railButton(destination));
            model.navigation().add(destination);
        }
        show(model.navigation().currentProperty().get());
    }

    /** Shows {@code notice} over the current view's top right corner, in place of the one shown before. */
    public void showNotice(Node notice) {
        notices.getChildren().setAll(notice);
    }

    /** Where the global search field goes; empty until search exists. */
    public StackPane searchSlot() {
        return searchSlot;
    }

    private Node topBar() {
        Label name = new Label("Incident Console", Icons.of(Feather.LIFE_BUOY, "app-logo"));
        name.getStyleClass().add("app-title");
        searchSlot.getStyleClass().add("search-slot");
        HBox.setHgrow(searchSlot, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "theme-toggle");
        theme.graphicProperty().bind(model.darkProperty().map(dark -> Icons.of(dark ? Feather.SUN : Feather.MOON)));
        // Made at the first hover: a tooltip (a popup window and its styling) cost 0.2-0.7 s before the first paint.
        theme.setOnMouseEntered(e -> {
            if (theme.getTooltip() == null) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(model.darkProperty().map(dark -> dark ? "Switch to the light theme" : "Switch to the dark theme"));
                theme.setTooltip(tip);
            }
        });
        theme.setOnAction(e -> model.toggleTheme());
        HBox bar = new HBox(16, name, searchSlot, spacer, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static Node skeleton() {
        StackPane skeleton = new StackPane();
        skeleton.getStyleClass().add("view-skeleton");
        return skeleton;
    }

    private ToggleButton railButton(Destination destination) {
        ToggleButton button = new ToggleButton(destination.title(), Icons.of(destination.icon()));
        button.setContentDisplay(ContentDisplay.TOP);
        button.getStyleClass().add("nav-button");
        button.setUserData(destination.id());
        button.setToggleGroup(railGroup);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> {
            model.navigation().go(destination.id());
            button.setSelected(true); // a second click must not leave the rail with nothing selected
        });
        return button;
    }

    private void show(Destination destination) {
        if (destination == null) {
            return;
        }
        Node view = skeletons.containsKey(destination.id()) ? skeletons.get(destination.id())
                : built.computeIfAbsent(destination.id(), id -> factories.get(id).get());
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        boolean leaving = focused != null && content.getChildren().stream().anyMatch(shown -> shown != view && Focus.inside(focused, shown));
        content.getChildren().setAll(view);
        railGroup.getToggles().forEach(t -> t.setSelected(destination.id().equals(t.getUserData())));
        if (leaving) {
            // The keyboard was in the view just hidden (a step's Run that opened Runs): JavaFX hands it to the first
            // control of the window, the search field, which opened its results over the new view and took Enter.
            railGroup.getToggles().stream().filter(t -> destination.id().equals(t.getUserData())).findFirst()
                    .ifPresent(t -> ((Node) t).requestFocus());
        }
    }
}
