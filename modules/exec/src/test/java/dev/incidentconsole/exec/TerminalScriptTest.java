package dev.incidentconsole.exec;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.ssh.SshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the terminal window runs for an interactive command on each kind of target. */
class TerminalScriptTest {
    @TempDir
    Path dir;

    private static final SshHost DB = new SshHost("db", "db-1.internal", 2222, "oncall",
            List.of(Path.of("/keys/oncall")), "bastion", null);

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of(new LocalTarget("here", Path.of("/srv/app"), Map.of("REGION", "eu"), false),
                        "cd '/srv/app' && export REGION='eu'; psql -h db"),
                Arguments.of(new SshTarget("db", DB, "/var/lib", Map.of(), true),
                        "ssh -t -p 2222 -i /keys/oncall -J bastion oncall@db-1.internal 'cd '\\''/var/lib'\\'' && psql -h db'"),
                Arguments.of(new KubeTarget("api", "prod-eu", "shop", null, "api-0", "app", true),
                        "kubectl exec -it -n shop api-0 -c app --context prod-eu -- sh -c 'psql -h db'"),
                Arguments.of(new KubeTarget("shop", "prod-eu", "shop", Path.of("/k/config"), null, null, true),
                        "KUBECONFIG='/k/config' PATH='/shim':\"$PATH\" IC_KUBECTL='/usr/bin/kubectl'"
                                + " IC_KUBE_CONTEXT='prod-eu' IC_KUBE_NAMESPACE='shop' bash -c 'psql -h db'"),
                Arguments.of(DockerTarget.on(SshTarget.of(SshHost.of("ops", "web-1", 22), false)).inContainer("db"),
                        "ssh -t ops@web-1 'docker exec -it '\\''db'\\'' sh -c '\\''psql -h db'\\'''"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void interactiveCommandRunsWithATerminalOnItsTarget(Target target, String expected) throws ExecException {
        PreparedCommand prepared;
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()))) {
            prepared = runner.prepare(RunRequest.of("psql -h db", target));
        }

        assertThat(TerminalScript.of(prepared, Path.of("/shim"), Path.of("/usr/bin/kubectl"))).isEqualTo(expected);
    }

    @Test
    void aLocalScriptRunsInTheTargetsFolderWithItsEnvironment() throws Exception {
        LocalTarget target = new LocalTarget("here", dir, Map.of("WHO", "on-call"), false);
        try (CommandRunner runner = Runners.local(dir)) {
            String script = runner.terminalScript(runner.prepare(RunRequest.of("echo \"$WHO\"; pwd", target)), null);
            assertThat(run(script, Map.of())).containsExactly("on-call", dir.toRealPath().toString());
        }
    }

    @Test
    void aPodScriptRunsKubectlExecWithATtyInItsNamespaceAndContext() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fake = bin.resolve("kubectl");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done; echo\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        KubeTarget pod = KubeTarget.of("prod", "shop", true).inPod("api-0", null);
        try (CommandRunner runner = Runners.local(dir)) {
            String script = runner.terminalScript(runner.prepare(RunRequest.of("bash", pod)), null);
            assertThat(run(script, Map.of("PATH", bin + ":" + System.getenv("PATH"))))
                    .containsExactly("[exec][-it][-n][shop][api-0][--context][prod][--][sh][-c][bash]");
        }
    }

    /** What the script prints when a shell runs it, as the terminal's shell would. */
    private static List<String> run(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).lines().toList();
    }

    @Test
    void anEnvironmentNameThatIsNoNameIsRefusedNotWrittenIntoTheScript() throws Exception {
        LocalTarget target = new LocalTarget("here", dir, Map.of("X=1; touch pwned; Y", "v"), false);
        try (CommandRunner runner = Runners.local(dir)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> runner.terminalScript(runner.prepare(RunRequest.of("true", target)), null))
                    .isInstanceOf(ExecException.class).hasMessageContaining("not valid");
        }
    }
}
