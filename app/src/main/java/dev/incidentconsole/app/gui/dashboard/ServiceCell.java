package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One service row: status stripe, icon and word, name, address and probe kind, the reason (red when DOWN),
 * the dependencies its health body reports (on one line: {@link DependencyChips}), a latency sparkline, latency, when it was checked and a
 * "check now" button. Follows its row's snapshot and the dashboard clock while shown.
 *
 * <p>Made cheap for the list's first showing (about fifteen cells created and styled in one pulse): the
 * tooltips are the list's ({@link Tips}, made at the first hover of any row and installed on a cell when the
 * mouse first enters it), the "Start incident" menu is made when first asked for, and the status icon is the
 * word's graphic rather than a node of its own in a box of its own. The cells a list makes before its first rows are
 * drawn show the status, name, address and reason only; their {@link ServiceCellTail} (chips, sparkline, numbers,
 * button) comes at the {@link CellFill}, into a box of its final width that was there from the start, so nothing moves.
 */
final class ServiceCell extends ListCell<ServiceRow> {
    /** The row's height in pixels: .service-row's min-height plus the list cell's border, as laid out unfixed. */
    static final double HEIGHT = 59;
    /**
     * Below this width the row leaves out its sparkline (the detail's chart shows the history) and its title column
     * narrows, so the reason keeps a readable width: 1366x768 at a 1.5 scale left it none, only "…".
     */
    static final double NARROW = 770;
    private static final PseudoClass NARROW_ROW = PseudoClass.getPseudoClass("narrow");
    private static final PseudoClass WITH_DEPENDENCIES = PseudoClass.getPseudoClass("dependencies");
    private final DashboardViewModel model;
    private final Tips tips;
    private final Label word = new Label();
    private final Label name = new Label();
    private final Label address = new Label();
    private final Label reason = new Label();
    private final VBox middle;
    /**
     * The chips' line until the cell is filled, as tall as it (dashboard.css), held for a row that reports
     * dependencies: the reason sits where it will stay once the chips come.
     */
    private final Region chipsPlace = new Region();
    /** The tail's place, as wide as the tail: empty until the cell is filled. */
    private final HBox tailBox = new HBox(10);
    /** {@code null} until the cell is filled. */
    private ServiceCellTail tail;
    private final HBox box;
    private final InvalidationListener refresh = o -> render();
    private final InvalidationListener tick = o -> renderClock();
    private ContextMenu incidentMenu;
    /** The row the menu was opened on. */
    private ServiceRow menuFor;
    private ServiceRow bound;
    private Status shownState;
    private List<ProbeResult> shownHistory;

    /** A cell with tooltips of its own: tests, and lists of one. */
    ServiceCell(DashboardViewModel model) {
        this(model, new Tips(), CellFill.filled());
    }

    /**
     * @param tips the list's tooltips, shared by its cells
     * @param fill when the cell gets its tail: at once when already filled
     */
    ServiceCell(DashboardViewModel model, Tips tips, CellFill fill) {
        this.model = model;
        this.tips = tips;
        getStyleClass().add("service-cell");
        setPrefWidth(0); // as wide as the list, never wider: long reasons wrap, then are cut with an ellipsis, no side scrolling
        Region stripe = new Region();
        stripe.getStyleClass().add("status-stripe");
        // One label for icon and word: what a VBox holding a StackPane and a label showed, in one node.
        word.getStyleClass().addAll("status-word", "status-box");
        word.setContentDisplay(ContentDisplay.TOP);
        word.setGraphicTextGap(2);
        word.setAlignment(Pos.CENTER);
        name.getStyleClass().add("service-name");
        address.getStyleClass().add("service-address");
        VBox title = new VBox(2, name, address);
        title.getStyleClass().add("service-title");
        reason.getStyleClass().add("service-reason");
        // Two lines where the row has no dependency chips under it (dashboard.css unwraps it over them).
        reason.setWrapText(true);
        reason.fontProperty().addListener((obs, old, font) -> reason.setMaxHeight(twoLines(font)));
        reason.setMaxHeight(twoLines(reason.getFont()));
        chipsPlace.getStyleClass().add("dependency-place");
        chipsPlace.setManaged(false);
        middle = new VBox(3, reason, chipsPlace);
        middle.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);
        tailBox.setAlignment(Pos.CENTER_RIGHT);
        tailBox.getStyleClass().add("service-tail");
        box = new HBox(10, stripe, word, title, middle, tailBox);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("service-row");
        model.clockProperty().addListener(new WeakInvalidationListener(tick));
        widthProperty().addListener((obs, old, w) -> narrow(w.doubleValue() < NARROW));
        if (fill.isFilled()) {
            fill();
        } else {
            fill.await(this);
        }
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> hovered());
        // A filter runs before Control's own handler, which shows whatever menu the cell has by then.
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menuFor = bound; // the rows re-sort while the menu is open: the cell may show another service by the click
            setContextMenu(offersIncident() ? incidentMenu() : null);
        });
    }

    /** The mouse is over this cell: the list's tooltips follow it. */
    private void hovered() {
        tips.over = this;
        if (bound != null && getTooltip() == null) {
            setTooltip(tips.row());
        }
        if (bound != null && tail != null && tail.check.getTooltip() == null) {
            tail.check.setTooltip(tips.check());
        }
    }

    /** Adds the tail (chips, sparkline, numbers, button) and shows the bound row in it. Once. */
    void fill() {
        if (tail != null) {
            return;
        }
        tail = new ServiceCellTail(() -> {
            if (bound != null) {
                model.checkNow(bound);
            }
        });
        middle.getChildren().set(middle.getChildren().indexOf(chipsPlace), tail.dependencies);
        tailBox.getChildren().addAll(tail.sparkline, tail.numbers, tail.check);
        narrow(getPseudoClassStates().contains(NARROW_ROW));
        shownHistory = null;
        render();
        if (tips.over == this && isHover()) {
            hovered();
        }
    }

    /**
     * The height of two lines of {@code font}, and a few pixels: a label's wrapped lines came out a pixel taller each
     * than a text's, and one short of room drops the second line. Three lines never fit.
     */
    private static double twoLines(javafx.scene.text.Font font) {
        javafx.scene.text.Text two = new javafx.scene.text.Text("Hg\nHg");
        two.setFont(font);
        return Math.ceil(two.getLayoutBounds().getHeight()) + font.getSize() / 3;
    }

    /** Leaves the sparkline out of a narrow row (dashboard.css narrows its tail and title to match). */
    private void narrow(boolean narrow) {
        pseudoClassStateChanged(NARROW_ROW, narrow);
        if (tail != null) {
            tail.sparkline.setVisible(!narrow);
            tail.sparkline.setManaged(!narrow);
        }
    }

    private boolean offersIncident() {
        return bound != null && model.actions().incidentStarterProperty().get() != null
                && (bound.state() == Status.DOWN || bound.state() == Status.DEGRADED);
    }

    private ContextMenu incidentMenu() {
        if (incidentMenu == null) {
            MenuItem start = new MenuItem("Start incident", Icons.of(Feather.ALERT_OCTAGON));
            start.setOnAction(e -> model.actions().startIncident(menuFor));
            incidentMenu = new ContextMenu(start);
        }
        return incidentMenu;
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
            if (tail != null) {
                tail.check.setTooltip(null);
            }
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
        render();
        if (tips.over == this && isHover()) {
            hovered();
        }
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
            word.setGraphic(StatusLook.icon(state));
            word.setText(StatusLook.word(state));
            shownState = state;
        }
        name.setText(bound.name());
        address.setText(bound.spec().address() + " · " + bound.spec().probe().kind());
        String why = bound.reason();
        reason.setText(why);
        if (tips.over == this && getTooltip() != null && getTooltip().isShowing()) {
            getTooltip().setText(tooltipText());
        }
        pseudoClassStateChanged(WITH_DEPENDENCIES, !s.last().dependencies().isEmpty());
        if (tail == null) {
            chipsPlace.setManaged(!s.last().dependencies().isEmpty());
            return;
        }
        tail.dependencies.show(s.last().dependencies());
        if (s.history() != shownHistory) {
            shownHistory = s.history();
            tail.sparkline.draw(shownHistory);
        }
        tail.latency.setText(s.last().status().answering() ? StatusLook.latency(s.last().latency()) : "–");
        tail.check.setDisable(bound.checkingProperty().get());
        renderClock();
    }

    String tooltipText() {
        if (bound == null) {
            return "";
        }
        ServiceStatus s = bound.snapshot();
        return bound.name() + ": " + s.status().name() + "\n" + bound.reason() + "\n" + bound.probeText()
                + (s.since() == null ? "" : "\nsince " + s.since());
    }

    private void renderClock() {
        if (bound != null && tail != null) {
            tail.checked.setText(bound.checkingProperty().get() ? "checking…"
                    : StatusLook.ago(bound.snapshot().last().checkedAt(), model.clockProperty().get()));
        }
    }

    /**
     * The tooltips of one list's cells, made at the first hover of any of them (a tooltip is a popup window with
     * a style pass of its own: a few of them per cell made the list's first showing the FX thread's longest
     * stretch). The row tooltip is written, when it shows, from the cell the mouse last entered.
     */
    static final class Tips {
        private Tooltip row;
        private Tooltip check;
        private ServiceCell over;

        Tooltip row() {
            if (row == null) {
                row = new Tooltip();
                row.setShowDelay(javafx.util.Duration.millis(300));
                row.setWrapText(true);
                row.setMaxWidth(520);
                // Written when shown, not at every check: formatting the "since" time was the costliest part of a render.
                row.setOnShowing(e -> row.setText(over == null ? "" : over.tooltipText()));
            }
            return row;
        }

        Tooltip check() {
            if (check == null) {
                check = new Tooltip("Check now");
            }
            return check;
        }
    }
}
