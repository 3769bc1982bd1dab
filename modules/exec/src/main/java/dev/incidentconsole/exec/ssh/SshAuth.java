package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.ExecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public-key authentication in OpenSSH's order: the keys the ssh-agent holds first, then the host's identity
 * files (OpenSSH, PEM/PKCS#8 and PuTTY formats, as sshj reads them, passphrases asked through a
 * {@link PassphraseProvider}). With {@code IdentitiesOnly yes} only agent keys matching an identity file
 * (by its {@code .pub} or unencrypted key) are offered. An agent that is absent, unreachable or empty is
 * passed over silently (logged); an identity file the agent already offered is not offered again, so its
 * passphrase is never asked for. An unreadable identity file fails only when nothing else can be offered.
 */
final class SshAuth {
    private static final Logger LOG = LoggerFactory.getLogger(SshAuth.class);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final int MAX_ATTEMPTS = 3;

    private SshAuth() {
    }

    /** @param home the local user's home, whose {@code ~/.ssh} holds the default keys */
    static void authenticate(SSHClient client, SshHost host, PassphraseProvider passphrases, SshAgent agent, Path home)
            throws ExecException {
        List<Path> files = keyFiles(host, home);
        List<SshAgent.Identity> agentKeys = agentKeys(client, host, files, agent);
        List<AuthMethod> methods = new ArrayList<>();
        agentKeys.forEach(identity -> methods.add(new AgentAuth(agent, identity)));
        List<ExecException> problems = new ArrayList<>();
        List<Path> noPassphrase = new CopyOnWriteArrayList<>(); // filled on sshj's reader thread as well
        for (Path file : files) {
            byte[] blob = agentKeys.isEmpty() ? null : PublicKeyBlobs.of(client, file);
            if (blob != null && agentKeys.stream().anyMatch(id -> id.matches(blob))) {
                continue; // offered through the agent already
            }
            if (!Files.isReadable(file)) {
                problems.add(new ExecException(ExecException.Reason.KEY_UNREADABLE, "The SSH key " + file + " for "
                        + host.name() + " does not exist or cannot be read; fix its IdentityFile."));
                continue;
            }
            try {
                KeyProvider keys = client.loadKeys(file.toString(), finder(file, passphrases, noPassphrase));
                methods.add(new AuthPublickey(new Guarded(keys, file)));
            } catch (IOException e) {
                problems.add(new ExecException(ExecException.Reason.KEY_UNREADABLE, "Cannot read the SSH key " + file
                        + ": " + e.getMessage() + "; check the file or its IdentityFile entry.", e));
            }
        }
        if (methods.isEmpty()) {
            throw problems.isEmpty() ? noKey(host, agent, home) : problems.get(0);
        }
        problems.forEach(p -> LOG.info("{} Trying the other keys.", p.getMessage()));
        try {
            client.auth(host.user(), methods);
        } catch (UserAuthException e) {
            throw rejected(host, agentKeys.size(), files, noPassphrase, problems, e);
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.CONNECT_FAILED, "The connection to " + host.display()
                    + " broke during login: " + e.getMessage() + ".", e);
        }
    }

    private static ExecException rejected(SshHost host, int agentKeys, List<Path> files, List<Path> noPassphrase,
                                          List<ExecException> problems, UserAuthException cause) {
        String offered = (agentKeys == 0 ? "" : agentKeys + " from the ssh-agent, then ") + files;
        String advice = noPassphrase.isEmpty()
                ? "add your public key to the server's authorized_keys or set IdentityFile."
                : "no passphrase was given for " + noPassphrase + ": load the key into the ssh-agent with ssh-add, or"
                        + " run where the passphrase can be asked.";
        return new ExecException(ExecException.Reason.AUTH_FAILED, host.display() + " accepted none of the keys ("
                + offered + "); " + advice + (problems.isEmpty() ? "" : " " + problems.get(0).getMessage()), cause);
    }

    /** The agent's keys sshj can use, matched to the identity files when IdentitiesOnly is set. */
    private static List<SshAgent.Identity> agentKeys(SSHClient client, SshHost host, List<Path> files,
                                                     SshAgent agent) {
        List<SshAgent.Identity> held;
        try {
            held = agent.identities();
        } catch (IOException e) {
            LOG.info("{}; logging in to {} with key files only", e.getMessage(), host.display());
            return List.of();
        }
        List<SshAgent.Identity> usable = new ArrayList<>();
        for (SshAgent.Identity identity : held) {
            if (identity.keyType() == KeyType.UNKNOWN) {
                LOG.debug("Skipping agent key {}: its type is not supported", identity);
            } else {
                usable.add(identity);
            }
        }
        if (host.identitiesOnly() && !usable.isEmpty()) {
            List<byte[]> wanted = files.stream().map(f -> PublicKeyBlobs.of(client, f)).filter(Objects::nonNull)
                    .toList();
            usable.removeIf(identity -> wanted.stream().noneMatch(identity::matches));
        }
        LOG.debug("{} offers {} of its {} key(s) for {}", agent, usable.size(), held.size(), host.display());
        return usable;
    }

    /** The configured identity files, else the default ones that exist; empty when there are none. */
    private static List<Path> keyFiles(SshHost host, Path home) {
        if (!host.identityFiles().isEmpty()) {
            return host.identityFiles();
        }
        Path dir = home.resolve(".ssh");
        return DEFAULT_KEYS.stream().map(dir::resolve).filter(Files::isReadable).toList();
    }

    private static ExecException noKey(SshHost host, SshAgent agent, Path home) {
        Path dir = home.resolve(".ssh");
        String fromAgent = agent.socket() == null ? "no ssh-agent runs (SSH_AUTH_SOCK is unset)"
                : "the ssh-agent offers no usable key";
        return new ExecException(ExecException.Reason.KEY_UNREADABLE, "No SSH key for " + host.name() + ": "
                + fromAgent + " and none of " + DEFAULT_KEYS + " is in " + dir
                + "; set IdentityFile for the host or add a key with ssh-add.");
    }

    /** Asks {@code passphrases}; a key whose passphrase is not given is added to {@code notGiven}. */
    private static PasswordFinder finder(Path file, PassphraseProvider passphrases, List<Path> notGiven) {
        return new PasswordFinder() {
            private int attempt;

            @Override
            public char[] reqPassword(Resource<?> resource) {
                attempt++;
                char[] given = passphrases.passphrase(file, attempt);
                if (given == null && !notGiven.contains(file)) {
                    notGiven.add(file);
                }
                return given;
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return attempt < MAX_ATTEMPTS;
            }
        };
    }

    /**
     * A key file's keys with sshj's runtime failures (a NullPointerException when an OpenSSH key's passphrase
     * was not given) turned into the IOException sshj expects, so login goes on with the next key.
     */
    private record Guarded(KeyProvider keys, Path file) implements KeyProvider {
        @Override
        public PrivateKey getPrivate() throws IOException {
            try {
                return keys.getPrivate();
            } catch (RuntimeException e) {
                throw new IOException("Cannot decrypt " + file, e);
            }
        }

        @Override
        public PublicKey getPublic() throws IOException {
            try {
                return keys.getPublic();
            } catch (RuntimeException e) {
                throw new IOException("Cannot decrypt " + file, e);
            }
        }

        @Override
        public KeyType getType() throws IOException {
            try {
                return keys.getType();
            } catch (RuntimeException e) {
                throw new IOException("Cannot decrypt " + file, e);
            }
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }
}
