package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.testing.ProcessTable;
import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.exec.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands over SSH against an in-process MINA sshd that runs them with a real shell. */
class SshRunTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static MinaServer server;
    static SshHost host;

    CommandRunner runner;

    @BeforeAll
    static void start() throws Exception {
        server = new MinaServer(dir.resolve("host.ser"));
        KeyPair user = MinaServer.newKeyPair("EC", 256);
        server.authorized.add(user.getPublic());
        Path key = MinaServer.writeOpenSsh(user, dir.resolve("id_ecdsa"), null);
        Path knownHosts = dir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        host = new SshHost("mina", "127.0.0.1", server.port(), "ops", List.of(key), null, knownHosts);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void open() {
        runner = runner(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()));
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private CommandRunner runner(SshConfigFile config) {
        ExecSettings settings = ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs"))
                .withKillGrace(Duration.ofSeconds(1));
        return new CommandRunner(settings, new SshConnections(config, HostKeyDecision.REJECT, PassphraseProvider.NONE,
                Duration.ofSeconds(10), Duration.ofSeconds(30), SshAgent.none()));
    }

    private RunResult run(String command, SshTarget target) throws ExecException {
        return runner.run(RunRequest.of(command, target), WAIT);
    }

    @Test
    void remoteCommandKeepsStreamsApartWithExitCodeEnvironmentAndDirectory() throws Exception {
        Path work = Files.createDirectories(dir.resolve("remote work"));
        SshTarget target = new SshTarget("mina", host, work.toString(), Map.of("GREETING", "it's $fine"), false);
        RunResult result = run("printf '%s\\n' \"$GREETING\"; pwd; sleep 0.2; echo oops >&2; exit 4", target);
        assertThat(result.stdout()).containsExactly("it's $fine", work.toString());
        assertThat(result.stderr()).containsExactly("oops");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void environmentValuesReachTheCommandButNoProcessCommandLine() throws Exception {
        String secret = ProcessTable.secret();
        SshTarget target = new SshTarget("mina", host, null, Map.of("IC_SECRET", secret, "PLAIN", "x"), false);
        RunHandle handle = runner.start(RunRequest.of(ProcessTable.SECRET_PRINTER + "sleep 94.1; echo after", target));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("94.1").size() == 1);

        String unique = secret.lines().findFirst().orElseThrow();
        assertThat(ProcessTable.commandLinesHolding(unique)).isEmpty();
        assertThat(server.commands).as("what the server hands its shell").noneMatch(c -> c.contains(unique));
        handle.cancel();
        RunResult result = handle.await(WAIT);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.stdout()).containsExactly(("[" + secret + "] x").split("\n")[0],
                ("[" + secret + "] x").split("\n")[1], "read:", "end of input");
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessTable.sleeps("94.1").isEmpty());
    }

    @Test
    void stopPressedWhileConnectingKeepsTheCommandFromRunning() throws Exception {
        Path marker = dir.resolve("connect-marker");
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        server.beforeLogin = () -> {
            connecting.countDown();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AtomicBoolean stop = new AtomicBoolean();
        try {
            PreparedCommand touch = runner.prepare(RunRequest.of("touch " + marker, SshTarget.of(host, false)));
            CompletableFuture<RunHandle> start = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.start(touch, null, stop::get);
                } catch (ExecException e) {
                    throw new CompletionException(e);
                }
            });
            assertThat(connecting.await(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            answer.countDown();

            assertThatThrownBy(() -> start.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(ExecException.class)
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.STOPPED);
            assertThat(server.commands).noneMatch(c -> c.contains(marker.toString()));
            assertThat(marker).doesNotExist();
        } finally {
            server.beforeLogin = () -> { };
            answer.countDown();
        }
    }

    @Test
    void commandReadingStdinGetsEndOfInputInsteadOfWaitingForItsTimeout() throws ExecException {
        RunResult result = runner.run(RunRequest.of("read line; echo \"read:$line\"; cat; echo end",
                SshTarget.of(host, false)).withTimeout(Duration.ofSeconds(8)), WAIT);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.stdout()).containsExactly("read:", "end");
    }

    @Test
    void oneConnectionCarriesManyCommands() throws ExecException {
        int sessionsBefore = server.sessions.get();
        int channelsBefore = server.channels.get();
        SshTarget target = SshTarget.of(host, false);
        for (int i = 0; i < 20; i++) {
            assertThat(run("echo " + i, target).stdout()).containsExactly(String.valueOf(i));
        }
        assertThat(server.sessions.get() - sessionsBefore).isEqualTo(1);
        assertThat(server.channels.get() - channelsBefore).isEqualTo(20);
        assertThat(runner.ssh().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsReopened() throws ExecException {
        SshTarget target = SshTarget.of(host, false);
        assertThat(run("echo before", target).stdout()).containsExactly("before");
        server.dropConnections();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.server.getActiveSessions().isEmpty());
        assertThat(run("echo after", target).stdout()).containsExactly("after");
        assertThat(runner.ssh().connectionsOpened()).isEqualTo(2);
    }

    @Test
    void timeoutStopsTheRemoteProcess() throws ExecException {
        RunResult result = runner.run(RunRequest.of("echo started; sleep 97.3", SshTarget.of(host, false))
                .withTimeout(Duration.ofSeconds(1)), WAIT);
        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.stdout()).containsExactly("started");
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessTable.sleeps("97.3").isEmpty());
    }

    @Test
    void cancelStopsTheRemoteProcessTree() throws ExecException {
        RunHandle handle = runner.start(RunRequest.of("sh -c 'sleep 97.5 & sleep 97.6'", SshTarget.of(host, false)));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("97.5").size() == 1 && ProcessTable.sleeps("97.6").size() == 1);
        List<ProcessHandle> remote = List.of(ProcessTable.sleeps("97.5").get(0), ProcessTable.sleeps("97.6").get(0));

        handle.cancel();

        assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(5)).until(() -> remote.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void proxyJumpReachesTheHostThroughAJumpHost() throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host jump\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User hop\n");
        int sessionsBefore = server.sessions.get();
        try (CommandRunner viaJump = runner(SshConfigFile.load(config, dev.incidentconsole.exec.testing.TestUser.current()))) {
            SshTarget target = SshTarget.of(host.withProxyJump("jump"), false);
            assertThat(viaJump.run(RunRequest.of("echo through", target), WAIT).stdout()).containsExactly("through");
            assertThat(viaJump.ssh().connectionsOpened()).isEqualTo(2);
        }
        assertThat(server.sessions.get() - sessionsBefore).isEqualTo(2);
    }

    @Test
    void dockerCommandsRunOnTheSshHost() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("remote-bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\necho \"remote docker $*\"\n");
        docker.toFile().setExecutable(true);
        SshTarget remote = new SshTarget("mina", host, null, Map.of("PATH", bin + ":/usr/bin:/bin"), true);
        RunResult result = run("docker compose restart api", remote);
        assertThat(runner.run(RunRequest.of("docker compose restart api", DockerTarget.on(remote)), WAIT).stdout())
                .containsExactly("remote docker compose restart api");
        assertThat(DockerTarget.on(remote).production()).isTrue();
        assertThat(result.stdout()).containsExactly("remote docker compose restart api");
    }
}
