package dev.incidentconsole.bench.startup;

import dev.incidentconsole.app.gui.MainView;
import dev.incidentconsole.app.gui.MainViewModel;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.WindowOpening;
import dev.incidentconsole.app.gui.dashboard.DashboardFeature;
import dev.incidentconsole.app.gui.incident.IncidentFeature;
import dev.incidentconsole.app.gui.run.RunFeature;
import dev.incidentconsole.app.gui.search.SearchFeature;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The rungs between an empty JavaFX window and ours, each a window of our size that draws text at its first
 * pulse: what the text stack, the controls with JavaFX's own theme (Modena), our theme (AtlantaFX's Primer and
 * {@code app.css}), our frame (top bar and rail) and a dashboard of plain labels each add to the start. Started
 * by {@link StartupProbe} under the rung's name; {@code empty} is {@link StartupProbe.EmptyApp}, {@code ours} the
 * app itself.
 */
final class FloorLadder {
    /** The rungs in order, by the name the probe takes, each with what it adds to the one before. */
    static final Map<String, String> RUNGS = new java.util.LinkedHashMap<>();

    static {
        RUNGS.put("empty", "(a) empty StackPane");
        RUNGS.put("label-modena", "(b) one Label, Modena");
        RUNGS.put("label-theme", "(c) one Label, our theme");
        RUNGS.put("frame", "(d) our frame (top bar, rail), our theme");
        RUNGS.put("frame-rows", "(e) frame + 12 rows of plain Labels");
        RUNGS.put("ours", "(f) ours");
    }

    private FloorLadder() {
    }

    /** The application class a ladder rung starts, or {@code null} for {@code ours} (started as Main starts it). */
    static Class<? extends Application> app(String rung) {
        return switch (rung) {
            case "empty" -> StartupProbe.EmptyApp.class;
            case "label-modena" -> LabelModena.class;
            case "label-theme" -> LabelTheme.class;
            case "frame" -> Frame.class;
            case "frame-rows" -> FrameRows.class;
            case "ours" -> null;
            default -> throw new IllegalArgumentException("no such rung: " + rung + " (one of " + RUNGS.keySet() + ")");
        };
    }

    /** Whether the rung's content is a dashboard row's service name (as ours), rather than its first frame. */
    static boolean hasRows(String rung) {
        return rung.equals("ours") || rung.equals("frame-rows");
    }

    private static void show(Stage stage, Parent root, boolean ourTheme) {
        Scene scene = new Scene(root, 1360, 860);
        if (ourTheme) {
            scene.getStylesheets().add(WindowOpening.appStylesheet());
        }
        stage.setScene(scene);
        stage.setTitle("ladder");
        stage.show();
    }

    /** (b): the first control loads JavaFX's own theme. */
    public static final class LabelModena extends Application {
        @Override
        public void start(Stage stage) {
            show(stage, new StackPane(new Label("payments-api")), false);
        }
    }

    /** (c): the same label under our theme. */
    public static final class LabelTheme extends Application {
        @Override
        public void start(Stage stage) {
            WindowOpening.applyTheme(false);
            show(stage, new StackPane(new Label("payments-api")), true);
        }
    }

    /** (d): our frame as the app builds it, every view a skeleton. */
    public static final class Frame extends Application {
        @Override
        public void start(Stage stage) {
            WindowOpening.applyTheme(false);
            show(stage, frame(), true);
        }
    }

    /** (e): the frame with the dashboard's place showing 12 rows of one plain label each. */
    public static final class FrameRows extends Application {
        @Override
        public void start(Stage stage) {
            WindowOpening.applyTheme(false);
            MainView view = frame();
            VBox rows = new VBox(4);
            for (int i = 1; i <= 12; i++) {
                Label name = new Label("service-" + i);
                name.getStyleClass().add("service-name");
                rows.getChildren().add(name);
            }
            view.register(DashboardFeature.PLACE, () -> rows);
            show(stage, view, true);
        }
    }

    private static MainView frame() {
        MainView view = new MainView(new MainViewModel());
        // The app's places, as ConsoleApp reserves them.
        for (Destination place : List.of(DashboardFeature.PLACE, new Destination("runbooks", "Runbooks", Feather.BOOK_OPEN),
                SearchFeature.BROWSE, IncidentFeature.DESTINATION, RunFeature.PLACE)) {
            view.reserve(place);
        }
        return view;
    }
}
