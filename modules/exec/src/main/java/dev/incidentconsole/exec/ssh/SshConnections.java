package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.ExecException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool of SSH connections: one authenticated connection per host (user, address, port, route), reused
 * by every command, kept alive with OpenSSH keep-alive requests and reopened when it has dropped. Jump
 * hosts ({@code ProxyJump}) are pooled connections too. Logs in with the ssh-agent's keys first, then the
 * identity files (see {@link SshAgent}). Thread-safe; connecting to one host does not block another. Every
 * connect is bounded by {@code connectTimeout}, every agent request by the agent's own timeout.
 */
public final class SshConnections implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnections.class);
    private static final int MAX_HOPS = 8;

    /** Read at the first connection or alias lookup, off the thread that makes the pool (the window's). */
    private final Supplier<SshConfigFile> configSource;
    private SshConfigFile config;
    private final HostKeyDecision hostKeys;
    private final PassphraseProvider passphrases;
    private final Duration connectTimeout;
    private final Duration keepAlive;
    private final SshAgent agent;
    /**
     * Made at the first connection: sshj's config registers BouncyCastle and lists every algorithm, which takes
     * from a few hundred milliseconds to seconds, on the window's start path if made eagerly.
     */
    private DefaultConfig sshConfig;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, String> loginShells = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();

    /** Holds one host's connection; its monitor serialises connecting to that host. */
    private static final class Slot {
        SSHClient client;
    }

    /** A pool using the ssh-agent named by the config's user's {@code $SSH_AUTH_SOCK}, if one runs. */
    public SshConnections(SshConfigFile config, HostKeyDecision hostKeys, PassphraseProvider passphrases,
                          Duration connectTimeout, Duration keepAlive) {
        this(config, hostKeys, passphrases, connectTimeout, keepAlive, SshAgent.fromEnvironment(config.user()));
    }

    /** @param agent the ssh-agent to log in with first; {@link SshAgent#none()} for key files only */
    public SshConnections(SshConfigFile config, HostKeyDecision hostKeys, PassphraseProvider passphrases,
                          Duration connectTimeout, Duration keepAlive, SshAgent agent) {
        this(() -> config, hostKeys, passphrases, connectTimeout, keepAlive, agent);
    }

    /** @param config gives the SSH config when first needed (reading the file is I/O the pool's maker may not do) */
    public SshConnections(Supplier<SshConfigFile> config, HostKeyDecision hostKeys, PassphraseProvider passphrases,
                          Duration connectTimeout, Duration keepAlive, SshAgent agent) {
        this.agent = agent;
        this.configSource = config;
        this.hostKeys = hostKeys;
        this.passphrases = passphrases;
        this.connectTimeout = connectTimeout;
        this.keepAlive = keepAlive;
    }

    private synchronized DefaultConfig sshConfig() {
        if (sshConfig == null) {
            sshConfig = new DefaultConfig();
            sshConfig.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        }
        return sshConfig;
    }

    private synchronized SshConfigFile config() {
        if (config == null) {
            config = configSource.get();
        }
        return config;
    }

    /** Resolves an alias through the SSH config this pool was made with. */
    public SshHost resolve(String alias) throws ExecException {
        return config().resolve(alias);
    }

    /**
     * Starts {@code command} on a new channel of the host's pooled connection, connecting (or reconnecting
     * once, if the pooled connection turns out to be dead) as needed.
     */
    public Session.Command exec(SshHost host, String command) throws ExecException {
        for (int attempt = 1; ; attempt++) {
            SSHClient client = client(host);
            Session session = null;
            try {
                session = client.startSession();
                return session.exec(command);
            } catch (IOException e) {
                closeQuietly(session);
                if (attempt >= 2) {
                    throw new ExecException(ExecException.Reason.START_FAILED, "Could not start the command on "
                            + host.display() + ": " + e.getMessage() + ".", e);
                }
                LOG.info("Connection to {} failed to open a channel ({}); reconnecting", host.display(), e.toString());
                disconnect(host);
            }
        }
    }

    /** The host's live connection, opened if there is none. */
    public SSHClient client(SshHost host) throws ExecException {
        return client(host, 0);
    }

    private SSHClient client(SshHost host, int hops) throws ExecException {
        if (hops > MAX_HOPS) {
            throw new ExecException(ExecException.Reason.CONFIG_INVALID, "ProxyJump for " + host.name()
                    + " goes through more than " + MAX_HOPS + " hops; check the SSH config for a loop.");
        }
        Slot slot = slots.computeIfAbsent(host.connectionKey(), k -> new Slot());
        synchronized (slot) {
            if (slot.client != null && slot.client.isConnected() && slot.client.isAuthenticated()) {
                return slot.client;
            }
            closeQuietly(slot.client);
            slot.client = null;
            SSHClient jump = host.proxyJump() == null ? null : client(jumpHost(host), hops + 1);
            slot.client = new SshConnector(sshConfig(), hostKeys, passphrases, connectTimeout, keepAlive, agent, config().home())
                    .connect(host, jump, knownHosts(host));
            opened.incrementAndGet();
            return slot.client;
        }
    }

    /**
     * The last hop of the host's ProxyJump list, reached through the hops before it. A hop without its own
     * IdentityFile or UserKnownHostsFile uses those of the host it leads to: one set of keys for the route.
     */
    private SshHost jumpHost(SshHost target) throws ExecException {
        String proxyJump = target.proxyJump();
        List<String> hops = List.of(proxyJump.split(","));
        String last = hops.get(hops.size() - 1).strip().replaceFirst("^ssh://", "");
        String user = null;
        int at = last.lastIndexOf('@');
        if (at >= 0) {
            user = at > 0 ? last.substring(0, at) : null; // "@bastion": no user written, the config's
            last = last.substring(at + 1);
        }
        Integer port = null;
        int colon = last.lastIndexOf(':');
        if (colon >= 0 && !last.endsWith("]")) {
            try {
                port = Integer.parseInt(last.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ExecException(ExecException.Reason.CONFIG_INVALID, "ProxyJump '" + proxyJump
                        + "' has a bad port; write it as [user@]host[:port].");
            }
            last = last.substring(0, colon);
        }
        SshHost resolved = config().resolve(last.replace("[", "").replace("]", ""));
        String before = hops.size() > 1 ? String.join(",", hops.subList(0, hops.size() - 1)) : resolved.proxyJump();
        boolean ownKeys = !resolved.identityFiles().isEmpty();
        return new SshHost(resolved.name(), resolved.host(), port == null ? resolved.port() : port,
                user == null ? resolved.user() : user, ownKeys ? resolved.identityFiles() : target.identityFiles(),
                before, resolved.knownHosts() == null ? target.knownHosts() : resolved.knownHosts(),
                ownKeys ? resolved.identitiesOnly() : target.identitiesOnly() || resolved.identitiesOnly());
    }

    private Path knownHosts(SshHost host) {
        return host.knownHosts() != null ? host.knownHosts() : config().home().resolve(".ssh").resolve("known_hosts");
    }

    /** Connections opened since this pool was created (reconnects included). */
    public int connectionsOpened() {
        return opened.get();
    }

    /**
     * Remembers the login shell ({@code $SHELL}) a command on {@code host} reported, so that later commands
     * can be sent in that shell's own syntax. Forgotten when the host's connection is dropped.
     */
    public void recordLoginShell(SshHost host, String shell) {
        if (shell != null && !shell.isBlank()) {
            loginShells.put(host.connectionKey(), shell);
        }
    }

    /** The login shell a command on {@code host} reported through {@link #recordLoginShell}, if any yet. */
    public Optional<String> loginShell(SshHost host) {
        return Optional.ofNullable(loginShells.get(host.connectionKey()));
    }

    /** Drops the host's pooled connection (it is reopened on next use). */
    public void disconnect(SshHost host) {
        loginShells.remove(host.connectionKey());
        Slot slot = slots.remove(host.connectionKey());
        if (slot != null) {
            synchronized (slot) {
                closeQuietly(slot.client);
            }
        }
    }

    @Override
    public void close() {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                closeQuietly(slot.client);
                slot.client = null;
            }
        });
        slots.clear();
        loginShells.clear();
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing an SSH resource failed: {}", e.toString());
            }
        }
    }
}
