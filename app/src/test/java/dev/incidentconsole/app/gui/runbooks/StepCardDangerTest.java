package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Step;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A block typed into a client (redis-cli's {@code > flushall}) is shown as text with no Run button, and still
 * with the danger of what it sends; a harmless one shows none.
 */
class StepCardDangerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Step firstStep(String markdown) {
        Runbook r = new RunbookParser().parse(Path.of("client.md"), markdown);
        return r.sections().get(0).steps().get(0);
    }

    @Test
    void linesTypedIntoRedisCliShowTheFlushDangerAndNoRunButton() {
        StepCard card = new StepCard(firstStep("# Clear\n\n```\n> info keyspace\n> flushall\n```\n"), s -> { });

        assertThat(card.lookup(".run-command-button")).isNull();
        assertThat(card.lookup(".danger-badge")).isNotNull();
        assertThat(((Label) card.lookup(".danger-reason")).getText()).contains("FLUSHALL");
        assertThat(((Text) card.lookup(".code-text")).getText()).isEqualTo("> info keyspace\n> flushall");
    }

    @Test
    void aShellBlockWithAFlushTypedAtRedisCliPromptKeepsItsCommandAndShowsTheFlushDanger() {
        StepCard card = new StepCard(firstStep("# Clear\n\n```bash\nredis-cli -h cache-1\n127.0.0.1:6379> FLUSHALL\n```\n"),
                s -> { });

        assertThat(card.lookupAll(".command-line")).hasSize(1);
        assertThat(card.lookup(".danger-badge")).isNotNull();
        assertThat(((Label) card.lookup(".danger-reason")).getText()).contains("FLUSHALL");
    }

    @Test
    void aHarmlessClientBlockShowsNoDanger() {
        StepCard card = new StepCard(firstStep("# Keys\n\n```\n> info keyspace\n```\n"), s -> { });

        assertThat(card.lookup(".danger-badge")).isNull();
        assertThat(card.lookup(".danger-reason")).isNull();
    }
}
