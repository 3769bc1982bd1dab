package dev.incidentconsole.app.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepLinkResolverTest {
    @TempDir
    Path dir;
    Path runbooks;
    DeepLinkResolver resolver;

    @BeforeEach
    void writeRunbooks() throws Exception {
        runbooks = LinkRunbooks.write(dir.resolve("runbooks"));
        resolver = new DeepLinkResolver(List.of(runbooks), new RunbookParser());
    }

    @Test
    void openLinkFindsTheHeadingInAFileOfTheFolder() throws Exception {
        LinkTarget target = resolver.resolve(DeepLink.parse("incident-console://open?runbook=k8s/pods.md#restart-a-deployment"));

        assertThat(target.file()).isEqualTo(runbooks.resolve("k8s/pods.md").toAbsolutePath());
        assertThat(target.path()).containsExactly("Pod Failures", "Restart a deployment");
        assertThat(target.commands()).extracting(c -> c.text()).containsExactly(
                "kubectl -n <namespace> rollout restart deployment/<deployment>");
    }

    @Test
    void alertLinkFindsTheSectionNamingTheAlertWithItsCommandsAndLabels() throws Exception {
        LinkTarget target = resolver.resolve(DeepLink.parse(
                "incident-console://alert?name=pod-crash-looping&label.namespace=lantern&label.pod=api-1"));

        assertThat(target.path()).containsExactly("Pod Failures", "Alerts", "Alert: PodCrashLooping");
        assertThat(target.values()).containsEntry("namespace", "lantern").containsEntry("pod", "api-1")
                .containsEntry("alertname", "pod-crash-looping");
        assertThat(target.commands()).hasSize(2);
        assertThat(target.valuesFor(target.commands().get(1)))
                .isEqualTo(Map.of("NAMESPACE", "lantern", "pod", "api-1"));
    }

    @Test
    void alertLinkOpensTheRunbookHeadedByTheAlertBeforeACatalogueListingItEarlierInTheFolder() throws Exception {
        String shared = System.getProperty("incident.shared.dir");
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus")),
                "the shared corpus (incident.shared.dir) is not available");
        // the kubernetes-mixin catalogue ("Alert Name: KubePodCrashLooping", a severity and an upstream link) sorts
        // first; the prometheus-operator runbook says what to do, with the commands the link's labels fill
        Path team = Files.createDirectories(dir.resolve("team/k8s"));
        for (String name : List.of("k8smixin__runbook.md", "promop__KubePodCrashLooping.md")) {
            Files.copy(Path.of(shared, "corpus", name), team.resolve(name));
        }
        LinkTarget target = new DeepLinkResolver(List.of(team.getParent()), new RunbookParser()).resolve(
                DeepLink.parse("incident-console://alert?name=KubePodCrashLooping&label.namespace=shop&label.pod=api-1"));

        assertThat(target.file().getFileName()).hasToString("promop__KubePodCrashLooping.md");
        assertThat(target.values()).containsEntry("pod", "api-1");
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheFolderIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("outside.md"), "# Not a runbook of ours\n");
        Files.createSymbolicLink(runbooks.resolve("escape.md"), secret);

        assertThatThrownBy(() -> resolver.resolve(DeepLink.parse("incident-console://open?runbook=escape.md")))
                .isInstanceOf(DeepLinkException.class).hasMessageContaining("leads outside the runbook folder");
    }

    @Test
    void aFileThatIsNotInAnyFolderOrAHeadingItLacksIsNamed() {
        assertThatThrownBy(() -> resolver.resolve(DeepLink.parse("incident-console://open?runbook=missing.md")))
                .hasMessageContaining("No runbook 'missing.md' in " + runbooks.toAbsolutePath());
        assertThatThrownBy(() -> resolver.resolve(DeepLink.parse("incident-console://open?runbook=k8s/pods.md#Nope")))
                .hasMessageContaining("has no heading 'Nope'");
        assertThatThrownBy(() -> resolver.resolve(DeepLink.parse("incident-console://alert?name=DiskFull")))
                .hasMessageContaining("names the alert 'DiskFull'");
    }
}
