package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** A command of a runbook that is not UTF-8 holds U+FFFD: its card says so under it, before anyone presses Run. */
class StepCardUndecodedTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theCommandHoldingUFFFDCarriesAWarningAndTheOtherNone(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("cafe.md"), "# Caf\u00e9\n\n```bash\nuptime\nsystemctl restart caf\u00e9-api\n```\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Step step = new RunbookParser().parse(file).sections().get(0).steps().get(0);

        StepCard card = new StepCard(step, s -> { });

        assertThat(card.lookupAll(".command-line")).hasSize(2);
        assertThat(card.lookupAll(".step-warning")).singleElement().satisfies(node -> assertThat(((Label) node).getText())
                .startsWith("Will not run: ").contains("caf\uFFFD-api", "save the runbook as UTF-8"));
    }
}
