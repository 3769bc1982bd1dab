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
    void withoutContextOrNamespaceNothingIsAddedAndTheKubeconfigsCurrentContextApplies() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\ncurrent-context: dev\n");
        assertThat(run("kubectl get pods", KubeTarget.of(null, null, false).withKubeconfig(kubeconfig)))
                .containsExactly("kubectl [get] [pods]");
    }

    /** The issue: with no context anywhere, kubectl reached whatever listened on localhost:8080. */
    @ParameterizedTest(name = "kubeconfig with {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"current-context: \"\"", "contexts: []", "# nothing"})
    void kubectlWithNoContextIsRefusedBeforeItRuns(String kubeconfigText) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n" + kubeconfigText + "\n");
        Path ran = dir.resolve("ran");
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir).withKubectl(fakeKubectl.toString()))) {
            for (Target target : List.of(KubeTarget.of(null, "shop", false).withKubeconfig(kubeconfig),
                    new LocalTarget("local", null, java.util.Map.of("KUBECONFIG", kubeconfig.toString()), false))) {
                assertThatThrownBy(() -> runner.start(RunRequest.of("kubectl get pods -n shop && touch " + ran, target)))
                        .isInstanceOf(ExecException.class)
                        .hasMessageStartingWith("kubectl has no context: " + kubeconfig + " sets no current-context")
                        .hasMessageContaining("localhost:8080")
                        .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.NO_KUBE_CONTEXT);
            }
            Target local = new LocalTarget("local", null, java.util.Map.of("KUBECONFIG", dir.resolve("missing").toString()), false);
            assertThatThrownBy(() -> runner.start(RunRequest.of("sudo -E kubectl get pods", local)))
                    .hasMessageStartingWith("kubectl has no configuration: " + dir.resolve("missing") + " does not exist");
            // Naming the cluster, managing the kubeconfig and not calling kubectl at all still run.
            for (String fine : List.of("kubectl --context prod get pods", "kubectl config get-contexts",
                    "kubectl version --client", "echo kubectl get pods", "touch " + ran)) {
                assertThat(runner.run(RunRequest.of(fine, local), Runners.WAIT).status()).as(fine).isNotNull();
            }
        }
        assertThat(ran).exists(); // only the last command touched it: the refused ones never ran
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
        Assumptions.assumeTrue(Executables.find("kubectl", System.getenv("PATH")).isPresent(),
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
