package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.ssh.SshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interactive commands can be handed to a terminal with the target's scoping intact. */
class TerminalCommandTest {
    @TempDir
    Path dir;

    @Test
    void sshCommandGetsATtyKeysJumpAndEnvironment() throws ExecException {
        SshHost host = new SshHost("db", "db.internal", 2222, "ops", List.of(Path.of("/keys/id")), "bastion",
                Path.of("/kh"));
        SshTarget target = new SshTarget("db", host, "/srv/app", Map.of("PGDATABASE", "shop"), true);
        try (CommandRunner runner = Runners.local(dir)) {
            PreparedCommand prepared = runner.prepare(RunRequest.of("psql -U app", target));
            assertThat(prepared.interactivity().needsTerminal()).isTrue();
            assertThat(runner.terminalCommand(prepared)).containsExactly("ssh", "-t", "-p", "2222", "-i", "/keys/id",
                    "-o", "UserKnownHostsFile=/kh", "-J", "bastion", "ops@db.internal",
                    "export PGDATABASE='shop'; cd '/srv/app' || exit 1; psql -U app");
        }
    }

    @Test
    void kubeCommandRunsThroughTheSameScopingInATerminal() throws Exception {
        Path fake = dir.resolve("fake-kubectl");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done; echo\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        KubeTarget pod = KubeTarget.of("prod", "shop", true).inPod("api-0", null);
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(Runners.settings(dir).withKubectl(fake.toString()))) {
            List<String> argv = runner.terminalCommand(runner.prepare(RunRequest.of("bash", pod)));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes()).strip())
                    .isEqualTo("[exec][-it][-n][shop][api-0][--context][prod][--][sh][-c][bash]");
        }
    }

    @Test
    void localCommandKeepsDirectoryAndEnvironment() throws Exception {
        LocalTarget target = new LocalTarget("here", dir, Map.of("WHO", "on-call"), false);
        try (CommandRunner runner = Runners.local(dir)) {
            List<String> argv = runner.terminalCommand(runner.prepare(RunRequest.of("echo \"$WHO\"; pwd", target)));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes()).lines().toList())
                    .containsExactly("on-call", dir.toRealPath().toString());
        }
    }
}
