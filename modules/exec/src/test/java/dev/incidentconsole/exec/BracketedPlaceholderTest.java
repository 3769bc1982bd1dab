package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.testing.ReadingBaselines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fenced {@code systemctl restart [SERVICE_NAME]} asks for {@code SERVICE_NAME}, and the value replaces the whole
 * {@code [SERVICE_NAME]}, quoted: left as written it is a glob, which the shell expands to a one-letter file.
 */
class BracketedPlaceholderTest {

    @RegisterExtension
    final LocalWork work = LocalWork.local();

    @Test
    void corpusBracketedServiceNameIsFilledByNameAndReplacedWholeAndQuoted() throws Exception {
        Path file = ReadingBaselines.runbookFiles().stream()
                .filter(p -> p.getFileName().toString().equals("csrunbooks__pod-stuck-in-pending-status.md"))
                .findFirst().orElseThrow();
        Command restart = new RunbookParser().parse(file).commands().stream()
                .filter(c -> c.text().equals("systemctl restart [SERVICE_NAME]")).findFirst().orElseThrow();
        assertThat(restart.placeholders()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("SERVICE_NAME");
            assertThat(p.token()).isEqualTo("[SERVICE_NAME]");
            assertThat(p.required()).isTrue();
        });

        String filled = CommandPreparer.substitute(RunRequest.of(restart, work.target())
                .withVariable("SERVICE_NAME", "kube let; rm -rf /"));
        assertThat(filled).isEqualTo("systemctl restart 'kube let; rm -rf /'");
    }

    @Test
    void bracketedNameLeftEmptyIsRefusedAndTheGlobNeverRuns() throws Exception {
        Command touch = new RunbookParser().parse(work.dir().resolve("svc.md"),
                "# Svc\n\n## Resolution\n\n```bash\ntouch [SERVICE_NAME]\n```\n").commands().get(0);
        // the glob a shell would expand [SERVICE_NAME] to
        Files.createFile(work.work().resolve("S"));

        ExecException e = assertThrows(ExecException.class,
                () -> work.runner().start(RunRequest.of(touch, work.target())));
        assertThat(e.reason()).isEqualTo(ExecException.Reason.MISSING_VARIABLE);
        assertThat(e.getMessage()).contains("[SERVICE_NAME]", "SERVICE_NAME");

        RunResult result = work.runner().run(RunRequest.of(touch, work.target()).withVariable("SERVICE_NAME", "api"), Runners.WAIT);
        assertThat(result.succeeded()).isTrue();
        try (var files = Files.list(work.work())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("S", "api");
        }
    }

    @Test
    void bareCapitalWordAndShellVariableMayStayAsWritten() {
        assertThat(new Placeholder("NAMESPACE", "NAMESPACE", 0, 9, Placeholder.Form.CAPS).required()).isFalse();
        assertThat(new Placeholder("NS", "$NS", 0, 3, Placeholder.Form.DOLLAR).required()).isFalse();
        assertThat(new Placeholder("pod", "<pod>", 0, 5, Placeholder.Form.ANGLE).required()).isTrue();
    }
}
