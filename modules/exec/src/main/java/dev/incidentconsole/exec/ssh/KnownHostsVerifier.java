package dev.incidentconsole.exec.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks one connection's host key against a known_hosts file in OpenSSH's format (plain and hashed
 * entries, via sshj's {@link OpenSSHKnownHosts}) and remembers the outcome, so the caller can ask the
 * engineer about an unknown key after the handshake failed rather than inside SSH I/O. One instance per
 * connection attempt.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    /** What the last {@link #verify} found. */
    public enum Outcome { NOT_CHECKED, KNOWN, UNKNOWN, CHANGED }

    private final Path file;
    private final Checker checker;
    private volatile Outcome outcome = Outcome.NOT_CHECKED;
    private volatile PublicKey presented;

    public KnownHostsVerifier(Path file) throws IOException {
        this.file = file;
        this.checker = new Checker(file);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        boolean known = checker.verify(hostname, port, key);
        if (known) {
            outcome = Outcome.KNOWN;
        } else if (outcome != Outcome.CHANGED) {
            outcome = Outcome.UNKNOWN;
        }
        return known;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return checker.findExistingAlgorithms(hostname, port);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The key the server presented, or {@code null} before the handshake got that far. */
    public PublicKey presentedKey() {
        return presented;
    }

    public Path file() {
        return file;
    }

    /** OpenSSH's fingerprint of {@code key}: {@code SHA256:} and the unpadded Base64 of its SHA-256. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /**
     * Appends {@code key} for {@code host}:{@code port} to {@code file} in OpenSSH's format, hashing the host
     * name when the file's existing entries are all hashed ({@code HashKnownHosts yes}).
     */
    public static synchronized void record(Path file, String host, int port, PublicKey key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String hostPart = port == 22 ? host : "[" + host + "]:" + port;
        if (allHashed(existing)) {
            hostPart = hashed(hostPart);
        }
        String line = hostPart + " " + keyType(key) + " " + Base64.getEncoder().encodeToString(blob(key)) + "\n";
        String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        Files.writeString(file, prefix + line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static boolean allHashed(String text) {
        List<String> entries = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("@")).toList();
        return !entries.isEmpty() && entries.stream().allMatch(l -> l.startsWith("|1|"));
    }

    private static String hashed(String hostPart) {
        try {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(hostPart.getBytes(StandardCharsets.UTF_8));
            return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** sshj's parser and matcher, with its prompts replaced by recording the outcome. */
    private final class Checker extends OpenSSHKnownHosts {
        Checker(Path file) throws IOException {
            super(file.toFile());
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            return false;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            outcome = Outcome.CHANGED;
            return false;
        }
    }
}
