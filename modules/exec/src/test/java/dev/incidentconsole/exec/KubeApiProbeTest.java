package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kube target whose API server stays silent: the real kubectl, a real listening socket that never answers. */
class KubeApiProbeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsKubectl() {
        Assumptions.assumeTrue(Executables.find("kubectl", System.getenv("PATH")).isPresent(),
                "kubectl is not installed");
    }

    private Path kubeconfig(int port) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
                  name: team
                contexts:
                - context: {cluster: team, user: oncall}
                  name: team-dev
                current-context: team-dev
                users:
                - name: oncall
                  user: {token: abc}
                """.formatted(port));
    }

    /** The issue: kubectl retried its discovery five times, a 10 s TLS handshake each, before it said anything. */
    @Test
    void anApiServerThatAcceptsAndStaysSilentIsNamedAndKubectlIsNotRun() throws Exception {
        Path ran = dir.resolve("ran");
        // the kernel completes the connection into the backlog; nothing ever reads or answers the handshake
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir))) {
            KubeTarget target = new KubeTarget("team-dev", "team-dev", "shop", kubeconfig(silent.getLocalPort()),
                    null, null, false);
            assertThatThrownBy(() -> runner.start(RunRequest.of("kubectl get pods; touch " + ran, target)))
                    .isInstanceOf(ExecException.class)
                    .hasMessageStartingWith("The Kubernetes API server https://127.0.0.1:" + silent.getLocalPort()
                            + " of context team-dev did not answer within 5 s (TLS handshake), so kubectl was not run")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.CONNECT_FAILED);
        }
        assertThat(ran).doesNotExist();
    }

    @Test
    void anApiServerThatAnswersIsLeftToKubectlWhichSaysWhatIsWrong() throws Exception {
        // it answers the connection by closing it: kubectl gets no TLS, and reports that itself
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir))) {
            Thread closer = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (Socket s = closing.accept()) {
                        s.close();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            KubeTarget target = new KubeTarget("team-dev", "team-dev", "shop", kubeconfig(closing.getLocalPort()),
                    null, null, false);
            RunResult result = runner.run(RunRequest.of("kubectl get pods --request-timeout=2s", target),
                    java.time.Duration.ofMinutes(2));
            // kubectl ran (no refusal) and said what it met: the connection closed under it
            assertThat(result.succeeded()).isFalse();
            assertThat(String.join("\n", result.stderr())).contains("EOF");
        }
    }
}
