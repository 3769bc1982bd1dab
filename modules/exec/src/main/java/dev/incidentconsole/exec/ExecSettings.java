package dev.incidentconsole.exec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tunables of a {@link CommandRunner}. Immutable; start from {@link #defaults(LocalUser)}.
 *
 * @param outputDir      where each run's full output file is written
 * @param tailLines      lines of output kept in memory per run
 * @param tailChars      characters of output kept in memory per run (bounds memory when lines are long)
 * @param defaultTimeout limit for a request without one; commands that never end by design get none
 * @param killGrace      how long a cancelled command gets to exit after SIGTERM before SIGKILL
 * @param drainTimeout   how long output may stay quiet after the command exited before reading stops (a
 *                       background child may hold the pipe open)
 * @param kubectl        the kubectl binary: a name looked up on PATH or an absolute path
 * @param user           who runs the commands: home, name, environment variables ({@code PATH}), temporary folder
 */
public record ExecSettings(Path outputDir, int tailLines, long tailChars, Duration defaultTimeout,
                           Duration killGrace, Duration drainTimeout, String kubectl, LocalUser user) {

    /** The defaults for {@code user}: output under its temporary folder, 10 min timeout, 3 s grace, kubectl on PATH. */
    public static ExecSettings defaults(LocalUser user) {
        Path dir = user.tempDir().resolve("incident-console-" + user.name()).resolve("runs");
        return new ExecSettings(dir, 10_000, 8L * 1024 * 1024, Duration.ofMinutes(10), Duration.ofSeconds(3),
                Duration.ofSeconds(2), "kubectl", user);
    }

    public ExecSettings withOutputDir(Path dir) {
        return new ExecSettings(dir, tailLines, tailChars, defaultTimeout, killGrace, drainTimeout, kubectl, user);
    }

    public ExecSettings withTailLines(int lines) {
        return new ExecSettings(outputDir, lines, tailChars, defaultTimeout, killGrace, drainTimeout, kubectl, user);
    }

    public ExecSettings withDefaultTimeout(Duration limit) {
        return new ExecSettings(outputDir, tailLines, tailChars, limit, killGrace, drainTimeout, kubectl, user);
    }

    public ExecSettings withKillGrace(Duration grace) {
        return new ExecSettings(outputDir, tailLines, tailChars, defaultTimeout, grace, drainTimeout, kubectl, user);
    }

    public ExecSettings withKubectl(String binary) {
        return new ExecSettings(outputDir, tailLines, tailChars, defaultTimeout, killGrace, drainTimeout, binary, user);
    }
}
