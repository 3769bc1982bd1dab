package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Step;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The output a runbook shows under a command stays on screen, under that command, now that it is no command. */
class StepOutputTest {

    private static Step step(String markdown) {
        Runbook runbook = new RunbookParser().parse(Path.of("t.md"), markdown);
        return runbook.sections().stream().flatMap(s -> s.steps().stream()).findFirst().orElseThrow();
    }

    @Test
    void theTableACommandPrintedIsShownUnderIt() {
        Step step = step("""
                # Find the pod

                ```
                k get pods | grep search-api-v2

                search-api-v2-65b7d9f8bc-6zttp          2/2     Running     0             26m
                search-api-v2-redis-78c497d984-xgc97    1/1     Running     0             29m
                ```
                """);

        assertThat(step.commands()).hasSize(1);
        assertThat(StepOutput.of(step)).containsExactly("",
                "search-api-v2-65b7d9f8bc-6zttp          2/2     Running     0             26m\n"
                        + "search-api-v2-redis-78c497d984-xgc97    1/1     Running     0             29m");
    }

    @Test
    void outputGoesUnderItsOwnCommandAndADescriptionIsNotRepeated() {
        Step step = step("""
                # Disks

                ```bash
                lsblk
                NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT
                sda      8:0    0  100G  0 disk

                # free space
                df -h \\
                  /var
                ```
                """);

        assertThat(step.commands()).hasSize(2);
        assertThat(StepOutput.of(step)).containsExactly("",
                "NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT\nsda      8:0    0  100G  0 disk", "");
    }

    @Test
    void aLogLineAboveTheFirstCommandIsShownBeforeIt() {
        Step step = step("""
                # Errors

                ```shell
                [INFO] Scanning for projects...

                mvn -q verify
                ```
                """);

        assertThat(StepOutput.of(step)).containsExactly("[INFO] Scanning for projects...", "");
    }

    @Test
    void aCommentThatQuotesTheCommandIsNotTakenForIt() {
        Step step = step("""
                # Files

                ```bash
                # if it fails, check the logs
                ls
                -rw-r--r-- 1 app app 120 Dec  6 18:00 app.log
                ```
                """);

        assertThat(step.commands()).hasSize(1);
        assertThat(StepOutput.of(step)).containsExactly("", "-rw-r--r-- 1 app app 120 Dec  6 18:00 app.log");
    }

    @Test
    void outputUnderACommandIsMaskedAsARunOfThatCommandWouldBe() {
        Step step = step("""
                # Redis password

                ```bash
                redis-cli -a s3cretpw CONFIG GET requirepass
                1) "requirepass"
                2) "s3cretpw"
                ```
                """);

        assertThat(StepOutput.of(step).get(1)).contains("s3cretpw");
        assertThat(StepOutput.shown(step)).containsExactly("", "1) \"requirepass\"\n2) \"****\"");
    }
}
