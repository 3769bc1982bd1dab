package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A command read from a runbook that is not UTF-8 holds U+FFFD where the author wrote a letter: it never runs. */
class ReplacementCharacterRefusalTest {

    @RegisterExtension
    final LocalWork work = LocalWork.local();

    @Test
    void commandOfALatin1RunbookIsRefusedAndNothingRuns() throws Exception {
        // "Café" saved as ISO-8859-1: the é is the single byte 0xE9, not valid UTF-8
        byte[] latin1 = "# Caf\u00e9\n\n## Resolution\n\n```bash\ntouch caf\u00e9-api\n```\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(work.dir().resolve("cafe.md"), latin1);
        Runbook runbook = new RunbookParser().parse(file);
        assertThat(runbook.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not valid UTF-8"));
        Command command = runbook.commands().get(0);
        assertThat(command.text()).isEqualTo("touch caf\uFFFD-api");

        ExecException e = assertThrows(ExecException.class,
                () -> work.runner().start(RunRequest.of(command.text(), work.target())));
        assertThat(e.reason()).isEqualTo(ExecException.Reason.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("U+FFFD", "not valid UTF-8");
        try (var files = Files.list(work.work())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theSameCommandWrittenInUtf8Runs() throws Exception {
        RunResult result = work.runner().run(RunRequest.of("touch caf\u00e9-api", work.target()), Runners.WAIT);
        assertThat(result.succeeded()).isTrue();
        assertThat(work.work().resolve("caf\u00e9-api")).exists();
    }
}
