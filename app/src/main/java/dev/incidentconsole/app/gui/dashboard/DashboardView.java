package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.PageKeys;
import dev.incidentconsole.health.Status;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The dashboard: a toolbar (environment picker with a PRODUCTION badge, status and tag filters, search,
 * check all), error and notice banners, the virtualized service list with firing alerts below it, and the
 * selected service's details on the right.
 */
public final class DashboardView extends BorderPane {
    private final DashboardViewModel model;

    /** The whole dashboard at once. */
    public DashboardView(DashboardViewModel model) {
        this(model, Runnable::run);
    }

    /**
     * The service list first, the rest once {@code later} runs what adds it: the toolbar, firing alerts, the
     * selected service's details and the rows' tails ({@link ServiceCellTail}) were most of the CSS pass that held
     * the window's first rows back (their controls' skins and styles), so the window adds them once the rows are
     * drawn.
     *
     * @param later given what adds the rest, runs it on the FX thread ({@code Runnable::run}: at once)
     */
    DashboardView(DashboardViewModel model, Consumer<Runnable> later) {
        this.model = model;
        getStyleClass().add("dashboard-view");
        getStylesheets().add(Objects.requireNonNull(DashboardView.class.getResource("dashboard.css")).toExternalForm());
        ListView<ServiceRow> list = new ListView<>(model.rows());
        list.getStyleClass().add("service-list");
        ServiceCell.Tips tips = new ServiceCell.Tips();
        // The first rows without their tails (chips, sparkline, numbers, button): filled with the toolbar, below.
        CellFill fill = new CellFill();
        list.setCellFactory(v -> new ServiceCell(model, tips, fill));
        // Every row is as high as the stylesheet's .service-row: the list need not measure cells to lay them out.
        list.setFixedCellSize(ServiceCell.HEIGHT);
        list.setPlaceholder(new Label("No services match."));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> select(list, row, true));
        // Re-filing rows may drop the list's selection; the model's stays, so put it back once the list settled.
        model.rows().addListener((javafx.collections.ListChangeListener<ServiceRow>) c ->
                javafx.application.Platform.runLater(() -> select(list, model.selectedProperty().get(), false)));
        select(list, model.selectedProperty().get(), true);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(list);
        ScrollPane right = new ScrollPane();
        right.setFitToWidth(true);
        right.getStyleClass().add("detail-scroll");
        PageKeys.install(right);
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        setCenter(split);
        // The production warning and the file's error and notice are plain labels, and what they say must be on
        // screen with the rows it is about; only the toolbar's controls, the alerts and the details wait.
        VBox top = new VBox(productionBanner(),
                banner(model.environment().errorProperty(), "error-banner", Feather.ALERT_CIRCLE),
                banner(model.environment().noticeProperty(), "notice-banner", Feather.INFO));
        setTop(top);
        later.accept(() -> {
            fill.fill();
            top.getChildren().add(1, toolbar());
            left.getChildren().add(new AlertsPane(model));
            // The details (their chart above all) one FX event later: styled in a pulse of their own, not in the one
            // that shows the toolbar, which held the FX thread for seconds at a loaded cold start.
            javafx.application.Platform.runLater(() -> right.setContent(new ServiceDetailView(model)));
        });
    }

    private static void select(ListView<ServiceRow> list, ServiceRow row, boolean scroll) {
        if (row != null && list.getSelectionModel().getSelectedItem() != row) {
            list.getSelectionModel().select(row);
            if (scroll) {
                list.scrollTo(row);
            }
        }
    }

    private HBox productionBanner() {
        Label text = new Label();
        text.textProperty().bind(Bindings.concat("PRODUCTION (", model.environment().nameProperty(),
                "): these are live systems; check before you act."));
        HBox banner = new HBox(8, Icons.of(Feather.ALERT_OCTAGON), text);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("production-banner");
        banner.visibleProperty().bind(model.environment().productionProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox toolbar() {
        ComboBox<String> environments = EnvironmentPicker.create(model.environment());
        Label production = new Label("PRODUCTION");
        production.getStyleClass().add("production-badge");
        production.setMinWidth(Region.USE_PREF_SIZE);
        production.visibleProperty().bind(model.environment().productionProperty());
        production.managedProperty().bind(production.visibleProperty());

        HBox statuses = new HBox();
        statuses.getStyleClass().add("status-filter");
        ToggleGroup group = new ToggleGroup();
        statuses.getChildren().add(statusToggle(null, group));
        for (Status s : new Status[]{Status.DOWN, Status.DEGRADED, Status.UP, Status.UNKNOWN}) {
            statuses.getChildren().add(statusToggle(s, group));
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one filter is always on
            } else {
                model.filters().statusProperty().set((Status) now.getUserData());
            }
        });

        ComboBox<String> tags = new ComboBox<>(model.filters().labels());
        tags.setPromptText("All tags");
        tags.getStyleClass().add("tag-filter");
        tags.valueProperty().bindBidirectional(model.filters().labelProperty());
        Button clearTag = new Button(null, Icons.of(Feather.X));
        clearTag.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clearTag.setTooltip(new Tooltip("Show every tag"));
        clearTag.setOnAction(e -> tags.setValue(null));
        clearTag.visibleProperty().bind(tags.valueProperty().isNotNull());

        TextField search = new TextField();
        search.setPromptText("Filter services");
        search.getStyleClass().add("service-search");
        search.setMinWidth(90);
        tags.setMinWidth(90);
        search.textProperty().bindBidirectional(model.filters().textProperty());

        Button checkAll = new Button("Check all", Icons.of(Feather.REFRESH_CW));
        checkAll.getStyleClass().add("check-all");
        checkAll.setMinWidth(Region.USE_PREF_SIZE);
        checkAll.setOnAction(e -> model.checkAll());
        statuses.setMinWidth(Region.USE_PREF_SIZE);
        // A narrow window (1366x768 at a 1.5 scale is 910x512) wraps the filters onto a second line: in one row
        // their widths pushed the frame past the window's edge, "Check all" and the theme switch out of reach.
        FlowPane filters = new FlowPane(10, 6, Icons.of(Feather.SERVER, "icon-muted"), environments, production,
                statuses, tags, clearTag, search);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setRowValignment(javafx.geometry.VPos.CENTER);
        HBox.setHgrow(filters, Priority.ALWAYS);
        HBox bar = new HBox(10, filters, checkAll);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("dashboard-toolbar");
        return bar;
    }

    private ToggleButton statusToggle(Status status, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setUserData(status);
        b.setToggleGroup(group);
        b.getStyleClass().add("status-toggle");
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (status == null) {
            b.textProperty().bind(Bindings.createStringBinding(() -> "All " + model.rows().size(), model.rows()));
            b.setSelected(true);
        } else {
            b.setGraphic(StatusLook.icon(status));
            b.textProperty().bind(model.count(status).asString(StatusLook.word(status).charAt(0)
                    + StatusLook.word(status).substring(1).toLowerCase(java.util.Locale.ROOT) + " %d"));
            b.getStyleClass().add(StatusLook.styleClass(status));
        }
        return b;
    }

    private static Label banner(javafx.beans.value.ObservableStringValue text, String style, Feather glyph) {
        Label l = new Label(null, Icons.of(glyph));
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add(style);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
