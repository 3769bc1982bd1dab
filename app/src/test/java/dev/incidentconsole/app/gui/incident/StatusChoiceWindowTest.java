package dev.incidentconsole.app.gui.incident;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Headless window: the incident's status and severity change only when a choice is committed (Enter or a
 * click). Arrowing through the list, open or closed, records nothing: in the issue it recorded three status
 * changes in a second and gave the postmortem false Acknowledged and Mitigated times.
 */
@ExtendWith(ApplicationExtension.class)
class StatusChoiceWindowTest {
    @TempDir
    Path dir;

    private FxTaskExecutor executor;
    private IncidentStore store;
    private IncidentViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor(2);
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        model = new IncidentViewModel(executor, Platform::runLater, () -> store, "alice");
        IncidentsView view = new IncidentsView(model, new WalkRunbook.ScriptedDialogs(), dir);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        model.start(IncidentDraft.of("Orders API down", Severity.P2), i -> { });
    }

    @Stop
    void stop() {
        model.close();
        executor.close();
        store.close();
    }

    @Test
    void arrowingThroughStatusRecordsNothingUntilEnter(FxRobot robot) throws Exception {
        ComboBox<Status> status = WindowSteps.awaitShown(robot, "#status-combo");
        awaitFx(() -> assertThat(status.getValue()).isEqualTo(Status.INVESTIGATING));

        WindowSteps.click(robot, "#status-combo");
        awaitFx(() -> assertThat(status.isShowing()).isTrue());
        robot.type(KeyCode.DOWN, 3);
        awaitFx(() -> assertThat(status.getValue()).as("the list shows where the arrows went").isEqualTo(Status.RESOLVED));
        robot.type(KeyCode.UP);
        awaitFx(() -> assertThat(status.getValue()).isEqualTo(Status.MITIGATED));
        settle(robot);
        assertThat(changes()).as("nothing recorded while arrowing").isEmpty();

        robot.type(KeyCode.ENTER);
        await().atMost(WindowSteps.PATIENCE).untilAsserted(() -> assertThat(changes()).containsExactly("status investigating -> mitigated"));
        awaitFx(() -> assertThat(model.timeline().incidentProperty().get().status()).isEqualTo(Status.MITIGATED));

        // Closed: the arrows move the shown value; leaving the box without Enter puts the recorded one back.
        robot.interact(status::requestFocus);
        awaitFx(() -> assertThat(status.isFocused()).isTrue());
        robot.type(KeyCode.DOWN);
        awaitFx(() -> assertThat(status.getValue()).isNotEqualTo(Status.MITIGATED));
        robot.interact(() -> robot.lookup("#timeline-note").query().requestFocus());
        awaitFx(() -> assertThat(status.getValue()).isEqualTo(Status.MITIGATED));
        settle(robot);
        assertThat(changes()).containsExactly("status investigating -> mitigated");
        assertThat(fx(() -> model.timeline().incidentProperty().get().acknowledgedAt())).isNotNull();
    }

    @Test
    void aClickedSeverityIsRecordedOnceAndTheListShowsResponseTimes(FxRobot robot) throws Exception {
        ComboBox<Severity> severity = WindowSteps.awaitShown(robot, "#severity-combo");
        awaitFx(() -> assertThat(severity.getValue()).isEqualTo(Severity.P2));

        WindowSteps.click(robot, "#severity-combo");
        awaitFx(() -> assertThat(severity.isShowing()).isTrue());
        ListCell<?> p1 = WindowSteps.awaitShown(robot, ".list-cell",
                n -> n instanceof ListCell<?> c && c.getItem() == Severity.P1);
        assertThat(fx(p1::getText)).isEqualTo("P1 \u00b7 high, respond within 15 minutes");
        robot.type(KeyCode.DOWN); // passes over P3 and back: nothing yet
        robot.type(KeyCode.UP);
        settle(robot);
        assertThat(changes()).isEmpty();
        WindowSteps.click(robot, ".list-cell", n -> n instanceof ListCell<?> c && c.getItem() == Severity.P1);

        await().atMost(WindowSteps.PATIENCE).untilAsserted(() -> assertThat(changes()).containsExactly("severity P2 -> P1"));
        awaitFx(() -> assertThat(severity.isShowing()).isFalse());
        settle(robot);
        assertThat(changes()).containsExactly("severity P2 -> P1");
    }

    /** Status and severity entries in the store, as one line each. */
    private List<String> changes() throws Exception {
        return store.entries(store.list(false).get(0).id(), 0).stream()
                .filter(e -> e.body() instanceof EntryBody.StatusChanged || e.body() instanceof EntryBody.SeverityChanged)
                .map(TimelineEntry::body)
                .map(b -> b instanceof EntryBody.StatusChanged s ? "status " + s.from().label() + " -> " + s.to().label()
                        : "severity " + ((EntryBody.SeverityChanged) b).from() + " -> " + ((EntryBody.SeverityChanged) b).to())
                .toList();
    }

    /** Lets every append the keys might have started reach the store. */
    private void settle(FxRobot robot) {
        awaitFx(() -> assertThat(model.timeline().pendingProperty().get()).isZero());
        robot.sleep(300);
        awaitFx(() -> assertThat(model.timeline().pendingProperty().get()).isZero());
    }
}
