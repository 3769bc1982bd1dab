package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.shell.ShellCommand;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kube target whose API server stays silent: the real kubectl, real listening sockets that never answer. */
class KubeApiProbeTest {
    private static final String SILENT = "has not answered for 10 s";

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private Path kubectl;

    @BeforeEach
    void needsKubectl() {
        kubectl = Executables.find("kubectl", System.getenv("PATH")).orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Path kubeconfig(String server, String proxy) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster: {server: "%s", insecure-skip-tls-verify: true%s}
                  name: team
                contexts:
                - context: {cluster: team, user: oncall}
                  name: team-dev
                current-context: team-dev
                users:
                - name: oncall
                  user: {token: abc}
                """.formatted(server, proxy == null ? "" : ", proxy-url: \"" + proxy + "\""));
    }

    private KubeTarget target(String server, String proxy) throws Exception {
        return new KubeTarget("team-dev", "team-dev", "shop", kubeconfig(server, proxy), null, null, false);
    }

    /** The kernel completes connections into the backlog; nothing ever reads or answers the handshake. */
    private static ServerSocket silent(InetAddress at, int port) throws Exception {
        return new ServerSocket(port, 50, at);
    }

    /** Answers each connection by closing it. */
    private static ServerSocket closing(InetAddress at, int port) throws Exception {
        ServerSocket server = new ServerSocket(port, 50, at);
        Thread closer = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.close();
                } catch (Exception e) {
                    return;
                }
            }
        });
        closer.setDaemon(true);
        closer.start();
        return server;
    }

    /** The issue: the probe refused the run; kubectl now starts at once and the line says why it hangs. */
    @Test
    void kubectlStartsAtOnceAndASilentServerIsNamedInItsOutputUntilStop() throws Exception {
        try (ServerSocket silent = silent(InetAddress.getLoopbackAddress(), 0);
             CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir))) {
            KubeTarget target = target("https://127.0.0.1:" + silent.getLocalPort(), null);
            RunHandle handle = runner.start(RunRequest.of("echo started; kubectl get pods", target));
            String line = null;
            for (int i = 0; i < 600 && line == null; i++) {
                line = handle.tail().stream().map(OutputLine::text).filter(t -> t.contains(SILENT)).findFirst()
                        .orElse(null);
                Thread.sleep(100);
            }
            assertThat(line).as("the console's line, not kubectl's").isEqualTo("incident-console: The Kubernetes API server https://127.0.0.1:" + silent.getLocalPort()
                    + " (context team-dev) has not answered for 10 s; kubectl keeps retrying for about a minute."
                    + " Stop ends it; check the VPN or the network to the cluster, or the server in the kubeconfig.");
            assertThat(handle.isDone()).isFalse();
            handle.cancel();
            assertThat(handle.await(Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(Files.readString(handle.outputFile())).contains("incident-console: The Kubernetes API server");
        }
    }

    @Test
    void anApiServerThatAnswersIsLeftToKubectlWhichSaysWhatIsWrong() throws Exception {
        try (ServerSocket closing = closing(InetAddress.getLoopbackAddress(), 0);
             CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir))) {
            KubeTarget target = target("https://127.0.0.1:" + closing.getLocalPort(), null);
            RunResult result = runner.run(RunRequest.of("kubectl get pods --request-timeout=2s", target),
                    Duration.ofMinutes(2));
            assertThat(result.succeeded()).isFalse();
            assertThat(String.join("\n", result.stderr())).contains("EOF").doesNotContain(SILENT);
        }
    }

    /**
     * The issue: only the first resolved address was asked. Two loopback addresses stand for a name with two records
     * (a resolver's answer is the machine's to give, so the addresses are handed over as it would): the first accepts
     * and never answers the handshake, the second answers.
     */
    @Test
    void oneAnsweringAddressOfSeveralIsEnough() throws Exception {
        InetAddress dead = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetAddress alive = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        try (ServerSocket first = silent(dead, 0);
             ServerSocket second = closing(alive, first.getLocalPort())) {
            assertThat(KubeApiProbe.anyAnswers(new InetAddress[] {dead, alive}, first.getLocalPort(), "localhost",
                    threads)).isTrue();
        }
    }

    @Test
    void everyAddressSilentIsNamed() throws Exception {
        try (ServerSocket silent = silent(InetAddress.getLoopbackAddress(), 0)) {
            assertThat(KubeApiProbe.silence(kubectl, target("https://127.0.0.1:" + silent.getLocalPort(), null),
                    Map.of(), threads)).hasValueSatisfying(line -> assertThat(line).contains(SILENT));
        }
    }

    /** The issue: URI.create's IllegalArgumentException came out of the probe instead of kubectl running. */
    @Test
    void aServerUrlJavaCannotReadIsLeftToKubectl() throws Exception {
        assertThat(KubeApiProbe.silence(kubectl, target("https://127.0.0.1:1/a|b", null), Map.of(), threads))
                .isEmpty();
    }

    @Test
    void aProxyInTheEnvironmentOrTheKubeconfigSkipsTheProbe() throws Exception {
        try (ServerSocket silent = silent(InetAddress.getLoopbackAddress(), 0)) {
            String server = "https://127.0.0.1:" + silent.getLocalPort();
            assertThat(KubeApiProbe.silence(kubectl, target(server, null),
                    Map.of("HTTPS_PROXY", "http://127.0.0.1:3128"), threads)).isEmpty();
            assertThat(KubeApiProbe.silence(kubectl, target(server, "http://127.0.0.1:3128"), Map.of(), threads))
                    .isEmpty();
        }
    }

    /** kubectl in a script handed to ssh talks to its cluster from the remote host, not from this machine. */
    @Test
    void kubectlInsideAnSshScriptIsNotProbedFromHere() {
        List<String> probed = Arrays.stream(new String[] {"ssh bastion 'kubectl get pods'",
                "sh -c 'kubectl get pods'", "kubectl get pods", "ssh bastion uptime"})
                .filter(t -> KubeContextGuard.callsKubectlOnAClusterFromHere(ShellCommand.parse(t))).toList();
        assertThat(probed).containsExactly("sh -c 'kubectl get pods'", "kubectl get pods");
        assertThat(KubeContextGuard.callsKubectlOnACluster(ShellCommand.parse("ssh bastion 'kubectl get pods'")))
                .isTrue();
    }
}
