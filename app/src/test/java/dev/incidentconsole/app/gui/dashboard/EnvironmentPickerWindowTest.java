package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.schedule.HealthScheduler;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The environment picker in the window's look: the shown name is drawn whole (the try-out read "runbook port t..." at
 * 1366x768 and 1.5, the picker a fixed 170 px), a short one keeps the picker at its 170 px (wider, it wrapped the
 * dashboard's toolbar), and a name longer than the picker's most is cut in its middle, its end still shown.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentPickerWindowTest {
    private static final String LONG = "production-eu-west-1-payments-cluster-blue-" + "x".repeat(40) + "-green";

    @RegisterExtension
    final DashboardFixture fixture = new DashboardFixture();

    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
    }

    @Test
    void thePortTablesAreNamedWhole(FxRobot robot) {
        ComboBox<String> picker = show(fixture.open(HealthScheduler.builder().build(), null, null));

        awaitFx(() -> {
            assertThat(drawn(picker)).isEqualTo("runbook port tables");
            assertThat(picker.getWidth()).isLessThanOrEqualTo(EnvironmentPicker.MOST);
        });
    }

    @Test
    void aShortNameKeepsThePickersLeastWidthAndALongOneIsCutInItsMiddle(FxRobot robot) throws Exception {
        DashboardViewModel model = fixture.open(HealthScheduler.builder().build(), fixture.env("""
                environments:
                  local: {services: [{name: a, port: 1, interval: 365d}]}
                  %s: {services: [{name: b, port: 2, interval: 365d}]}
                """.formatted(LONG)), "local");
        ComboBox<String> picker = show(model);
        awaitFx(() -> {
            assertThat(drawn(picker)).isEqualTo("local");
            assertThat(picker.getWidth()).isEqualTo(EnvironmentPicker.LEAST);
        });

        robot.interact(() -> picker.setValue(LONG));

        awaitFx(() -> {
            assertThat(picker.getWidth()).isEqualTo(EnvironmentPicker.MOST);
            assertThat(drawn(picker)).startsWith("production-eu").contains(picker.getButtonCell().getEllipsisString()).endsWith("x-green");
        });
    }

    private ComboBox<String> show(DashboardViewModel model) {
        return fx(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            ComboBox<String> picker = EnvironmentPicker.create(model.environment());
            Scene scene = new Scene(new FlowPane(picker), 900, 200);
            scene.getStylesheets().add(Objects.requireNonNull(
                    dev.incidentconsole.app.gui.ConsoleApp.class.getResource("app.css")).toExternalForm());
            scene.getStylesheets().add(Objects.requireNonNull(
                    DashboardView.class.getResource("dashboard.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            return picker;
        });
    }

    /** The text the picker's shown cell draws (a cut name has "..." in it); called on the FX thread. */
    private static String drawn(ComboBox<String> picker) {
        picker.applyCss();
        picker.getParent().layout();
        return ((Text) picker.getButtonCell().lookup(".text")).getText();
    }
}
