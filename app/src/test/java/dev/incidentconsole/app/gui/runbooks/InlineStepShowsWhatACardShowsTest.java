package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.run.RunCommandEvent;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An inline step tells what a step card tells: danger in sight (style, badge, reason), a Run button a screen reader
 * can name, the warning of a command that will not run, its secrets masked; and an inline step of several commands
 * is not lost.
 */
class InlineStepShowsWhatACardShowsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Section resolution(String item) {
        return new RunbookParser().parse(Path.of("db.md"), "# Db\n\n## Resolution\n\n" + item + "\n").sections().stream()
                .filter(s -> s.kind() == SectionKind.RESOLUTION).findFirst().orElseThrow();
    }

    private static VBox page(List<Block> blocks) {
        VBox page = new VBox();
        page.getChildren().addAll(new MarkdownNodes(s -> { }).blocks(blocks));
        return page;
    }

    @Test
    void aLongDestructiveInlineStepIsMarkedWithABadgeAndItsReasonInSight() {
        VBox page = page(resolution("- Remove the old copy: `rm -rf /var/lib/postgresql/16/main-old-copy-from-last-week`")
                .blocks());

        assertThat(page.lookupAll(".md-inline-step-text")).singleElement().satisfies(n -> {
            assertThat(((Text) n).getText()).hasSizeGreaterThan(48);
            assertThat(n.getStyleClass()).contains("dangerous");
        });
        assertThat(page.lookupAll(".danger-badge")).singleElement()
                .satisfies(n -> assertThat(((Label) n).getAccessibleText()).startsWith("Destructive: "));
        assertThat(page.lookupAll(".danger-reason")).singleElement().satisfies(n -> {
            assertThat(((Label) n).getText()).startsWith("Destructive: ");
            assertThat(n.isVisible()).isTrue();
        });
    }

    @Test
    void theIconOnlyRunButtonHasAnAccessibleName() {
        VBox page = page(resolution("- List them: `kubectl get pods -n web`").blocks());
        assertThat(page.lookupAll(".inline-run")).singleElement()
                .satisfies(n -> assertThat(((Button) n).getAccessibleText()).isEqualTo("Run command kubectl get pods -n web"));
        assertThat(page.lookupAll(".danger-reason")).isEmpty();
    }

    @Test
    void aCommandThatWillNotRunHasItsWarningShownUnderTheText() {
        VBox page = page(resolution("- List them: `kubectl get pods -n w\uFFFDb`").blocks());
        assertThat(page.lookupAll(".md-inline-step")).hasSize(1);
        assertThat(page.lookupAll(".step-warning")).singleElement()
                .satisfies(n -> assertThat(((Label) n).getText()).startsWith("Will not run: the command holds U+FFFD"));
    }

    @Test
    void aSecretInAnInlineStepIsMaskedOnScreenAndTheRealCommandRuns() {
        VBox page = page(resolution("- Ping it: `redis-cli -h cache -a s3cretPassw0rd ping`").blocks());
        List<Command> fired = new ArrayList<>();
        page.addEventHandler(RunCommandEvent.RUN, e -> fired.add(e.command()));

        Label chip = (Label) page.lookupAll(".md-inline-step").iterator().next();
        assertThat(chip.getText()).doesNotContain("s3cretPassw0rd").contains("****");
        assertThat(((Button) page.lookup(".inline-run")).getAccessibleText()).doesNotContain("s3cretPassw0rd");
        ((Button) page.lookup(".inline-run")).fire();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fired).singleElement().satisfies(c -> assertThat(c.text()).contains("s3cretPassw0rd"));
    }

    @Test
    void anInlineStepOfSeveralCommandsIsShownAsACardNotDropped() {
        Section fenced = new RunbookParser().parse(Path.of("two.md"),
                "# Db\n\n## Resolution\n\n```bash\nkubectl get pods -n web\nkubectl get pods -n api\n```\n").sections()
                .stream().filter(s -> s.kind() == SectionKind.RESOLUTION).findFirst().orElseThrow();
        Block.Code two = fenced.blocks().stream().filter(Block.Code.class::isInstance).map(Block.Code.class::cast)
                .findFirst().orElseThrow();
        assertThat(two.step().commands()).hasSize(2);
        Section prose = resolution("- Both: `kubectl get pods -n web; kubectl get pods -n api`");
        List<Block> blocks = new ArrayList<>(prose.blocks().stream().filter(Block.Text.class::isInstance).toList());
        Block.Text item = (Block.Text) blocks.get(blocks.size() - 1);
        int span = item.inlines().size() - 1;
        blocks.add(new Block.Code(two.step(), span));

        VBox page = page(blocks);
        assertThat(page.lookupAll(".inline-run")).isEmpty();
        assertThat(page.lookupAll(".step-card")).hasSize(1);
        assertThat(page.lookupAll(".command-line")).hasSize(2);
    }

}
