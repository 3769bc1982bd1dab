package dev.incidentconsole.exec.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * The public key of an identity file, found without asking for a passphrase: from the {@code .pub} file
 * beside it (as OpenSSH does, so a key held by the agent needs no private key file), else from the key
 * file itself when it is not encrypted. Used to match agent keys to IdentityFile entries.
 */
final class PublicKeyBlobs {
    private static final PasswordFinder NO_PASSPHRASE = new PasswordFinder() {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return null;
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    };

    private PublicKeyBlobs() {
    }

    /** The key's SSH wire form, or {@code null} when neither file yields it without a passphrase. */
    static byte[] of(SSHClient client, Path keyFile) {
        Path pub = keyFile.resolveSibling(keyFile.getFileName() + ".pub");
        if (Files.isReadable(pub)) {
            try {
                String[] fields = Files.readString(pub, StandardCharsets.UTF_8).strip().split("\\s+");
                if (fields.length >= 2) {
                    return Base64.getDecoder().decode(fields[1]);
                }
            } catch (IOException | IllegalArgumentException e) {
                // not an OpenSSH public key file: try the private key
            }
        }
        if (!Files.isReadable(keyFile)) {
            return null;
        }
        try {
            PublicKey key = client.loadKeys(keyFile.toString(), NO_PASSPHRASE).getPublic();
            return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        } catch (IOException | RuntimeException e) {
            return null; // encrypted without a .pub, or unreadable: cannot be matched
        }
    }
}
