package dev.incidentconsole.exec;

import dev.incidentconsole.exec.ssh.SshHost;
import java.util.Map;

/**
 * A host reached over SSH. The command runs in bash ({@code sh} where bash is missing) after {@code cd workingDir}
 * and with {@code environment} exported: in the login shell itself once that is known to be bash, so that the
 * command is the one process it starts on the host, else through {@code bash -c}.
 *
 * @param workingDir  remote directory, or {@code null} for the login directory
 * @param environment variables exported before the command runs
 */
public record SshTarget(String name, SshHost host, String workingDir, Map<String, String> environment,
                        boolean production) implements Target {

    public SshTarget {
        if (host == null) {
            throw new IllegalArgumentException("SSH target '" + name + "' needs a host");
        }
        environment = Map.copyOf(environment);
    }

    /** A target for {@code host}, login directory, no extra environment. */
    public static SshTarget of(SshHost host, boolean production) {
        return new SshTarget(host.name(), host, null, Map.of(), production);
    }
}
