package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.testing.ProcessTable;
import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.RunHandle;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.RunStatus;
import dev.incidentconsole.exec.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same promises against OpenSSH's own sshd, when it is installed. */
class OpenSshTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String PASSPHRASE = "pem passphrase";

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static Path ed25519;
    static Path pemRsa;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(),
                "OpenSSH sshd is not installed (apt-get install -y openssh-server); skipping the real-server tests");
        ed25519 = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", null, false);
        pemRsa = OpenSshServer.keygen(dir.resolve("id_rsa_pem"), "rsa", PASSPHRASE, true);
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(Path.of(ed25519 + ".pub")) + Files.readString(Path.of(pemRsa + ".pub")));
        sshd = OpenSshServer.start(dir, authorized);
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshHost host(Path knownHosts, Path key) {
        return new SshHost("openssh", "127.0.0.1", sshd.port, System.getProperty("user.name"), List.of(key), null,
                knownHosts);
    }

    private static CommandRunner runner(HostKeyDecision decision) {
        ExecSettings settings = ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs"))
                .withKillGrace(Duration.ofSeconds(1));
        return new CommandRunner(settings, new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), decision,
                (file, attempt) -> PASSPHRASE.toCharArray(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                SshAgent.none()));
    }

    @Test
    void firstContactIsAskedRecordedForOpenSshAndThenTrusted() throws Exception {
        Path knownHosts = dir.resolve("known_hosts_first");
        List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();
        try (CommandRunner runner = runner(key -> asked.add(key))) {
            RunResult result = runner.run(RunRequest.of("echo out; echo err >&2; exit 7",
                    SshTarget.of(host(knownHosts, ed25519), true)), WAIT);
            assertThat(result.stdout()).containsExactly("out");
            assertThat(result.stderr()).containsExactly("err");
            assertThat(result.exitCode()).isEqualTo(7);
        }
        assertThat(asked).singleElement().extracting(UnknownHostKey::keyType).isEqualTo("ssh-ed25519");
        String serverKey = Files.readString(sshd.hostPublicKey).split(" ")[1];
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + sshd.port + " ssh-ed25519 " + serverKey);

        try (CommandRunner again = runner(HostKeyDecision.REJECT)) {
            assertThat(again.run(RunRequest.of("echo again", SshTarget.of(host(knownHosts, ed25519), true)), WAIT)
                    .stdout()).containsExactly("again");
        }
        assertThat(openSshClientAccepts(knownHosts)).as("the OpenSSH client trusts the recorded entry").isTrue();
    }

    private static boolean openSshClientAccepts(Path knownHosts) throws Exception {
        Process ssh = new ProcessBuilder("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-i", ed25519.toString(),
                "-p", String.valueOf(sshd.port), System.getProperty("user.name") + "@127.0.0.1", "true")
                .redirectErrorStream(true).start();
        return ssh.waitFor(20, TimeUnit.SECONDS) && ssh.exitValue() == 0;
    }

    @Test
    void encryptedPemKeyLogsInAndManyCommandsShareOneConnection() throws Exception {
        Path knownHosts = dir.resolve("known_hosts_pem");
        try (CommandRunner runner = runner(key -> true)) {
            SshTarget target = SshTarget.of(host(knownHosts, pemRsa), false);
            for (int i = 0; i < 2; i++) {
                assertThat(runner.run(RunRequest.of("echo " + i, target), WAIT).stdout()).containsExactly("" + i);
            }
            assertThat(runner.ssh().connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void commandReadingStdinGetsEndOfInputInsteadOfWaitingForItsTimeout() throws Exception {
        try (CommandRunner runner = runner(key -> true)) {
            RunResult result = runner.run(RunRequest.of("read line; echo \"read:$line\"; cat; echo end",
                    SshTarget.of(host(dir.resolve("known_hosts_stdin"), ed25519), false))
                    .withTimeout(Duration.ofSeconds(8)), WAIT);
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.stdout()).containsExactly("read:", "end");
        }
    }

    @Test
    void environmentValuesReachTheCommandButNoProcessCommandLineInEitherForm() throws Exception {
        SshHost host = host(dir.resolve("known_hosts_secret"), ed25519);
        String secret = ProcessTable.secret();
        SshTarget target = new SshTarget("openssh", host, null, Map.of("IC_SECRET", secret, "PLAIN", "x"), false);
        String[] printed = ("[" + secret + "] x").split("\n");
        try (CommandRunner runner = runner(key -> true)) {
            // the first under sh -c, the second straight in bash, which stays the command's parent while it runs
            for (String sleep : List.of("93.1", "93.2")) {
                String command = ProcessTable.SECRET_PRINTER + "sleep " + sleep + "; echo after";
                RunHandle handle = runner.start(RunRequest.of(command, target));
                await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps(sleep).size() == 1);

                String firstLine = secret.lines().findFirst().orElseThrow();
                assertThat(ProcessTable.commandLinesHolding(firstLine)).isEmpty();
                // ps samples once the command runs, after the sh -c wrapper has exec'd away: the shells' own
                // logs of their -c text also cover the wrapper, the login shell's command line, while it ran
                assertThat(bashStarts()).as("the -c text of every bash started").isNotEmpty()
                        .noneMatch(line -> line.contains(firstLine));
                handle.cancel();
                RunResult result = handle.await(WAIT);
                assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
                assertThat(result.stdout()).containsExactly(printed[0], printed[1], "read:", "end of input");
                await().atMost(Duration.ofSeconds(5)).until(() -> ProcessTable.sleeps(sleep).isEmpty());
                assertThat(runner.ssh().loginShell(host)).isPresent();
            }
        }
    }

    @Test
    void cancelStopsTheRemoteProcessTree() throws Exception {
        Path knownHosts = dir.resolve("known_hosts_cancel");
        try (CommandRunner runner = runner(key -> true)) {
            RunHandle handle = runner.start(RunRequest.of("sh -c 'sleep 98.1 & sleep 98.2'",
                    SshTarget.of(host(knownHosts, ed25519), false)));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("98.1").size() == 1
                    && ProcessTable.sleeps("98.2").size() == 1);
            List<ProcessHandle> remote = List.of(ProcessTable.sleeps("98.1").get(0), ProcessTable.sleeps("98.2").get(0));
            handle.cancel();
            assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.CANCELLED);
            await().atMost(Duration.ofSeconds(5)).until(() -> remote.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    @Test
    void laterCommandsRunAsTheOneRemoteProcessWithStreamsExitCodeEnvironmentAndDirectory() throws Exception {
        Path knownHosts = dir.resolve("known_hosts_direct");
        Path work = Files.createDirectories(dir.resolve("work dir"));
        SshHost host = host(knownHosts, ed25519);
        SshTarget target = new SshTarget("openssh", host, work.toString(), Map.of("GREETING", "it's $here"), false);
        try (CommandRunner runner = runner(key -> true)) {
            assertThat(runner.ssh().client(host).getSocket().getTcpNoDelay()).as("Nagle off").isTrue();
            runner.run(RunRequest.of("true", target), WAIT);
            await().atMost(Duration.ofSeconds(5)).until(() -> runner.ssh().loginShell(host).isPresent());

            RunResult result = runner.run(RunRequest.of("echo \"$GREETING\"; pwd; echo err >&2; exit 3", target), WAIT);
            assertThat(result.stdout()).containsExactly("it's $here", work.toString());
            assertThat(result.stderr()).containsExactly("err");
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(runner.run(RunRequest.of("echo one # a comment", target), WAIT).stdout()).containsExactly("one");
            assertThat(runner.run(RunRequest.of("echo a \\\necho b", target), WAIT).stdout())
                    .containsExactly("a echo b");
            assertThat(runner.run(RunRequest.of("[[ -d . ]] && echo bash syntax", target), WAIT).stdout())
                    .containsExactly("bash syntax");

            RunHandle handle = runner.start(RunRequest.of("sleep 96.4", target));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessTable.sleeps("96.4").size() == 1);
            assertThat(sshd.commandProcesses()).as("processes the command runs as on the host")
                    .singleElement().satisfies(p -> assertThat(p.info().command().orElse("")).endsWith("/sleep"));
            assertThat(bashStarts()).filteredOn(line -> line.contains("sleep 96.4")).as("program loads").hasSize(1);
            handle.cancel();
            assertThat(handle.await(WAIT).status()).isEqualTo(RunStatus.CANCELLED);
            await().atMost(Duration.ofSeconds(5)).until(() -> ProcessTable.sleeps("96.4").isEmpty());
        }
    }

    private static List<String> bashStarts() throws Exception {
        return Files.exists(sshd.bashStarts) ? Files.readAllLines(sshd.bashStarts) : List.of();
    }
}
