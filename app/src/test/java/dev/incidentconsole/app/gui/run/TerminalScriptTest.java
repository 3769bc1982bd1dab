package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.exec.ssh.SshHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the terminal window runs for an interactive command on each kind of target. */
class TerminalScriptTest {
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
}
