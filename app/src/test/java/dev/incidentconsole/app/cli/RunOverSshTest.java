package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.exec.ssh.KnownHostsVerifier;
import dev.incidentconsole.exec.testing.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --target <ssh host>} in-process against MINA sshd on loopback, with the key file and known_hosts
 * named in a temp environment file; no ssh-agent and an empty SSH config, whatever the account has.
 */
class RunOverSshTest {
    @TempDir
    static Path serverDir;
    static LoopbackSshd sshd;

    @TempDir
    Path dir;
    private final CliRun cli = new CliRun();

    @BeforeAll
    static void startServer() throws Exception {
        sshd = new LoopbackSshd(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        sshd.close();
    }

    @BeforeEach
    void isolateFolders() {
        cli.isolate(dir);
        cli.set(LaunchOptions.SSH_CONFIG, dir.resolve("no_ssh_config").toString());
        cli.set(LaunchOptions.SSH_AGENT, "");
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    /** An environment file with the loopback server as target {@code box}, checked against {@code knownHosts}. */
    private Path environment(Path knownHosts) throws Exception {
        return Files.writeString(dir.resolve("environments.yaml"), """
                targets:
                  - name: box
                    type: ssh
                    host: 127.0.0.1
                    port: %d
                    user: ops
                    identity-file: %s
                    known-hosts: %s
                """.formatted(sshd.port(), sshd.userKey(), knownHosts));
    }

    private Path knownHostsWithTheServer() throws Exception {
        return sshd.knownHosts(dir.resolve("known_hosts"));
    }

    @Test
    void commandRunsOnTheSshTargetAndItsOutputIsPrinted() throws Exception {
        Path env = environment(knownHostsWithTheServer());

        int code = run("run", "--env", env.toString(), "--target", "box", "--", "echo", "hi");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("hi" + System.lineSeparator());
    }

    @Test
    void remoteExitCodeAndStderrComeBack() throws Exception {
        Path env = environment(knownHostsWithTheServer());

        int code = run("run", "--env", env.toString(), "-t", "box", "--", "echo out; echo problem >&2; exit 3");

        assertThat(code).isEqualTo(3);
        assertThat(cli.out().lines()).containsExactly("out");
        assertThat(cli.err()).contains("problem").doesNotContain("out");
    }

    @Test
    void unknownHostKeyIsRefusedWithoutATerminalNamingItsFingerprint() throws Exception {
        Path knownHosts = dir.resolve("empty_known_hosts");
        Path env = environment(knownHosts);
        Path marker = dir.resolve("ran");

        int code = run("run", "--env", env.toString(), "--target", "box", "--", "touch " + marker);

        assertThat(code).isEqualTo(RunCommand.NOT_RUN);
        String fingerprint = KnownHostsVerifier.fingerprint(sshd.hostKey());
        assertThat(cli.err()).contains("[127.0.0.1]:" + sshd.port() + " can't be established",
                fingerprint, "no terminal to ask", "was not trusted");
        assertThat(cli.out()).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(knownHosts).doesNotExist();
    }

    /**
     * Ctrl-C in the terminal: the JVM's shutdown hook must stop the remote command before the JVM exits. The
     * run is a real JVM given SIGINT, as a terminal's Ctrl-C gives it.
     */
    @Test
    void ctrlCStopsTheRemoteCommandBeforeTheProcessExits() throws Exception {
        Path env = environment(knownHostsWithTheServer());
        Path pidFile = dir.resolve("remote.pid");
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dincident.data.dir=" + dir.resolve("data"), "-Dincident.config.dir=" + dir.resolve("config"),
                "-D" + LaunchOptions.SSH_CONFIG + "=" + dir.resolve("no_ssh_config"), "-D" + LaunchOptions.SSH_AGENT + "=",
                "dev.incidentconsole.app.Main", "run", "--env", env.toString(), "--target", "box", "--",
                "sleep 300 & echo $! > " + pidFile + "; echo started; wait")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(out).contains("started"));
            long remote = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(ProcessHandle.of(remote)).as("the remote sleep runs").isPresent();

            new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the run ended on Ctrl-C").isTrue();
            assertThat(ProcessHandle.of(remote).filter(ProcessHandle::isAlive))
                    .as("the remote command once the run has exited; the run printed: %s", Files.readString(out)).isEmpty();
        } finally {
            cli.destroyForcibly();
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
