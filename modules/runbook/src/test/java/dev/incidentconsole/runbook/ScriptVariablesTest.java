package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A script block has the variables it assigns; a block of separate commands does not carry them over. */
class ScriptVariablesTest {

    @Test
    void variablesTheScriptAssignedEarlierAreNotPlaceholders() {
        List<Command> commands = ShellSplitter.split("""
                #!/bin/bash
                HEALTH=$(curl -sf http://localhost:8080/api/health)
                STATUS=$(echo $HEALTH | jq -r '.status')
                curl -X POST "$WEBHOOK_URL" -d "$STATUS"
                """, 1, "bash");
        assertThat(commands).hasSize(3);
        assertThat(commands.get(1).placeholders()).isEmpty();
        assertThat(commands.get(2).placeholders()).extracting(Placeholder::token).containsExactly("$WEBHOOK_URL");
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
    void aragoraScriptsListNoneOfTheirOwnVariables() throws Exception {
        Runbook runbook = new RunbookParser().parse(SharedInputs.seed("002_"));
        List<String> tokens = runbook.commands().stream().flatMap(c -> c.placeholders().stream())
                .map(Placeholder::token).distinct().toList();
        assertThat(tokens).doesNotContain("$HEALTH", "$STATUS", "$DB_STATUS", "${BACKUP_DIR}", "${DATE}")
                .contains("$WEBHOOK_URL");
    }
}
