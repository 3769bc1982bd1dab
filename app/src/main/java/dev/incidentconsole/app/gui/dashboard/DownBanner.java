package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The DOWN notice, drawn inside the window over the current view's top right corner: which services went down
 * and why. It was ControlsFX's popup, a second native window whose creation, mapping, stylesheet and icons took
 * ~185 ms of the FX thread right after the first statuses (more on a loaded machine). Clicking it opens the
 * dashboard; it goes after {@link #SHOWN} or when closed. A newer notice replaces it.
 */
final class DownBanner extends HBox {
    /** How long a notice stays, as the popup did. */
    static final Duration SHOWN = Duration.seconds(10);

    private final PauseTransition timer = new PauseTransition(SHOWN);

    /** @param openDashboard shows the dashboard (clicking the notice) */
    DownBanner(List<ServiceRow> down, Runnable openDashboard) {
        getStyleClass().add("down-notice");
        setAlignment(Pos.TOP_LEFT);
        setSpacing(10);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Label title = new Label(DownNotices.title(down));
        title.getStyleClass().add("down-notice-title");
        Label text = new Label(DownNotices.text(down));
        text.getStyleClass().add("down-notice-text");
        VBox words = new VBox(4, title, text);
        Button close = new Button(null, Icons.of(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "down-notice-close");
        close.setOnAction(e -> dismiss());
        // A button leaves its click to bubble: the notice's own handler would open the dashboard too.
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, Event::consume);
        getChildren().addAll(Icons.of(Feather.ALERT_OCTAGON, "icon-danger"), words, close);
        setOnMouseClicked(e -> {
            openDashboard.run();
            dismiss();
        });
        timer.setOnFinished(e -> dismiss());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                timer.playFromStart();
            } else {
                timer.stop();
            }
        });
    }

    /** Takes the notice off the window. */
    void dismiss() {
        timer.stop();
        if (getParent() instanceof javafx.scene.layout.Pane parent) {
            parent.getChildren().remove(this);
        }
    }
}
