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
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.effect.DropShadow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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

    @Start
    void start(Stage stage) {
        run = new Button("Run");
        skip = new Button("Skip");
        skip.getStyleClass().add(atlantafx.base.theme.Styles.FLAT); // a flat button: its ring cannot be a shadow
        note = new TextField();
        Scene scene = new Scene(new VBox(12, run, skip, note), 300, 200);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void lightAgain() {
        fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
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
