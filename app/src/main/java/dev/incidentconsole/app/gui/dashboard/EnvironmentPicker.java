package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.ServiceSources;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The dashboard's environment picker: as wide as the name it shows, at least {@link #LEAST} and at most {@link #MOST}
 * px. A fixed 170 px read "runbook port t..." at 1366x768 and 1.5; as wide as its longest name (the popup's), it
 * wrapped the toolbar even while a short name was shown. A name longer than {@link #MOST} is cut in its middle, so
 * that "prod-eu-west-1" and "prod-eu-west-2" still differ, and is whole in the tooltip and the popup.
 */
final class EnvironmentPicker {
    static final double LEAST = 170;
    static final double MOST = 360;

    private EnvironmentPicker() {
    }

    static ComboBox<String> create(EnvironmentState state) {
        ComboBox<String> picker = new ComboBox<>(state.names());
        picker.getStyleClass().add("environment-picker");
        // Not bound both ways: a combo box clears its value when its items change, which must not switch environment.
        picker.setValue(state.nameProperty().get());
        state.nameProperty().addListener((obs, old, now) -> picker.setValue(now));
        // The skin may clear the value after every listener here ran, so put it back once they have.
        state.names().addListener((ListChangeListener<String>) c ->
                Platform.runLater(() -> picker.setValue(state.nameProperty().get())));
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                state.nameProperty().set(now);
            }
        });
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : ServiceSources.PORT_TABLES.equals(name) ? "runbook port tables" : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        picker.setCellFactory(v -> new EnvironmentCell(state));
        ListCell<String> shown = new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : picker.getConverter().toString(name));
            }
        };
        shown.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        picker.setButtonCell(shown);
        picker.setSkin(new ShownNameSkin(picker));
        Tooltip watched = new Tooltip();
        watched.textProperty().bind(picker.valueProperty().map(n -> "The environment whose services are watched: "
                + picker.getConverter().toString(n)).orElse("The environment whose services are watched"));
        picker.setTooltip(watched);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        return picker;
    }

    private static String label(EnvironmentState state, String name) {
        return ServiceSources.PORT_TABLES.equals(name) ? "runbook port tables"
                : state.isProduction(name) ? name + "  (production)" : name;
    }

    /** The list skin measures the popup's widest name; this one the shown name, within the bounds. */
    private static final class ShownNameSkin extends ComboBoxListViewSkin<String> {
        ShownNameSkin(ComboBox<String> picker) {
            super(picker);
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            Node arrow = getSkinnable().lookup(".arrow-button");
            double wanted = left + getDisplayNode().prefWidth(height) + (arrow == null ? 0 : arrow.prefWidth(height)) + right;
            return Math.max(LEAST, Math.min(MOST, Math.ceil(wanted)));
        }
    }

    /** An environment name in the popup, in red for production ones. */
    private static final class EnvironmentCell extends ListCell<String> {
        private final EnvironmentState state;

        EnvironmentCell(EnvironmentState state) {
            this.state = state;
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            getStyleClass().remove("production-environment");
            if (empty || name == null) {
                setText(null);
                return;
            }
            setText(label(state, name));
            if (state.isProduction(name)) {
                getStyleClass().add("production-environment");
            }
        }
    }
}
