package dev.incidentconsole.app.gui.runbooks;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.ConsoleApp;
import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The team edits runbooks in the workspace folder while the window is open (an editor, a git pull): the outline
 * follows as search does. Search found a new runbook the outline did not list, and listed a deleted one.
 */
@ExtendWith(ApplicationExtension.class)
class EditedOnDiskWindowTest {
    @TempDir
    Path dir;
    private Path folder;
    private ConsoleApp app;

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(folder.resolve("cache.md"), """
                # Cache Runbook

                ## Cache down

                ```bash
                redis-cli ping
                ```
                """);
        Files.writeString(folder.resolve("queue.md"), "# Queue Runbook\n\n## Backlog\n\nWorkers are slow.\n");
        Files.writeString(folder.resolve("old.md"), "# Old Runbook\n\n## Retired\n\nNothing here.\n");
        app = new ConsoleApp(folder, "cache.md#Cache down", new SettingsStore(dir.resolve("config/settings.json")));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theOutlineFollowsRunbooksCreatedEditedRenamedAndDeletedWhileItIsOpen(FxRobot robot) throws IOException {
        WindowSteps.show(robot, "Runbooks");
        awaitFx(() -> assertThat(titles(robot)).containsExactly("Cache Runbook", "Old Runbook", "Queue Runbook"));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Cache down"));

        Files.writeString(folder.resolve("new.md"), "# New Runbook\n\n## Symptoms\n\nqueue zebra stuck\n");
        Files.writeString(folder.resolve("queue.md"), "# Queue Backlog Runbook\n\n## Backlog\n\nWorkers are slow.\n");
        Files.move(folder.resolve("old.md"), folder.resolve("archive.md"));
        Files.writeString(folder.resolve("archive.md"), "# Archived Runbook\n\n## Retired\n\nNothing here.\n");

        awaitFx(() -> assertThat(titles(robot))
                .containsExactly("Archived Runbook", "Cache Runbook", "New Runbook", "Queue Backlog Runbook"));
        Files.delete(folder.resolve("new.md"));
        awaitFx(() -> assertThat(titles(robot)).containsExactly("Archived Runbook", "Cache Runbook",
                "Queue Backlog Runbook"));
        checkNow(() -> assertThat(WindowSteps.text(robot, ".section-title")).as("the section being read stays open")
                .isEqualTo("Cache down"));
    }

    @Test
    void savingOneRunbookKeepsTheOtherEntriesFoldedAsLeftAndTheSectionBeingReadAsDrawn(FxRobot robot)
            throws IOException {
        WindowSteps.show(robot, "Runbooks");
        awaitFx(() -> assertThat(titles(robot)).containsExactly("Cache Runbook", "Old Runbook", "Queue Runbook"));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Cache down"));
        Node page = WindowSteps.fx(() -> robot.lookup(".section-title").query());
        TreeItem<?> old = WindowSteps.fx(() -> {
            entry(robot, "Queue Runbook").setExpanded(false);
            entry(robot, "Old Runbook").setExpanded(false);
            return entry(robot, "Old Runbook");
        });

        Files.writeString(folder.resolve("queue.md"),
                "# Queue Runbook\n\n## Backlog\n\nWorkers are slow.\n\n## Dead letters\n\nReplay them.\n");

        awaitFx(() -> assertThat(entry(robot, "Queue Runbook").getChildren()).hasSize(2));
        checkNow(() -> {
            assertThat(entry(robot, "Queue Runbook").isExpanded()).as("the saved runbook stays folded").isFalse();
            assertThat(entry(robot, "Old Runbook")).as("an unchanged runbook keeps its entry").isSameAs(old);
            assertThat(old.isExpanded()).isFalse();
            assertThat(robot.lookup(".section-title").<Node>query()).as("the page read is not drawn again")
                    .isSameAs(page);
        });
    }

    /** The outline's top entry with this title. Call on the FX thread. */
    private static TreeItem<?> entry(FxRobot robot, String title) {
        TreeView<?> tree = robot.lookup(".outline-tree").query();
        return tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue() instanceof OutlineNode n && n.title().equals(title)).findFirst().orElseThrow();
    }

    /** The runbooks the outline lists, in its order. Call on the FX thread. */
    private static List<String> titles(FxRobot robot) {
        return robot.lookup(".outline-tree").tryQuery().map(tree -> ((TreeView<?>) tree).getRoot())
                .map(root -> root.getChildren().stream().map(TreeItem::getValue)
                        .map(v -> v instanceof OutlineNode n ? n.title() : String.valueOf(v)).toList())
                .orElse(List.of());
    }
}
