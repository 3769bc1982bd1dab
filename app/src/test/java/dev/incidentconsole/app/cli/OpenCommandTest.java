package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.app.links.LinkRunbooks;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OpenCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private Path runbooks;

    @BeforeEach
    void folders() throws Exception {
        cli.isolate(dir);
        runbooks = LinkRunbooks.write(dir.resolve("runbooks"));
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    @Test
    void printShowsTheAlertSectionWithLabelsFilledInQuotedAndRunsNothing() throws Exception {
        Path marker = dir.resolve("ran");
        int code = cli.run("open", "--print", "--runbooks", runbooks.toString(),
                "incident-console://alert?name=PodCrashLooping&label.namespace=lantern&label.pod=%24(touch%20" + marker + ")");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("pods.md > Pod Failures > Alerts > Alert: PodCrashLooping")
                .contains("kubectl -n 'lantern' describe pod '$(touch " + marker + ")'")
                .contains("kubectl -n 'lantern' logs '$(touch " + marker + ")' --previous");
        assertThat(marker).doesNotExist();
    }

    @Test
    void printMasksTheSecretsTheRunbooksCommandsHoldUnlessAskedToShowThem() throws Exception {
        Path team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("checkout.md"), """
                # Checkout

                ## CheckoutCacheDown

                ```bash
                redis-cli -h <host> -a 'R3dis-Secret!' CONFIG GET requirepass
                PGPASSWORD='Mon-pw-77' psql -h <host> -c 'select 1'
                curl -s -H 'Authorization: Bearer tok-abcdef0123456789' http://deploy:Hunter2-url@<host>:28080/config
                ```
                """);
        String link = "incident-console://alert?name=CheckoutCacheDown&label.host=cache-1";

        assertThat(cli.run("open", "--print", "--runbooks", team.toString(), link)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("redis-cli -h 'cache-1' -a '****' CONFIG GET requirepass",
                        "PGPASSWORD='****' psql -h 'cache-1'", "Bearer ****")
                .doesNotContain("R3dis-Secret", "Mon-pw-77", "Hunter2-url", "tok-abcdef0123456789");

        assertThat(cli.run("open", "--print", "--show-secrets", "--runbooks", team.toString(), link)).isZero();
        assertThat(cli.out()).contains("-a 'R3dis-Secret!'", "PGPASSWORD='Mon-pw-77'", "Hunter2-url");
    }

    @Test
    void theAlertsPodLabelFillsTheRunbooksPodNamePlaceholder() throws Exception {
        // Alertmanager labels say pod, container, deployment; runbooks write <pod-name>, as seed 003 does
        String shared = System.getProperty("incident.shared.dir");
        Path seed = shared == null ? null : Path.of(shared, "seeds", "003_18a3cb0d6890033e.txt");
        assumeTrue(seed != null && Files.exists(seed), "seed 003 is absent; skipping");
        Path team = Files.createDirectories(dir.resolve("team"));
        Files.copy(seed, team.resolve("ai-agents.txt"));

        int code = cli.run("open", "--print", "--runbooks", team.toString(),
                "incident-console://alert?name=PodRestartingFrequently&label.namespace=ai-agents&label.pod=agent-research-5f7c9-x2k4q");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("PodRestartingFrequently Alert")
                .contains("kubectl describe pod 'agent-research-5f7c9-x2k4q' -n ai-agents")
                .contains("kubectl logs 'agent-research-5f7c9-x2k4q' -n ai-agents --previous")
                .doesNotContain("No value for <pod-name>");
    }

    @Test
    void theWindowOpensOnTheFolderTheLinkWasCheckedInNotOnTheWorkspace() {
        List<String> opened = new ArrayList<>();
        OpenCommand open = new OpenCommand((link, folders) -> opened.add(link + " in " + folders), LaunchOptions.fromSystem());
        String url = "incident-console://open?runbook=k8s/pods.md#restart-a-deployment";

        assertThat(new CommandLine(open).execute("--runbooks", runbooks.toString(), url)).isZero();
        assertThat(opened).containsExactly(url + " in " + List.of(runbooks.toAbsolutePath().normalize()));
    }

    @Test
    void printOfAnOpenLinkLeavesPlaceholdersWithoutValueAsWritten() {
        int code = cli.run("open", "--print", "--runbooks", runbooks.toString(),
                "incident-console://open?runbook=k8s/pods.md#restart-a-deployment");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("kubectl -n <namespace> rollout restart deployment/<deployment>    # No value for <deployment>");
    }

    @Test
    void refusedLinkIsAUsageErrorAndAMissingSectionIsExitOne() {
        assertThat(cli.run("open", "--runbooks", runbooks.toString(), "incident-console://open?runbook=/etc/passwd.md")).isEqualTo(2);
        assertThat(cli.err()).contains("incident-console open: Runbook '/etc/passwd.md': only a path relative to a runbook folder");

        assertThat(cli.run("open", "--runbooks", runbooks.toString(), "incident-console://open?runbook=k8s/pods.md#Nope")).isEqualTo(1);
        assertThat(cli.err()).contains("has no heading 'Nope'");
    }

    @Test
    void withoutRunbooksTheLinkIsLookedUpInTheWorkspaceTheOtherCommandsRead() {
        cli.set("incident.workspace", runbooks.toString());

        int code = cli.run("open", "--print", "incident-console://open?runbook=k8s/pods.md#restart-a-deployment");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.err()).contains("Runbooks: " + runbooks);
        assertThat(cli.out()).contains("rollout restart deployment/<deployment>");
    }
}
