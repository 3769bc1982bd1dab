package dev.incidentconsole.app.gui.util;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Page Down and Page Up in a long page move it by most of a screen, not JavaFX's tenth of one. */
@ExtendWith(ApplicationExtension.class)
class PageKeysWindowTest {
    private static final double VIEW = 400;
    private static final double CONTENT = 4000;

    private ScrollPane pane;
    private TextArea note;

    @Start
    void start(Stage stage) {
        Region tall = new Region();
        tall.setMinHeight(CONTENT - 100);
        note = new TextArea("a note\nwith lines");
        note.setPrefHeight(100);
        pane = new ScrollPane(new VBox(note, tall));
        pane.setFitToWidth(true);
        PageKeys.install(pane);
        stage.setScene(new Scene(pane, 300, VIEW));
        stage.show();
    }

    @Test
    void pageDownMovesTheViewByMostOfItsHeightAndPageUpBack(FxRobot robot) {
        fx(() -> {
            pane.requestFocus();
            return null;
        });
        awaitFx(() -> assertThat(pane.isFocused()).isTrue());

        double view = fx(() -> pane.getViewportBounds().getHeight());
        robot.type(KeyCode.PAGE_DOWN);
        awaitFx(() -> assertThat(shownTop()).isBetween(0.85 * view, view));
        robot.type(KeyCode.PAGE_DOWN);
        awaitFx(() -> assertThat(shownTop()).isBetween(1.7 * view, 2 * view));

        robot.type(KeyCode.PAGE_UP);
        awaitFx(() -> assertThat(shownTop()).isBetween(0.85 * view, view));
    }

    @Test
    void pageDownInATextAreaStaysTheTextAreas(FxRobot robot) {
        fx(() -> {
            note.requestFocus();
            return null;
        });
        awaitFx(() -> assertThat(note.isFocused()).isTrue());

        robot.type(KeyCode.PAGE_DOWN);

        awaitFx(() -> assertThat(shownTop()).isZero());
    }

    /** How far down the content the view's top edge is, in pixels. */
    private double shownTop() {
        double hidden = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        return pane.getVvalue() * hidden;
    }
}
