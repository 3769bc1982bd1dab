package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredSeverityTest {
    @TempDir
    Path dir;

    private Runbook parse(String text) throws Exception {
        Path file = dir.resolve("r.md");
        Files.writeString(file, text);
        return new RunbookParser().parse(file);
    }

    /** The section whose heading path ends in titles containing {@code path}'s words (headings keep their backticks or not). */
    private static Section at(Runbook runbook, String... path) {
        return runbook.sections().stream().filter(s -> s.path().size() == path.length && java.util.stream.IntStream
                .range(0, path.length).allMatch(i -> s.path().get(i).replace("`", "").equals(path[i])))
                .findFirst().orElseThrow();
    }

    @Test
    void aBoldSeverityLineUnderTheAlertHeadingIsReadForItsLabelledParts() throws Exception {
        Runbook runbook = parse("""
                # Alerts

                ## Alert: `AragoraDown`
                **Severity:** Critical

                **Response:**
                1. Check server process: `systemctl status aragora`

                ## Alert: `SlowQueries`
                **Severity:** warning, for 10m.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: AragoraDown"))).contains("Critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: AragoraDown", "Response")))
                .contains("Critical");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts", "Alert: SlowQueries"))).contains("warning");
        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Alerts"))).isEmpty();
    }

    @Test
    void theFrontMatterSeverityAppliesWhenNoSectionDeclaresOne() throws Exception {
        Runbook runbook = parse("""
                ---
                severity: P1
                ---
                # Gateway

                ## Sockets drop
                Severity is decided by the incident commander.
                """);

        assertThat(DeclaredSeverity.of(runbook, at(runbook, "Gateway", "Sockets drop"))).contains("P1");
    }

    @Test
    void theSeedRunbooksAlertsDeclareCritical() throws Exception {
        Runbook runbook = new RunbookParser().parse(SharedInputs.seed("002_"));
        Section down = runbook.sections().stream().filter(s -> s.title().contains("AragoraDown")).findFirst().orElseThrow();

        assertThat(DeclaredSeverity.of(runbook, down)).contains("Critical");
    }
}
