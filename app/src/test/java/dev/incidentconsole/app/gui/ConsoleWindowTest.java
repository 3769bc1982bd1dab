package dev.incidentconsole.app.gui;

import static dev.incidentconsole.app.gui.WindowSteps.awaitFx;
import static dev.incidentconsole.app.gui.WindowSteps.checkNow;
import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.runbooks.TestRunbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The real window, headless: loads a temp runbook folder, then the user clicks through the outline. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {
    @TempDir
    static Path folder;

    private ConsoleApp app;

    @BeforeAll
    static void writeRunbooks() throws IOException {
        TestRunbooks.write(folder);
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp(folder, null);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void clickingAProcedureShowsItsCommandsWithADangerBadge(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");

        WindowSteps.openInOutline(robot, "Disk full on the database host");

        checkNow(() -> {
            assertThat(texts(robot, ".command-text-flow")).containsExactly("df -h /var/lib/postgresql",
                    "rm -rf /var/lib/postgresql/archive/*", "kubectl delete pod <pod-name> -n payments");
            assertThat(texts(robot, ".command-description")).containsExactly("How full is the data volume",
                    "Drop the archived WAL files that were already shipped", "Restart the database pod");
            List<Node> dangerous = nodes(robot, ".command-line").stream()
                    .filter(n -> n.lookup(".danger-badge") != null).toList();
            assertThat(dangerous).extracting(n -> text(n.lookup(".command-text-flow")))
                    .contains("rm -rf /var/lib/postgresql/archive/*")
                    .doesNotContain("df -h /var/lib/postgresql");
            assertThat(dangerous).allSatisfy(n -> assertThat(n.getStyleClass()).contains("dangerous"));
            assertThat(texts(robot, ".placeholder-chip")).containsExactly("<pod-name>");
            assertThat(texts(robot, ".runner-tag")).contains("kubectl");
        });
    }

    @Test
    void aSectionsBreadcrumbLeadsUpToItsParentAndItsRunbook(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Disk full on the database host");

        awaitFx(() -> assertThat(texts(robot, ".breadcrumb .crumb"))
                .containsExactly("Payments API Runbook  \u203a", "Common Issues  \u203a"));
        WindowSteps.click(robot, ".breadcrumb .crumb", n -> text(n).startsWith("Common Issues"));
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Common Issues"));
        checkNow(() -> assertThat(texts(robot, ".breadcrumb .crumb")).containsExactly("Payments API Runbook  \u203a"));

        WindowSteps.click(robot, ".breadcrumb .crumb");
        awaitFx(() -> assertThat(WindowSteps.text(robot, ".section-title")).isEqualTo("Payments API Runbook"));
        checkNow(() -> assertThat(robot.lookup(".breadcrumb").tryQuery()).isEmpty());
    }

    @Test
    void clickingAPartShowsOnlyThatPartAndItsCommandCopies(FxRobot robot) throws Exception {
        WindowSteps.show(robot, "Runbooks");
        WindowSteps.openInOutline(robot, "Disk full on the database host");
        awaitFx(() -> assertThat(robot.lookup(".outline-tree").query().isFocused()).as("outline focused").isTrue());
        robot.type(KeyCode.RIGHT); // unfolds the procedure's parts

        WindowSteps.click(robot, ".outline-section", n -> ((Labeled) n).getText().startsWith("Diagnosis"));
        awaitFx(() -> assertThat(texts(robot, ".command-text-flow")).containsExactly("df -h /var/lib/postgresql"));
        assertThat(fx(() -> robot.lookup(".danger-badge").tryQuery())).isEmpty();

        WindowSteps.click(robot, ".command-line .copy-button");
        awaitFx(() -> assertThat(Clipboard.getSystemClipboard().getString()).isEqualTo("df -h /var/lib/postgresql"));
    }

    @Test
    void nonShellStepShowsItsLanguageAndText(FxRobot robot) {
        WindowSteps.show(robot, "Runbooks");

        WindowSteps.openInOutline(robot, "Warm the cache");

        checkNow(() -> {
            assertThat(texts(robot, ".step-language")).containsExactly("BASH", "PROMQL");
            assertThat(texts(robot, ".code-text")).containsExactly("rate(cache_misses_total[5m])");
            assertThat(texts(robot, ".command-comment")).singleElement().asString().contains("# expect PONG");
        });
    }

    private static List<Node> nodes(FxRobot robot, String query) {
        return List.copyOf(robot.lookup(query).<Node>queryAll());
    }

    /** The texts of the nodes {@code query} finds. Call on the FX thread. */
    private static List<String> texts(FxRobot robot, String query) {
        return nodes(robot, query).stream().map(ConsoleWindowTest::text).toList();
    }

    /** The visible text of a node: its labels and text runs in order, joined by spaces. */
    private static String text(Node node) {
        if (node instanceof Labeled l) {
            return l.getText() == null ? "" : l.getText();
        }
        if (node instanceof Text t) {
            return t.getText();
        }
        if (node instanceof Parent p) {
            return p.getChildrenUnmodifiable().stream().map(ConsoleWindowTest::text).filter(s -> !s.isBlank())
                    .collect(Collectors.joining(" ")).replaceAll("\\s+", " ").trim();
        }
        return "";
    }
}
