package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import java.util.List;
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
    /** The row's height in pixels: .service-row's min-height plus the list cell's border, as laid out unfixed. */
    static final double HEIGHT = 59;
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
    private Status shownState;
    private List<Dependency> shownDependencies = List.of();
    private List<ProbeResult> shownHistory;

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
        // Written when shown, not at every check: formatting the "since" time was the costliest part of a render.
        tooltip.setOnShowing(e -> tooltip.setText(tooltipText()));
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
            shownState = null;
            shownHistory = null;
            return;
        }
        bound.statusProperty().addListener(refresh);
        bound.checkingProperty().addListener(refresh);
        setText(null);
        setGraphic(box);
        setTooltip(tooltip);
        render();
        tooltip.setText(tooltipText());
    }

    /**
     * Shows the bound row's snapshot, touching only what differs from what the cell shows: a check that leaves
     * the status as it was changes no style class and makes no node (either makes JavaFX match the cell's
     * CSS again, the costliest part of a refresh), redraws the sparkline only for a new history, and writes the
     * tooltip only while it shows.
     */
    private void render() {
        if (bound == null) {
            return;
        }
        ServiceStatus s = bound.snapshot();
        Status state = s.status();
        if (state != shownState) {
            getStyleClass().removeAll(StatusLook.STYLE_CLASSES);
            getStyleClass().add(StatusLook.styleClass(state));
            icon.getChildren().setAll(StatusLook.icon(state));
            word.setText(StatusLook.word(state));
            shownState = state;
        }
        name.setText(bound.name());
        address.setText(bound.spec().address() + " · " + bound.spec().probe().kind());
        String why = bound.reason();
        reason.setText(why);
        showDependencies(s.last().dependencies().stream().limit(MAX_DEPENDENCIES).toList());
        if (s.history() != shownHistory) {
            shownHistory = s.history();
            sparkline.draw(shownHistory);
        }
        if (tooltip.isShowing()) {
            tooltip.setText(tooltipText());
        }
        latency.setText(s.last().status().answering() ? StatusLook.latency(s.last().latency()) : "–");
        check.setDisable(bound.checkingProperty().get());
        setContextMenu(model.incidentStarterProperty().get() != null && (state == Status.DOWN || state == Status.DEGRADED)
                ? incidentMenu : null);
        renderClock();
    }

    private String tooltipText() {
        if (bound == null) {
            return "";
        }
        ServiceStatus s = bound.snapshot();
        return bound.name() + ": " + s.status().name() + "\n" + bound.reason() + "\n" + bound.probeText()
                + (s.since() == null ? "" : "\nsince " + s.since());
    }

    /** New chips only when a dependency came, went or changed status; otherwise only their tooltips follow. */
    private void showDependencies(List<Dependency> now) {
        if (now.equals(shownDependencies)) {
            return;
        }
        boolean sameChips = now.size() == shownDependencies.size();
        for (int i = 0; sameChips && i < now.size(); i++) {
            sameChips = now.get(i).name().equals(shownDependencies.get(i).name())
                    && now.get(i).status() == shownDependencies.get(i).status();
        }
        shownDependencies = now;
        if (sameChips) {
            for (int i = 0; i < now.size(); i++) {
                ((Label) dependencies.getChildren().get(i)).getTooltip().setText(chipTip(now.get(i)));
            }
            return;
        }
        dependencies.getChildren().setAll(now.stream().map(ServiceCell::chip).toList());
        dependencies.setVisible(!now.isEmpty());
        dependencies.setManaged(!now.isEmpty());
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
        chip.setTooltip(new Tooltip(chipTip(d)));
        return chip;
    }

    private static String chipTip(Dependency d) {
        return d.name() + ": " + d.raw() + (d.message().isEmpty() ? "" : " (" + d.message() + ")")
                + (d.latencyMs() >= 0 ? ", " + d.latencyMs() + " ms" : "");
    }
}
