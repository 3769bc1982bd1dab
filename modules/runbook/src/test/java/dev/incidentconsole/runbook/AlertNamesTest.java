package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertNamesTest {

    private final RunbookParser parser = new RunbookParser();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            3 | Alert: `AragoraDown`                  | AragoraDown
            3 | HighErrorRate Alert                   | HighErrorRate
            3 | AgentDown Alert                       | AgentDown
            3 | HighCPUUsage / HighMemoryUsage Alerts | HighCPUUsage,HighMemoryUsage
            1 | KubePodCrashLooping                   | KubePodCrashLooping
            2 | etcdMembersDown                       | etcdMembersDown
            5 | Alert Name: "KubeAPIDown"             | KubeAPIDown
            5 | Alert Name: KubeSchedulerDown         | KubeSchedulerDown
            3 | `pg_xid_wraparound` Saturation Alert  | pg_xid_wraparound
            2 | Critical Alerts                       | ''
            2 | Alert Runbooks                        | ''
            2 | PgBouncer                             | ''
            2 | Understand the alert                  | ''
            2 | Kubernetes                            | ''
            """)
    void headingsThatNameAnAlertAreRecorded(int level, String heading, String expected) {
        Runbook r = parser.parse(path("a.md"), "#".repeat(level) + " " + heading + "\n\ntext\n");
        List<String> names = expected == null || expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertThat(r.alerts()).extracting(Alert::name).containsExactlyElementsOf(names);
        assertThat(r.alerts()).allSatisfy(a -> {
            assertThat(a.line()).isEqualTo(1);
            assertThat(a.sectionPath()).hasSize(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CPU Throttling High, CPUThrottlingHigh", "Kube Pod Crash Looping, KubePodCrashLooping"})
    void spacedTitleOfAnAlertRunbookWithAMeaningSectionNamesTheAlert(String title, String alert) {
        Runbook r = parser.parse(path("a.md"), "# " + title + "\n\n## Meaning\n\nx\n\n## Mitigation\n\ny\n");
        assertThat(r.alerts()).extracting(Alert::name).containsExactly(alert);
    }

    @ParameterizedTest
    @CsvSource({"Operations Runbook", "Platform Guide"})
    void spacedTitleWithoutAMeaningSectionIsNotAnAlert(String title) {
        Runbook r = parser.parse(path("a.md"), "# " + title + "\n\n## Diagnosis\n\nx\n");
        assertThat(r.alerts()).isEmpty();
    }

    @Test
    void aMeaningSectionDeepInsideACollectionDoesNotMakeItsTitleAnAlert() {
        Runbook r = parser.parse(path("a.md"), "# Lantern Alert Runbooks\n\n## Storage\n\n### DiskFull Alert\n\n"
                + "#### Meaning\n\nx\n");
        assertThat(r.alerts()).extracting(Alert::name).containsExactly("DiskFull");
    }

    private static java.nio.file.Path path(String name) {
        return java.nio.file.Path.of(name);
    }
}
