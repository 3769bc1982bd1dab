package dev.incidentconsole.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.exec.ssh.HostKeyDecision;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.SshAgent;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.exec.ssh.SshHost;
import dev.incidentconsole.exec.testing.LoopbackSshd;
import dev.incidentconsole.health.ProbeContext;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check commands on other targets, through exec's runner: an SSH host (in-process MINA sshd on loopback, its
 * host key checked against known_hosts), and kubectl and docker targets driving fake {@code kubectl} and
 * {@code docker} scripts that record the arguments they were given.
 */
class RemoteCommandProbeTest {
    @TempDir
    static Path serverDir;
    static LoopbackSshd sshd;
    static SshHost host;

    @TempDir
    Path dir;
    Path argv;
    Path bin;
    CommandRunner runner;
    Probes probes;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = new LoopbackSshd(serverDir);
        host = new SshHost("db-1", "127.0.0.1", sshd.port(), "ops", List.of(sshd.userKey()), null,
                sshd.knownHosts(serverDir.resolve("known_hosts")));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        sshd.close();
    }

    @BeforeEach
    void open() throws Exception {
        argv = dir.resolve("argv");
        bin = Files.createDirectory(dir.resolve("tools")); // not "bin": exec writes its kubectl shim beside "runs"
        for (String tool : List.of("kubectl", "docker")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\n{ printf '" + tool + "'; for a in \"$@\"; do printf ' [%s]' \"$a\"; "
                    + "done; echo; } >> " + argv + "\necho ok\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        ExecSettings d = Probes.settings(TestUser.current());
        ExecSettings settings = new ExecSettings(dir.resolve("runs"), d.tailLines(), d.tailChars(), d.defaultTimeout(),
                d.killGrace(), d.drainTimeout(), bin.resolve("kubectl").toString(), d.user());
        runner = new CommandRunner(settings, new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), HostKeyDecision.REJECT,
                PassphraseProvider.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30), SshAgent.none()));
        probes = new Probes(runner);
    }

    @AfterEach
    void close() {
        probes.close();
        runner.close();
    }

    @Test
    void sshCheckRunsOnTheHostWithTheTargetsAndTheChecksVariables() throws Exception {
        Path work = Files.createDirectories(dir.resolve("remote work"));
        SshTarget target = new SshTarget("db-1", host, work.toString(), Map.of("ROLE", "primary"), true);
        CommandSpec spec = new CommandSpec("echo \"$(pwd) role=$ROLE pwlen=${#PGPASSWORD}\"; exit 3",
                Map.of("PGPASSWORD", Secret.of("novapass")), "db-1").on(target);
        ProbeResult r = check(spec, Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("exit 3: " + work + " role=primary pwlen=8");
    }

    @Test
    void sshHostWhoseKeyIsNotInKnownHostsIsNotTrusted() throws Exception {
        Path empty = Files.writeString(dir.resolve("known_hosts"), "");
        SshHost stranger = new SshHost("db-1", "127.0.0.1", sshd.port(), "ops", List.of(sshd.userKey()), null, empty);
        ProbeResult r = check(CommandSpec.of("true").on(SshTarget.of(stranger, false)), Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("cannot run the command: Not connected to ").contains("was not trusted");
    }

    @Test
    void sshCheckThatOverrunsIsStoppedOnTheHost() throws Exception {
        Path pids = dir.resolve("pids");
        CommandSpec spec = CommandSpec.of("sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait")
                .on(SshTarget.of(host, false));
        ProbeResult r = check(spec, Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo("timeout after 2000 ms (command killed)");
        CommandProbeTest.assertDead(pids);
    }

    @Test
    void kubectlCheckIsScopedToTheTargetsContextAndNamespace() throws Exception {
        KubeTarget prod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true);
        ProbeResult r = check(new CommandSpec("kubectl get --raw /readyz", Map.of(), "prod-eu").on(prod),
                Duration.ofSeconds(10));
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
        assertThat(Files.readAllLines(argv)).singleElement().asString()
                .startsWith("kubectl [get] [--raw] [/readyz]").contains("[--context] [prod-eu]").contains("[-n] [shop]");
    }

    /** A check's own timeout bounds it: no "has not answered" line from the kube API probe in its output. */
    @Test
    void kubectlCheckDoesNotProbeTheApiServer() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // config view names a server that accepts and never answers; the check outlasts the probe's 10 s
            Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\nif [ \"$1\" = config ]; then echo https://127.0.0.1:"
                    + silent.getLocalPort() + "; exit 0; fi\nsleep 12; echo ready\n");
            KubeTarget prod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true);
            ProbeResult r = check(new CommandSpec("kubectl get --raw /readyz", Map.of(), "prod-eu").on(prod),
                    Duration.ofSeconds(30));
            assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
            assertThat(r.details().get("output")).isEqualTo("ready");
        }
    }

    @Test
    void checkOnAPodTargetRunsInsideThePod() throws Exception {
        KubeTarget pod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true).inPod("db-0", null);
        ProbeResult r = check(CommandSpec.of("pg_isready -U app").on(pod), Duration.ofSeconds(10));
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
        assertThat(Files.readAllLines(argv)).singleElement().asString().startsWith("kubectl [exec]")
                .contains("[db-0]", "[--context] [prod-eu]", "[--] [sh] [-c] [pg_isready -U app]");
    }

    @Test
    void checkOnADockerContainerTargetRunsInsideTheContainer() throws Exception {
        LocalTarget laptop = new LocalTarget("laptop", null, Map.of("PATH", bin + ":/usr/bin:/bin"), false);
        ProbeResult r = check(CommandSpec.of("redis-cli ping").on(DockerTarget.on(laptop).inContainer("cache-1")),
                Duration.ofSeconds(10));
        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
        assertThat(Files.readAllLines(argv)).containsExactly("docker [exec] [cache-1] [sh] [-c] [redis-cli ping]");
    }

    @Test
    void destructiveCheckOnAKubectlTargetNeverReachesKubectl() {
        KubeTarget prod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true);
        ServiceSpec service = ServiceSpec.of("api", "", 0, new CommandSpec("kubectl delete pod api-0", Map.of(),
                "prod-eu").on(prod)).withOrigin("environments.yaml line 22");
        ProbeResult r = probes.create(service).check(ProbeContext.start(Duration.ofSeconds(5)));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("refused: ").endsWith("(service \"api\", environments.yaml line 22)");
        assertThat(argv).doesNotExist();
    }

    @Test
    void variablesCannotBeHandedToAPodAndSaySo() {
        Target pod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true).inPod("db-0", null);
        ProbeResult r = check(new CommandSpec("pg_isready", Map.of("PGPASSWORD", Secret.of("x")), "db").on(pod),
                Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).startsWith("env: cannot be passed to a command on a kubectl target");
        assertThat(argv).doesNotExist();
    }

    @Test
    void secretsACheckReadsAreLeftOutOnAPodInsteadOfFailingTheCheck() throws Exception {
        // No env: written, so no "env: cannot be passed" error: the pod's shell expands $REDIS_PW from its own.
        Target pod = new KubeTarget("prod-eu", "prod-eu", "shop", null, null, null, true).inPod("cache-0", null);
        CommandSpec spec = new CommandSpec("redis-cli -a \"$REDIS_PW\" ping", Map.of(),
                Map.of("REDIS_PW", Secret.of("r3dis")), "prod-eu").on(pod);

        ProbeResult r = check(spec, Duration.ofSeconds(10));

        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
        assertThat(Files.readAllLines(argv)).singleElement().asString()
                .contains("[--] [sh] [-c] [redis-cli -a \"$REDIS_PW\" ping]").doesNotContain("r3dis");
    }

    @Test
    void secretsACheckReadsReachItsShellOnAnSshHost() throws Exception {
        SshTarget target = new SshTarget("db-1", host, null, Map.of(), true);
        CommandSpec spec = new CommandSpec("test \"$MONITOR_PW\" = \"Mon-pw-$((70 + 7))\"", Map.of(),
                Map.of("MONITOR_PW", Secret.of("Mon-pw-77")), "db-1").on(target);

        ProbeResult r = check(spec, Duration.ofSeconds(10));

        assertThat(r.status()).as(r.reason()).isEqualTo(Status.UP);
        assertThat(sshd.commands()).as("command lines on the host").noneMatch(c -> c.contains("Mon-pw-77"));
    }

    private ProbeResult check(CommandSpec spec, Duration timeout) {
        return probes.create(spec).check(ProbeContext.start(timeout));
    }
}
