package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.ExecException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;

/**
 * Opens one authenticated connection. Host keys: a key found in known_hosts is accepted; an unknown key
 * fails the first handshake, the engineer is asked (outside SSH I/O, with no time limit), and if they trust
 * it the key is recorded and the handshake redone against the file; a changed key is refused.
 */
final class SshConnector {
    private final DefaultConfig config;
    private final HostKeyDecision hostKeys;
    private final PassphraseProvider passphrases;
    private final Duration connectTimeout;
    private final Duration keepAlive;
    private final SshAgent agent;

    /** The local user's home: its {@code ~/.ssh} holds the default keys. */
    private final Path home;

    SshConnector(DefaultConfig config, HostKeyDecision hostKeys, PassphraseProvider passphrases,
                 Duration connectTimeout, Duration keepAlive, SshAgent agent, Path home) {
        this.agent = agent;
        this.home = home;
        this.config = config;
        this.hostKeys = hostKeys;
        this.passphrases = passphrases;
        this.connectTimeout = connectTimeout;
        this.keepAlive = keepAlive;
    }

    SSHClient connect(SshHost host, SSHClient jump, Path knownHosts) throws ExecException {
        KnownHostsVerifier verifier = verifier(knownHosts);
        try {
            return handshake(host, jump, verifier);
        } catch (HostKeyFailure failure) {
            if (verifier.outcome() == KnownHostsVerifier.Outcome.CHANGED) {
                throw changed(host, knownHosts, verifier.presentedKey());
            }
            PublicKey key = verifier.presentedKey();
            UnknownHostKey unknown = new UnknownHostKey(host.host(), host.port(), KnownHostsVerifier.keyType(key),
                    KnownHostsVerifier.fingerprint(key), knownHosts);
            if (!hostKeys.trust(unknown)) {
                throw new ExecException(ExecException.Reason.HOST_KEY_REJECTED, "Not connected to "
                        + host.display() + ": its host key " + unknown.fingerprint() + " was not trusted.");
            }
            try {
                KnownHostsVerifier.record(knownHosts, host.host(), host.port(), key);
            } catch (IOException e) {
                throw new ExecException(ExecException.Reason.IO, "Could not record the host key in " + knownHosts
                        + ": " + e.getMessage() + ".", e);
            }
            KnownHostsVerifier again = verifier(knownHosts);
            try {
                return handshake(host, jump, again);
            } catch (HostKeyFailure second) {
                throw changed(host, knownHosts, again.presentedKey());
            }
        }
    }

    private SSHClient handshake(SshHost host, SSHClient jump, KnownHostsVerifier verifier)
            throws ExecException, HostKeyFailure {
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(verifier);
        client.setSocketFactory(NoDelaySockets.INSTANCE);
        client.setConnectTimeout((int) connectTimeout.toMillis());
        client.getTransport().setTimeoutMs((int) connectTimeout.toMillis());
        try {
            if (jump != null) {
                client.connectVia(jump.newDirectConnection(host.host(), host.port()));
            } else {
                client.connect(host.host(), host.port());
            }
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) keepAlive.toSeconds());
            SshAuth.authenticate(client, host, passphrases, agent, home);
            return client;
        } catch (IOException e) {
            close(client);
            if (e instanceof TransportException && verifier.outcome() != KnownHostsVerifier.Outcome.KNOWN
                    && verifier.presentedKey() != null) {
                throw new HostKeyFailure();
            }
            throw new ExecException(ExecException.Reason.CONNECT_FAILED, "Cannot connect to " + host.display()
                    + (jump == null ? "" : " via " + host.proxyJump()) + ": " + e.getMessage()
                    + "; check the host name, port and network.", e);
        } catch (ExecException e) {
            close(client);
            throw e;
        }
    }

    private static ExecException changed(SshHost host, Path knownHosts, PublicKey key) {
        String hostPart = host.port() == 22 ? host.host() : "[" + host.host() + "]:" + host.port();
        return new ExecException(ExecException.Reason.HOST_KEY_CHANGED, "WARNING: the host key of "
                + host.display() + " has changed (now " + KnownHostsVerifier.fingerprint(key) + "); someone may be"
                + " intercepting the connection. Refused. If the host was reinstalled, remove the old key with"
                + " ssh-keygen -R '" + hostPart + "' -f " + knownHosts + " and connect again.");
    }

    private static KnownHostsVerifier verifier(Path knownHosts) throws ExecException {
        try {
            return new KnownHostsVerifier(knownHosts);
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.IO, "Cannot read " + knownHosts + ": " + e.getMessage()
                    + ".", e);
        }
    }

    private static void close(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // the connection failed anyway; nothing more to free
        }
    }

    /** The handshake failed because the host key was not accepted. */
    private static final class HostKeyFailure extends Exception {
        HostKeyFailure() {
            super(null, null, false, false);
        }
    }
}
