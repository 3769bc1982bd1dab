package dev.incidentconsole.app.targets;

import dev.incidentconsole.exec.ssh.SshAgent;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import java.nio.file.Path;

/**
 * Where the app's SSH settings come from: OpenSSH's own by default ({@code ~/.ssh/config}, the ssh-agent of
 * {@code $SSH_AUTH_SOCK}). {@code -Dincident.ssh.config=FILE} reads another client config and
 * {@code -Dincident.ssh.agent=SOCKET} uses another agent (empty: none), so tests and demos do not depend on
 * the account's own SSH setup.
 */
public final class SshSettings {
    public static final String CONFIG_PROPERTY = "incident.ssh.config";
    public static final String AGENT_PROPERTY = "incident.ssh.agent";

    private SshSettings() {
    }

    /** The OpenSSH client config to read. */
    public static Path configFile() {
        String named = System.getProperty(CONFIG_PROPERTY);
        return named == null || named.isBlank() ? SshConfigFile.defaultPath() : Path.of(named).toAbsolutePath();
    }

    /** The ssh-agent to log in with first (none when neither the property nor {@code $SSH_AUTH_SOCK} names one). */
    public static SshAgent agent() {
        String named = System.getProperty(AGENT_PROPERTY);
        if (named == null) {
            return SshAgent.fromEnvironment();
        }
        return named.isBlank() ? SshAgent.none() : SshAgent.at(Path.of(named), SshAgent.DEFAULT_TIMEOUT);
    }
}
