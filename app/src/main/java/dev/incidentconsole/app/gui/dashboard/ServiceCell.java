package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One service row: status stripe, icon and word, name, address and probe kind, the reason (red when DOWN),
 * the dependencies its health body reports, a latency sparkline, latency, when it was checked and a
 * "check now" button. Follows its row's snapshot and the dashboard clock while shown.
 */
final class ServiceCell extends ListCell<ServiceRow> {
    private static final int MAX_DEPENDENCIES = 6;
    private final DashboardViewModel model;
    private final StackPane icon = new StackPane();
    private final Label word = new Label();
    private final Label name = new Label();
    private final Label address = new Label();
    private final Label reason = new Label();
    private final FlowPane dependencies = new FlowPane(4, 2);
    private final Sparkline sparkline = new Sparkline(120, 30);
    private final Label latency = new Label();
    private final Label checked = new Label();
    private final Button check = new Button(null, Icons.of(Feather.REFRESH_CW));
    private final HBox box;
    private final Tooltip tooltip = new Tooltip();
    private final InvalidationListener refresh = o -> render();
    private final InvalidationListener tick = o -> renderClock();
    private final ContextMenu incidentMenu = new ContextMenu();
    private ServiceRow bound;

    ServiceCell(DashboardViewModel model) {
        this.model = model;
        getStyleClass().add("service-cell");
        setPrefWidth(0); // as wide as the list, never wider: long reasons are cut with an ellipsis, no side scrolling
        Region stripe = new Region();
        stripe.getStyleClass().add("status-stripe");
        word.getStyleClass().add("status-word");
        VBox status = new VBox(2, icon, word);
        status.setAlignment(Pos.CENTER);
        status.getStyleClass().add("status-box");
        name.getStyleClass().add("service-name");
        address.getStyleClass().add("service-address");
        VBox title = new VBox(2, name, address);
        title.getStyleClass().add("service-title");
        reason.getStyleClass().add("service-reason");
        dependencies.getStyleClass().add("dependency-chips");
        VBox middle = new VBox(3, reason, dependencies);
        middle.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);
        latency.getStyleClass().add("service-latency");
        checked.getStyleClass().add("service-checked");
        VBox numbers = new VBox(2, latency, checked);
        numbers.setAlignment(Pos.CENTER_RIGHT);
        numbers.getStyleClass().add("service-numbers");
        check.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "check-now");
        check.setTooltip(new Tooltip("Check now"));
        check.setOnAction(e -> {
            if (bound != null) {
                model.checkNow(bound);
            }
        });
        box = new HBox(10, stripe, status, title, middle, sparkline, numbers, check);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("service-row");
        tooltip.setShowDelay(javafx.util.Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        model.clockProperty().addListener(new WeakInvalidationListener(tick));
        MenuItem start = new MenuItem("Start incident", Icons.of(Feather.ALERT_OCTAGON));
        start.setOnAction(e -> model.startIncident(bound));
        incidentMenu.getItems().add(start);
    }

    @Override
    protected void updateItem(ServiceRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            bound.statusProperty().removeListener(refresh);
            bound.checkingProperty().removeListener(refresh);
        }
        bound = empty ? null : row;
        if (bound == null) {
            setGraphic(null);
            setTooltip(null);
            setContextMenu(null);
            getStyleClass().removeAll(StatusLook.STYLE_CLASSES);
            return;
        }
        bound.statusProperty().addListener(refresh);
        bound.checkingProperty().addListener(refresh);
        setText(null);
        setGraphic(box);
        setTooltip(tooltip);
        render();
    }

    private void render() {
        if (bound == null) {
            return;
        }
        ServiceStatus s = bound.snapshot();
        Status state = s.status();
        getStyleClass().removeAll(StatusLook.STYLE_CLASSES);
        getStyleClass().add(StatusLook.styleClass(state));
        icon.getChildren().setAll(StatusLook.icon(state));
        word.setText(StatusLook.word(state));
        name.setText(bound.name());
        address.setText(bound.spec().address() + " · " + bound.spec().probe().kind());
        reason.setText(bound.reason());
        dependencies.getChildren().setAll(s.last().dependencies().stream().limit(MAX_DEPENDENCIES)
                .map(ServiceCell::chip).toList());
        dependencies.setVisible(!dependencies.getChildren().isEmpty());
        dependencies.setManaged(dependencies.isVisible());
        sparkline.draw(s.history());
        latency.setText(s.last().status().answering() ? StatusLook.latency(s.last().latency()) : "–");
        check.setDisable(bound.checkingProperty().get());
        tooltip.setText(bound.name() + ": " + state.name() + "\n" + bound.reason() + "\n" + bound.probeText()
                + (s.since() == null ? "" : "\nsince " + s.since()));
        setContextMenu(model.incidentStarterProperty().get() != null && (state == Status.DOWN || state == Status.DEGRADED)
                ? incidentMenu : null);
        renderClock();
    }

    private void renderClock() {
        if (bound != null) {
            checked.setText(bound.checkingProperty().get() ? "checking…"
                    : StatusLook.ago(bound.snapshot().last().checkedAt(), model.clockProperty().get()));
        }
    }

    static Label chip(Dependency d) {
        Label chip = new Label(d.name(), StatusLook.icon(d.status()));
        chip.getStyleClass().addAll("dependency-chip", StatusLook.styleClass(d.status()));
        chip.setTooltip(new Tooltip(d.name() + ": " + d.raw() + (d.message().isEmpty() ? "" : " (" + d.message() + ")")
                + (d.latencyMs() >= 0 ? ", " + d.latencyMs() + " ms" : "")));
        return chip;
    }
}
