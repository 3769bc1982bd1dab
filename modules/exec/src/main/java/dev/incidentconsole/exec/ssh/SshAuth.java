package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.ExecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Public-key authentication with the host's identity files (OpenSSH, PEM/PKCS#8 and PuTTY formats, as
 * sshj reads them), asking for passphrases through a {@link PassphraseProvider}. No ssh-agent: sshj
 * needs an extra agent-proxy library for that, which we do not ship.
 */
final class SshAuth {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final int MAX_ATTEMPTS = 3;

    private SshAuth() {
    }

    static void authenticate(SSHClient client, SshHost host, PassphraseProvider passphrases) throws ExecException {
        List<Path> files = keyFiles(host);
        List<KeyProvider> keys = new ArrayList<>();
        for (Path file : files) {
            try {
                keys.add(client.loadKeys(file.toString(), finder(file, passphrases)));
            } catch (IOException e) {
                throw new ExecException(ExecException.Reason.KEY_UNREADABLE, "Cannot read the SSH key " + file
                        + ": " + e.getMessage() + "; check the file or its IdentityFile entry.", e);
            }
        }
        try {
            client.authPublickey(host.user(), keys);
        } catch (UserAuthException e) {
            throw new ExecException(ExecException.Reason.AUTH_FAILED, host.display() + " accepted none of the keys "
                    + files + "; add your public key to the server's authorized_keys or set IdentityFile.", e);
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.CONNECT_FAILED, "The connection to " + host.display()
                    + " broke during login: " + e.getMessage() + ".", e);
        }
    }

    private static List<Path> keyFiles(SshHost host) throws ExecException {
        if (!host.identityFiles().isEmpty()) {
            for (Path file : host.identityFiles()) {
                if (!Files.isReadable(file)) {
                    throw new ExecException(ExecException.Reason.KEY_UNREADABLE, "The SSH key " + file + " for "
                            + host.name() + " does not exist or cannot be read; fix its IdentityFile.");
                }
            }
            return host.identityFiles();
        }
        Path dir = Path.of(System.getProperty("user.home"), ".ssh");
        List<Path> found = DEFAULT_KEYS.stream().map(dir::resolve).filter(Files::isReadable).toList();
        if (found.isEmpty()) {
            throw new ExecException(ExecException.Reason.KEY_UNREADABLE, "No SSH key for " + host.name()
                    + ": none of " + DEFAULT_KEYS + " is in " + dir + "; set IdentityFile for the host.");
        }
        return found;
    }

    private static PasswordFinder finder(Path file, PassphraseProvider passphrases) {
        return new PasswordFinder() {
            private int attempt;

            @Override
            public char[] reqPassword(Resource<?> resource) {
                attempt++;
                return passphrases.passphrase(file, attempt);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return attempt < MAX_ATTEMPTS;
            }
        };
    }
}
