package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import dev.incidentconsole.runbook.testing.ReadingBaselines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A command written as inline code that is a step is shown once, where the prose has it, with a Run button after it;
 * it is not repeated in a card under the item. A fenced block stays a card.
 */
class InlineStepInPlaceTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Section diagnosis(String markdown) {
        return new RunbookParser().parse(Path.of("pods.md"), markdown).sections().stream()
                .filter(s -> s.kind() == SectionKind.DIAGNOSIS).findFirst().orElseThrow();
    }

    @Test
    void alertRunbookDiagnosisShowsEachCommandOnceInItsItemWithARunButton() throws Exception {
        Section diagnosis = new RunbookParser().parse(corpus("promop__KubePodCrashLooping.md")).sections()
                .stream().filter(s -> s.kind() == SectionKind.DIAGNOSIS).findFirst().orElseThrow();
        VBox page = new VBox();
        page.getChildren().addAll(new MarkdownNodes(s -> { }).blocks(diagnosis.blocks()));
        List<Command> fired = new ArrayList<>();
        page.addEventHandler(RunCommandEvent.RUN, e -> fired.add(e.command()));

        assertThat(page.lookupAll(".step-card")).as("no card repeats an inline command").isEmpty();
        assertThat(page.lookupAll(".md-inline-step")).extracting(n -> ((Label) n).getText()).containsExactly(
                "kubectl -n $NAMESPACE get pod $POD", "kubectl -n $NAMESPACE describe pod $POD",
                "kubectl -n $NAMESPACE logs $POD -c $CONTAINER");
        assertThat(texts(page)).as("the prose keeps its words").contains("Check pod events via ");
        Set<Node> runs = page.lookupAll(".inline-run");
        assertThat(runs).hasSize(3);

        ((Button) runs.stream().skip(1).findFirst().orElseThrow()).fire();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fired).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("kubectl -n $NAMESPACE describe pod $POD");
            assertThat(c.line()).isEqualTo(22);
        });
    }

    @Test
    void aDestructiveInlineStepIsMarkedAndAFencedBlockStaysACard() {
        Section section = diagnosis("# Web\n\n## Diagnosis\n\n- Delete the stale pod: `kubectl delete pod web-1 -n web`\n"
                + "- A flag such as `--all-namespaces` is no step.\n\n```bash\nkubectl get pods -n web\n```\n");
        VBox page = new VBox();
        page.getChildren().addAll(new MarkdownNodes(s -> { }).blocks(section.blocks()));

        assertThat(page.lookupAll(".md-inline-step")).singleElement()
                .satisfies(n -> assertThat(n.getStyleClass()).contains("dangerous"));
        assertThat(page.lookupAll(".inline-run")).hasSize(1);
        assertThat(page.lookupAll(".step-card")).hasSize(1);
        assertThat(page.lookupAll(".md-code")).extracting(n -> ((Label) n).getText())
                .contains("--all-namespaces", "kubectl delete pod web-1 -n web");
    }

    private static Path corpus(String name) throws Exception {
        return ReadingBaselines.runbookFiles().stream().filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow();
    }

    private static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        root.lookupAll(".md-text").forEach(n -> out.add(((javafx.scene.text.Text) n).getText()));
        return out;
    }
}
