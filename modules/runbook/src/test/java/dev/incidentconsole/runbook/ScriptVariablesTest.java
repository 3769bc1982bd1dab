package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code #!} script block is split into commands that each run alone, like any block: a variable an earlier line
 * assigns is still a placeholder to fill, or the command would run with it empty ({@code find -delete} in the
 * current directory).
 */
class ScriptVariablesTest {

    @Test
    void aScriptsOwnVariableIsStillAPlaceholderMarkedWithTheLineThatSetsIt() {
        List<Command> commands = ShellSplitter.split("""
                #!/bin/bash
                HEALTH=$(curl -sf http://localhost:8080/api/health)
                STATUS=$(echo $HEALTH | jq -r '.status')
                """, 1, "bash");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1).placeholders()).singleElement()
                .satisfies(p -> assertThat(p.token()).isEqualTo("$HEALTH"))
                .satisfies(p -> assertThat(p.setAtLine()).isEqualTo(2));
    }

    @Test
    void withoutAShebangEachCommandStillAsksForTheValueAndSaysWhereItIsSet() {
        List<Command> commands = ShellSplitter.split("""
                POD=$(kubectl get pods -o name | head -1)
                kubectl logs $POD
                """, 10, "bash");
        assertThat(commands.get(1).placeholders()).singleElement()
                .satisfies(p -> assertThat(p.setAtLine()).isEqualTo(10));
    }

    @Test
    void aragoraBackupCleanupAsksForBackupDirBeforeItDeletes() throws Exception {
        Runbook runbook = new RunbookParser().parse(SharedInputs.seed("002_"));
        Command cleanup = runbook.commands().stream()
                .filter(c -> c.text().startsWith("find ${BACKUP_DIR}") && c.text().contains("-delete"))
                .findFirst().orElseThrow();
        assertThat(cleanup.placeholders()).extracting(Placeholder::name).containsExactly("BACKUP_DIR");
        assertThat(cleanup.placeholders()).allSatisfy(p -> assertThat(p.hasDefault()).isFalse());
        List<String> tokens = runbook.commands().stream().flatMap(c -> c.placeholders().stream())
                .map(Placeholder::token).distinct().toList();
        assertThat(tokens).contains("$HEALTH", "$STATUS", "$DB_STATUS", "${BACKUP_DIR}", "${DATE}");
    }
}
