package dev.incidentconsole.exec;

import dev.incidentconsole.exec.testing.TestUser;
import java.nio.file.Path;
import java.time.Duration;

/** Runners for tests: output files under a temp dir, short grace periods. */
final class Runners {
    static final Duration WAIT = Duration.ofSeconds(30);

    private Runners() {
    }

    static ExecSettings settings(Path dir) {
        return ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")).withKillGrace(Duration.ofSeconds(1));
    }

    /** A runner judging destructiveness with {@code dangerCheck}. */
    static CommandRunner withDangerCheck(Path dir, java.util.function.Function<String, dev.incidentconsole.runbook.Danger> check) {
        return new CommandRunner(settings(dir), new dev.incidentconsole.exec.ssh.SshConnections(
                dev.incidentconsole.exec.ssh.SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), dev.incidentconsole.exec.ssh.HostKeyDecision.REJECT,
                dev.incidentconsole.exec.ssh.PassphraseProvider.NONE, WAIT, WAIT,
                dev.incidentconsole.exec.ssh.SshAgent.none()), check);
    }

    static CommandRunner local(Path dir) {
        return CommandRunner.withoutSshPrompts(settings(dir));
    }
}
