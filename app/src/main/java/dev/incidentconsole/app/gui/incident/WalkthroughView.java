package dev.incidentconsole.app.gui.incident;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.Focus;
import dev.incidentconsole.app.gui.util.PageKeys;
import dev.incidentconsole.app.gui.run.RunFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A procedure's steps as cards ({@link WalkStepCard}), and "wait until UP" when no verification step has it. */
final class WalkthroughView extends ScrollPane {
    private final List<WalkStepCard> cards = new ArrayList<>();

    WalkthroughView(WalkthroughViewModel model) {
        getStyleClass().add("walkthrough-view");
        // The run panel's look (target picker, production badge, placeholder chips) for the same controls here.
        getStylesheets().add(Objects.requireNonNull(RunFeature.class.getResource("run.css")).toExternalForm());
        getStylesheets().add(Objects.requireNonNull(WalkthroughView.class.getResource("walkthrough.css")).toExternalForm());
        setFitToWidth(true);
        PageKeys.install(this);
        Label caption = new Label("WALKTHROUGH");
        caption.getStyleClass().add("pane-caption");
        Label title = new Label(model.procedure().title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        String about = model.service() == null ? "" : " \u00b7 for " + model.service().name()
                + (model.service().environment().isEmpty() ? "" : " in " + model.service().environment());
        Label where = new Label(model.runbook().file().getFileName() + about + " \u00b7 each step runs on the target chosen on it",
                Icons.of(Feather.FILE_TEXT));
        where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        where.setWrapText(true);
        Label blocked = new Label("", Icons.of(Feather.LOCK));
        blocked.setId("walkthrough-blocked");
        blocked.textProperty().bind(model.runBlockedProperty());
        blocked.visibleProperty().bind(model.runBlockedProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        blocked.getStyleClass().add(Styles.WARNING);
        blocked.setWrapText(true);
        VBox page = new VBox(12, caption, title, where, blocked);
        page.getStyleClass().add("walkthrough-page");
        if (model.steps().isEmpty()) {
            Label none = new Label("This section has no commands to run; use the timeline to note what you do.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            page.getChildren().add(none);
        }
        for (int i = 0; i < model.steps().size(); i++) {
            int next = i + 1;
            WalkStepCard card = new WalkStepCard(model, model.steps().get(i), i, () -> focusOpenStep(next));
            cards.add(card);
            page.getChildren().add(card);
        }
        if (model.finalWait() != null) {
            Label check = new Label("Verification", Icons.of(Feather.CHECK_CIRCLE));
            check.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            VBox card = new VBox(6, check, waitRow(model, null, model.finalWait(), "wait-final"));
            card.getStyleClass().add("walk-step");
            page.getChildren().add(card);
        }
        setContent(page);
        // A walkthrough just opened has the keyboard: the dialog that started it closes, and the focus would fall
        // back to the search field, whose results then cover the steps.
        Focus.whenShown(this, () -> Platform.runLater(() -> focusOpenStep(0)));
    }

    /** Focuses the first step from {@code from} on that is still open (then from the top), scrolled into view. */
    private void focusOpenStep(int from) {
        for (int k = 0; k < cards.size(); k++) {
            WalkStepCard card = cards.get((from + k) % cards.size());
            if (card.open()) {
                card.takeFocus();
                Bounds at = card.getBoundsInParent();
                double hidden = getContent().getBoundsInLocal().getHeight() - getViewportBounds().getHeight();
                if (hidden > 0) {
                    setVvalue(Math.min(1, Math.max(0, at.getMinY() / hidden)));
                }
                return;
            }
        }
    }

    /**
     * "Wait until X is UP" with Cancel and a line on how the wait goes; the button is disabled whenever
     * {@link WalkthroughViewModel#canWait} says so (a resolved incident included).
     */
    static Node waitRow(WalkthroughViewModel walk, WalkStep step, ServiceWait wait, String id) {
        Button start = new Button("Wait until " + wait.service() + " is UP", Icons.of(Feather.CLOCK));
        start.setId(id);
        start.setTooltip(new Tooltip("Follows the dashboard for up to " + WalkthroughViewModel.DEFAULT_WAIT.toMinutes()
                + " min; when " + wait.service() + " is UP the step is marked done and the time noted on the timeline"));
        start.setOnAction(e -> walk.startWait(step, wait));
        start.disableProperty().bind(walk.canWait(wait).not());
        Button cancel = new Button("Stop waiting", Icons.of(Feather.X));
        cancel.setId(id + "-cancel");
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(e -> wait.cancel());
        WalkStepCard.shownWhen(cancel, wait.stateProperty().isEqualTo(ServiceWait.State.WAITING));
        Label message = new Label();
        message.setId(id + "-message");
        message.textProperty().bind(wait.messageProperty());
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        message.setWrapText(true);
        HBox row = new HBox(8, start, cancel, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
