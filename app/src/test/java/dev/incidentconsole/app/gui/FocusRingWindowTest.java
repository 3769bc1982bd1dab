package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextField;
import javafx.scene.effect.DropShadow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Tabbing shows where the keyboard is: the control a Tab reached has a ring in the theme's accent colour, in the
 * light and the dark theme, and the one it left has none (the try-out found no visible focus at all).
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingWindowTest {
    private Button run;
    private Button skip;
    private TextField note;
    private Button dangerous;
    private ToggleButton navEntry;
    private VBox card;
    private Button copy;
    private ListView<String> list;
    private CssWarnings css;

    @Start
    void start(Stage stage) {
        css = CssWarnings.collect();
        // the window always has a theme, whose colours (-color-accent-fg) the app's stylesheet looks up
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        run = new Button("Run");
        skip = new Button("Skip");
        skip.getStyleClass().add(atlantafx.base.theme.Styles.FLAT); // a flat button: its ring cannot be a shadow
        note = new TextField();
        dangerous = new Button("Run");
        dangerous.getStyleClass().add("run-button");
        dangerous.pseudoClassStateChanged(PseudoClass.getPseudoClass("dangerous"), true);
        navEntry = new ToggleButton("Runbooks");
        navEntry.getStyleClass().add("nav-button");
        navEntry.setSelected(true);
        VBox rail = new VBox(navEntry);
        rail.getStyleClass().add("nav-rail");
        copy = new Button("Copy");
        copy.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        card = new VBox(copy);
        card.getStyleClass().add("step-card");
        list = new ListView<>(FXCollections.observableArrayList("first", "second", "third"));
        list.setPrefHeight(140);
        Scene scene = new Scene(new VBox(12, run, skip, note, dangerous, rail, card, list), 320, 520);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("app.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("run/run.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopCollecting() {
        css.close();
    }

    @AfterAll
    static void lightAgain() {
        fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    @Test
    void everyColourTheStylesheetsLookUpResolves(FxRobot robot) {
        awaitFx(() -> assertThat(run.getScene().getWindow().isShowing()).isTrue());
        robot.interact(() -> run.getScene().getRoot().applyCss());

        assertThat(css.messages()).as("CSS warnings while the scene was styled").isEmpty();
    }

    @Test
    void theControlATabReachesHasAnAccentRingInBothThemesAndTheOneItLeftHasNone(FxRobot robot) {
        List<Color> rings = new ArrayList<>();
        for (String theme : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            fx(() -> {
                Application.setUserAgentStylesheet(theme);
                note.requestFocus();
                return null;
            });
            robot.push(KeyCode.SHIFT, KeyCode.TAB).push(KeyCode.SHIFT, KeyCode.TAB); // to Run, from the keyboard
            awaitFx(() -> {
                assertThat(run.isFocused()).isTrue();
                assertThat(ring(run)).as("the focused (plain) button").isNotNull();
            });
            Color plain = fx(() -> ring(run));
            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(skip.isFocused()).isTrue();
                assertThat(ring(skip)).as("the focused flat button").isEqualTo(plain);
                assertThat(ring(run)).as("the button the focus left").isNull();
            });
            rings.add(fx(() -> ring(skip)));
            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(note.isFocused()).isTrue();
                assertThat(ring(note)).as("the focused field").isEqualTo(rings.get(rings.size() - 1));
                assertThat(ring(skip)).isNull();
            });
        }
        assertThat(rings.get(0)).as("light and dark themes ring in their own accent").isNotEqualTo(rings.get(1));
        assertThat(rings).allSatisfy(c -> assertThat(c.getOpacity()).isEqualTo(1.0));
    }

    /**
     * A ring keeps the face it rings: the destructive Run button stays red, the selected rail entry keeps its
     * highlight, a flat button shows the card it sits on; and a list's ringed row keeps its size, while a click
     * into the list shows no ring at all.
     */
    @Test
    void aRingKeepsTheFaceItRingsAndMovesNoRow(FxRobot robot) {
        for (String theme : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            fx(() -> {
                Application.setUserAgentStylesheet(theme);
                list.getFocusModel().focus(0); // the first theme's click moved it
                note.requestFocus();
                return null;
            });
            awaitFx(() -> assertThat(note.isFocused()).isTrue());
            Paint red = fx(() -> face(dangerous, 0));
            Paint selected = fx(() -> face(navEntry, 0));
            Paint cardFace = fx(() -> face(card, 0));
            double rowHeight = fx(() -> cell(0).getHeight());
            double secondRowAt = fx(() -> cell(1).getLayoutY());

            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(dangerous.isFocused()).isTrue();
                assertThat(ring(dangerous)).as("the destructive Run button has a ring").isNotNull();
                assertThat(face(dangerous, 1)).as("and stays red inside it").isEqualTo(red);
            });
            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(navEntry.isFocused()).isTrue();
                assertThat(ring(navEntry)).isNotNull();
                assertThat(face(navEntry, 1)).as("the selected rail entry keeps its highlight").isEqualTo(selected);
            });
            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(copy.isFocused()).isTrue();
                assertThat(ring(copy)).isNotNull();
                assertThat(face(copy, 1)).as("a flat button shows the card under it").isEqualTo(cardFace);
            });
            Color accent = fx(() -> ring(copy));
            assertThat(fx(() -> rowRing(cell(0)))).as("no row is ringed before the list has the keyboard").isNull();
            robot.push(KeyCode.TAB);
            awaitFx(() -> {
                assertThat(list.isFocused()).isTrue();
                assertThat(rowRing(cell(0))).as("the focused row is ringed").isEqualTo(accent);
                assertThat(cell(0).getHeight()).as("and keeps its size").isEqualTo(rowHeight);
                assertThat(cell(1).getLayoutY()).as("the rows below do not move").isEqualTo(secondRowAt);
            });

            fx(() -> {
                note.requestFocus();
                return null;
            });
            robot.clickOn(fx(() -> cell(1)));
            awaitFx(() -> {
                assertThat(list.isFocused()).isTrue();
                assertThat(list.isFocusVisible()).as("focus from a click is not focus-visible").isFalse();
                assertThat(rowRing(cell(1))).as("a click rings no row").isNull();
            });
        }
    }

    /** The fill of a region's background layer {@code layer}. Call on the FX thread. */
    private static Paint face(javafx.scene.layout.Region region, int layer) {
        region.applyCss();
        return region.getBackground().getFills().get(layer).getFill();
    }

    /** The colour of a list row's ring: its border's, when that is opaque; else null. Call on the FX thread. */
    private static Color rowRing(ListCell<?> cell) {
        cell.applyCss();
        return cell.getBorder() != null && !cell.getBorder().getStrokes().isEmpty()
                && cell.getBorder().getStrokes().get(0).getTopStroke() instanceof Color c && c.getOpacity() == 1.0
                && cell.getBorder().getStrokes().get(0).getWidths().getTop() > 0 ? c : null;
    }

    /** The list's cell showing row {@code index}. Call on the FX thread. */
    private ListCell<?> cell(int index) {
        list.applyCss();
        list.layout();
        return list.lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getIndex() == index).findFirst().orElseThrow();
    }

    /**
     * The ring's colour, or null when the node has none: a button's outer background layer when it is not the one
     * of the same button unfocused, else a shadow around the node.
     */
    private static Color ring(Node node) {
        node.applyCss();
        if (node instanceof javafx.scene.layout.Region r && r.getBackground() != null
                && r.getBackground().getFills().size() >= 2
                && r.getBackground().getFills().get(0).getFill() instanceof Color outer
                && r.getBackground().getFills().get(1).getInsets().getTop() >= 2) {
            return outer;
        }
        return node.getEffect() instanceof DropShadow shadow && shadow.getColor() != null ? shadow.getColor() : null;
    }
}
