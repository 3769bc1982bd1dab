package dev.incidentconsole.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.testing.ProcessTable;
import dev.incidentconsole.exec.testing.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH's sshd for an account whose login shell is tcsh, which reads the command line unlike sh. */
class OpenSshTcshLoginTest {
    private static final Path TCSH = Path.of("/usr/bin/tcsh");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static Path key;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(),
                "OpenSSH sshd is not installed (apt-get install -y openssh-server); skipping the tcsh login test");
        Assumptions.assumeTrue(Files.isExecutable(TCSH), "tcsh is not installed (apt-get install -y tcsh); skipping");
        key = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", null, false);
        Path authorized = Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")));
        sshd = OpenSshServer.start(dir, authorized, TCSH);
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void valuesCommandAndDirectoryArriveIntactBeforeAndAfterTheLoginShellIsKnown() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work dir 'it's' !1"));
        String secret = ProcessTable.secret() + " !! bang";
        SshTarget target = new SshTarget("tcsh-host", host(), work.toString(), Map.of("IC_SECRET", secret, "PLAIN", "x"),
                false);
        String command = ProcessTable.SECRET_PRINTER + "echo 'bang!'\npwd";
        String[] printed = ("[" + secret + "] x").split("\n");
        try (CommandRunner runner = runner()) {
            for (int run = 0; run < 2; run++) {
                RunResult result = runner.run(RunRequest.of(command, target), WAIT);
                assertThat(result.stderr()).as("run " + run).isEmpty();
                assertThat(result.stdout()).as("run " + run).containsExactly(printed[0], printed[1], "read:",
                        "end of input", "bang!", work.toString());
                assertThat(runner.ssh().loginShell(host())).contains(TCSH.toString());
            }
        }
    }

    @Test
    void stopEndsTheCommandThroughTheTcshLogin() throws Exception {
        try (CommandRunner runner = runner()) {
            RunHandle handle = runner.start(RunRequest.of("sleep 95.7", SshTarget.of(host(), false)));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("95.7").size() == 1);
            ProcessHandle remote = ProcessTable.sleeps("95.7").get(0);
            handle.cancel();
            assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.CANCELLED);
            await().atMost(Duration.ofSeconds(10)).until(() -> !remote.isAlive());
        }
    }

    private static SshHost host() {
        return new SshHost("tcsh-host", "127.0.0.1", sshd.port, System.getProperty("user.name"), List.of(key), null,
                dir.resolve("known_hosts"));
    }

    private static CommandRunner runner() {
        ExecSettings settings = ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs"))
                .withKillGrace(Duration.ofSeconds(1));
        return new CommandRunner(settings, new SshConnections(SshConfigFile.empty(TestUser.current()), k -> true,
                (file, attempt) -> new char[0], Duration.ofSeconds(10), Duration.ofSeconds(30), SshAgent.none()));
    }
}
