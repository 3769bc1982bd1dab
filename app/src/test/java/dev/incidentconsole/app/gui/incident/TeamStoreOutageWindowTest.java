package dev.incidentconsole.app.gui.incident;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Headless window started while its team store (a real embedded PostgreSQL) is down: it opens, says where the store
 * is unreachable, takes a note typed into the timeline, and sends it when the database is back.
 */
@ExtendWith(ApplicationExtension.class)
class TeamStoreOutageWindowTest {
    @TempDir
    Path dir;
    private RestartablePostgres pg;
    private FxTaskExecutor executor;
    private IncidentViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        pg = RestartablePostgres.start(dir.resolve("pg"));
        SettingsStore settings = new SettingsStore(dir.resolve("config/settings.json"));
        settings.update(s -> s.withStore(pg.url(), "postgres"));
        pg.stop();
        executor = new FxTaskExecutor(2);
        StoreSettingsViewModel stores = new StoreSettingsViewModel(executor, Platform::runLater, settings,
                dir.resolve("data"), null, name -> null);
        model = new IncidentViewModel(executor, Platform::runLater, stores::open, "alice");
        model.followStore();
        model.attach(stores);
        stage.setScene(new Scene(new IncidentsView(model, new WalkRunbook.ScriptedDialogs(), dir), 1200, 700));
        stage.show();
        model.refresh();
    }

    @Stop
    void stop() throws Exception {
        model.close();
        executor.close();
        pg.close();
    }

    @Test
    void theWindowOpensDuringTheOutageSaysWhereAndSendsTheTypedNoteWhenTheStoreIsBack(FxRobot robot) throws Exception {
        WindowSteps.awaitShown(robot, "#store-offline");
        awaitFx(() -> assertThat(WindowSteps.text(robot, "#store-offline"))
                .isEqualTo("Team store unreachable (localhost:" + pg.port() + "/postgres as postgres) - 0 entries queued"));
        WindowSteps.fx(() -> {
            model.start(IncidentDraft.of("Checkout down, store down too", Severity.P1), i -> { });
            return null;
        });

        WindowSteps.click(robot, "#timeline-note");
        robot.write("rolled back checkout to v41");
        WindowSteps.click(robot, "#add-note");
        awaitFx(() -> assertThat(WindowSteps.text(robot, "#store-offline")).endsWith(" - 2 entries queued"));
        ListView<TimelineEntry> timeline = robot.lookup("#timeline-list").queryListView();
        awaitFx(() -> assertThat(timeline.getItems()).extracting(TimelineEntry::kind).containsExactly("created", "note"));

        pg.ensureRunning();
        awaitFx(() -> assertThat(robot.lookup("#store-offline").query().isVisible()).isFalse());
        awaitFx(() -> assertThat(timeline.getItems()).allMatch(e -> e.seq() > 0));
        awaitFx(() -> assertThat(timeline.getItems()).extracting(TimelineEntry::kind).containsExactly("created", "note"));
        try (var store = IncidentStores.postgres(pg.url(), "postgres", null, dir.resolve("elsewhere"), StoreOptions.defaults())) {
            String id = WindowSteps.fx(() -> model.selectedProperty().get().id());
            assertThat(store.entries(id, 0)).extracting(TimelineEntry::kind).containsExactly("created", "note");
        }
    }
}
