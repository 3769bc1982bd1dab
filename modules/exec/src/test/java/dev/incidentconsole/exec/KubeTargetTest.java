package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kubectl commands get the target's context and namespace, checked by a fake kubectl that prints its args. */
class KubeTargetTest {
    @TempDir
    Path dir;
    Path fakeKubectl;

    @BeforeEach
    void writeFakeKubectl() throws Exception {
        fakeKubectl = dir.resolve("fake-kubectl");
        Files.writeString(fakeKubectl, "#!/bin/sh\nprintf 'kubectl'; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo\n");
        Files.setPosixFilePermissions(fakeKubectl, PosixFilePermissions.fromString("rwx------"));
    }

    private List<String> run(String command, KubeTarget target) throws ExecException {
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(
                Runners.settings(dir).withKubectl(fakeKubectl.toString()))) {
            RunResult result = runner.run(RunRequest.of(command, target), Runners.WAIT);
            assertThat(result.succeeded()).as("%s", result).isTrue();
            return result.stdout();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "kubectl get pods => kubectl [get] [pods] [--context] [prod-eu] [-n] [shop]",
        "kubectl get pods -n other => kubectl [get] [pods] [-n] [other] [--context] [prod-eu]",
        "kubectl get pods -A => kubectl [get] [pods] [-A] [--context] [prod-eu]",
        "kubectl --namespace=kube-system get pods => kubectl [--namespace=kube-system] [get] [pods] [--context] [prod-eu]",
        "kubectl --context dev get pods => kubectl [--context] [dev] [get] [pods] [-n] [shop]",
        "kubectl exec api-0 -- ps -n 1 => kubectl [exec] [api-0] [--context] [prod-eu] [-n] [shop] [--] [ps] [-n] [1]",
        "kubectl get pods -o name | cat => kubectl [get] [pods] [-o] [name] [--context] [prod-eu] [-n] [shop]",
        "echo $(kubectl get ns) => kubectl [get] [ns] [--context] [prod-eu] [-n] [shop]",
        "echo deploy/api | xargs kubectl rollout status => kubectl [rollout] [status] [deploy/api] [--context] [prod-eu] [-n] [shop]",
        "kubectl logs 'pod with space' => kubectl [logs] [pod with space] [--context] [prod-eu] [-n] [shop]",
    })
    void everyKubectlCallIsScopedToTheTarget(String command, String expected) throws ExecException {
        assertThat(run(command, KubeTarget.of("prod-eu", "shop", true))).containsExactly(expected);
    }

    @Test
    void withoutContextOrNamespaceNothingIsAdded() throws ExecException {
        assertThat(run("kubectl get pods", KubeTarget.of(null, null, false))).containsExactly("kubectl [get] [pods]");
    }

    @Test
    void commandRunsInsideThePodThroughKubectlExec() throws ExecException {
        KubeTarget pod = KubeTarget.of("prod-eu", "shop", true).inPod("api-0", "app");
        assertThat(run("ps aux | grep 'java'", pod)).containsExactly(
                "kubectl [exec] [-n] [shop] [api-0] [-c] [app] [--context] [prod-eu] [--] [sh] [-c] [ps aux | grep 'java']");
    }

    @Test
    void missingKubectlIsAClearError() {
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(
                Runners.settings(dir).withKubectl(dir.resolve("no-kubectl").toString()))) {
            assertThatThrownBy(() -> runner.start(RunRequest.of("kubectl get pods", KubeTarget.of("c", "n", false))))
                    .isInstanceOf(ExecException.class).hasMessageContaining("kubectl was not found")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.TOOL_MISSING);
        }
    }

    @Test
    void realKubectlListsContextsOfATemporaryKubeconfig() throws Exception {
        Assumptions.assumeTrue(Executables.find("kubectl").isPresent(),
                "kubectl is not installed (apt-get install -y kubernetes-client); skipping the real call");
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c1
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: u1
                  user: {token: "not-a-secret"}
                contexts:
                - name: prod-eu
                  context: {cluster: c1, user: u1, namespace: shop}
                - name: staging
                  context: {cluster: c1, user: u1}
                current-context: staging
                """);
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir))) {
            assertThat(runner.kubeContexts(kubeconfig, Duration.ofSeconds(20))).containsExactly("prod-eu", "staging");
        }
    }
}
