package dev.incidentconsole.exec.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * How to reach one SSH host: from an environment definition or resolved from {@code ~/.ssh/config}
 * ({@link SshConfigFile#resolve}).
 *
 * @param name          the alias the engineer knows the host by
 * @param host          DNS name or address to connect to
 * @param port          TCP port, 22 by default
 * @param user          login user; never null or blank ({@link SshConfigFile#resolve} gives the local login name
 *                      when the config names none)
 * @param identityFiles private keys to offer, in order; empty for the defaults in {@code ~/.ssh}
 * @param proxyJump     OpenSSH {@code ProxyJump} value ({@code [user@]host[:port]} or an alias, comma
 *                      separated for several hops), or {@code null} for a direct connection
 * @param knownHosts    known_hosts file to verify against and record into; {@code null} for
 *                      {@code ~/.ssh/known_hosts}
 * @param identitiesOnly OpenSSH's {@code IdentitiesOnly}: offer only the ssh-agent keys that match the
 *                      identity files, not every key the agent holds
 */
public record SshHost(String name, String host, int port, String user, List<Path> identityFiles,
                      String proxyJump, Path knownHosts, boolean identitiesOnly) {

    public SshHost {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SSH host '" + name + "' has no host name");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("SSH host '" + name + "' has an invalid port " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("SSH host '" + name + "' has no login user");
        }
        identityFiles = List.copyOf(identityFiles);
        proxyJump = proxyJump == null || proxyJump.isBlank() || proxyJump.equalsIgnoreCase("none") ? null : proxyJump;
    }

    /** A host that offers every key the ssh-agent holds ({@code IdentitiesOnly no}). */
    public SshHost(String name, String host, int port, String user, List<Path> identityFiles, String proxyJump,
                   Path knownHosts) {
        this(name, host, port, user, identityFiles, proxyJump, knownHosts, false);
    }

    /** A direct host with default keys and known_hosts. */
    public static SshHost of(String user, String host, int port) {
        return new SshHost(host, host, port, user, List.of(), null, null);
    }

    public SshHost withIdentityFiles(List<Path> files) {
        return new SshHost(name, host, port, user, files, proxyJump, knownHosts, identitiesOnly);
    }

    public SshHost withKnownHosts(Path file) {
        return new SshHost(name, host, port, user, identityFiles, proxyJump, file, identitiesOnly);
    }

    public SshHost withProxyJump(String jump) {
        return new SshHost(name, host, port, user, identityFiles, jump, knownHosts, identitiesOnly);
    }

    public SshHost withIdentitiesOnly(boolean only) {
        return new SshHost(name, host, port, user, identityFiles, proxyJump, knownHosts, only);
    }

    /** The identity used to pool connections: one connection per user, address, port and route. */
    public String connectionKey() {
        return user + "@" + host + ":" + port + (proxyJump == null ? "" : " via " + proxyJump)
                + " keys " + identityFiles + (identitiesOnly ? " only" : "");
    }

    /** {@code user@host:port}, for messages. */
    public String display() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
