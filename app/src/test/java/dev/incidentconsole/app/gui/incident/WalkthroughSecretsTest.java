package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetDiscovery;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets in a walkthrough: a name one step holds as secret stays secret in the steps its value is carried to, and a
 * value from the environment's secrets file is masked whatever its name; neither shows on screen, in the run log, on
 * the timeline or in the exports.
 */
class WalkthroughSecretsTest extends WalkthroughFixture {
    /** Looks like any word: only knowing where it came from masks it. */
    private static final String TYPED = "plainvalue42";
    /** A secrets file's value under a name no rule reads as secret. */
    private static final String FROM_FILE = "Cart-seed-77x";

    private static final String RUNBOOK = """
            # Cache

            ## Redis refuses

            **Diagnosis:**
            ```bash
            redis-cli -p 1 -a '<auth>' ping || true
            echo AUTH '<auth>'
            echo "seed $CART_SEED"
            ```
            """;

    private Runbook runbook() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.md"), RUNBOOK);
        return new RunbookParser().parse(file);
    }

    @Test
    void aValueTypedWhereItIsSecretIsOfferedToTheNextStepAsASecret() throws Exception {
        WalkthroughViewModel walk = walk(runbook(), "Redis refuses", null);
        WalkStep first = walk.steps().get(0);
        WalkStep second = walk.steps().get(1);
        assertThat(field(first, "auth").secret()).as("secret by position, after -a").isTrue();
        assertThat(field(second, "auth").secret()).as("the same name in AUTH '<auth>'").isTrue();

        field(first, "auth").valueProperty().set(TYPED);
        runToEnd(walk, first);

        assertThat(field(second, "auth").value()).as("carried over").isEqualTo(TYPED);
        assertThat(second.run().shownCommandProperty().get().shown()).as("the next step's preview")
                .doesNotContain(TYPED).contains("AUTH '****'");
        runToEnd(walk, second);
        assertThat(second.run().shownOutput().text(10)).as("its output on screen").doesNotContain(TYPED);
        walk.capture(second, "auth", TYPED);

        assertThat(stored().toString()).as("the timeline").contains("AUTH").doesNotContain(TYPED);
        assertThat(IncidentExport.markdown(store.document(incidentId), ExportOptions.defaults())).doesNotContain(TYPED);
    }

    @Test
    void aValuePreFilledBeforeItsNameWasFoundSecretIsMaskedInThePreview() throws Exception {
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of("AUTH", TYPED), false), "local",
                "this machine", "test");
        catalog.set(new TargetCatalog(List.of(local), List.of(), null));
        WalkStep second = walk(runbook(), "Redis refuses", null).steps().get(1);

        assertThat(field(second, "auth").value()).as("pre-filled from the target").isEqualTo(TYPED);
        assertThat(second.run().shownCommandProperty().get().shown()).doesNotContain(TYPED);
    }

    @Test
    void aValueFromTheSecretsFileIsMaskedWhateverItsName() throws Exception {
        Path secrets = Files.writeString(dir.resolve("team.env"), "CART_SEED=" + FROM_FILE + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                secrets: team.env
                targets:
                  - {name: sandbox, type: local, workdir: %s}
                """.formatted(dir));
        catalog.set(new TargetDiscovery(env, dir.resolve("no_ssh_config"), TestUser.current(), null,
                Map.<String, String>of()::get, config -> List.of()).discover());
        WalkthroughViewModel walk = walk(runbook(), "Redis refuses", null);
        WalkStep step = walk.steps().get(2);
        assertThat(step.run().chooseTarget(step.run().targets().stream()
                .filter(t -> t.name().equals("sandbox")).findFirst().orElseThrow())).isTrue();

        runToEnd(walk, step);

        assertThat(step.run().output()).as("it ran with the value").anyMatch(l -> l.text().equals("seed " + FROM_FILE));
        assertThat(step.run().shownOutput().text(10)).as("on screen").contains("seed ****");
        assertThat(Files.readString(step.run().outputFileProperty().get())).as("the run log").doesNotContain(FROM_FILE);
        assertThat(stored().toString()).as("the timeline's excerpt").contains("seed").doesNotContain(FROM_FILE);
        assertThat(IncidentExport.html(store.document(incidentId), ExportOptions.defaults())).doesNotContain(FROM_FILE);
    }
}
