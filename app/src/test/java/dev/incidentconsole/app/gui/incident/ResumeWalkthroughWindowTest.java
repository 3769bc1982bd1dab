package dev.incidentconsole.app.gui.incident;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Headless window, as after a restart: an incident selected in the list offers back the walkthrough its timeline shows
 * was walked (the try-out found it only came back when the incident was joined again from the section), and not the
 * section that was only linked.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeWalkthroughWindowTest {
    private static final RunbookLink WALKED = new RunbookLink("web.md", List.of("Web", "Backend failing"));
    private static final RunbookLink ONLY_LINKED = new RunbookLink("db.md", List.of("Database", "Replication lag"));

    @TempDir
    Path dir;

    private final List<RunbookLink> resumed = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private IncidentStore store;
    private IncidentViewModel model;
    private Incident incident;

    @Start
    void start(Stage stage) throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incident = store.create(IncidentDraft.of("Checkout 502s", Severity.P1), "alice");
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.RunbookLinked(ONLY_LINKED)));
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.RunbookLinked(WALKED)));
        store.append(TimelineEntry.create(incident.id(), "alice", new EntryBody.StepFinished("echo diag-output", "local", 0,
                12, "diag-output", null), new StepRef("web.md", List.of("Web", "Backend failing"), 12), Clock.systemUTC()));
        executor = new FxTaskExecutor(2);
        model = new IncidentViewModel(executor, Platform::runLater, () -> store, "alice");
        IncidentsView view = new IncidentsView(model, new WalkRunbook.ScriptedDialogs(), dir);
        view.setOnResume((shown, link) -> resumed.add(link));
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        model.selectWhenLoaded(incident.id());
        model.refresh();
    }

    @Stop
    void stop() {
        model.close();
        executor.close();
        store.close();
    }

    @Test
    void selectingAnIncidentOffersBackTheWalkthroughStartedOnIt(FxRobot robot) {
        Button resume = WindowSteps.awaitShown(robot, ".resume-walkthrough");
        awaitFx(() -> assertThat(robot.lookup(".resume-walkthrough").queryAllAs(Button.class)).extracting(Button::getText)
                .containsExactly("Resume walkthrough: Backend failing"));

        WindowSteps.click(robot, ".resume-walkthrough");

        awaitFx(() -> assertThat(resumed).containsExactly(WALKED));
        assertThat(resume.getTooltip().getText()).contains("web.md");
    }
}
