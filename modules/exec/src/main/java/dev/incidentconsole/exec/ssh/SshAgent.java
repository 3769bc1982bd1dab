package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.LocalUser;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * A client of a running ssh-agent (OpenSSH's, or any agent speaking draft-miller-ssh-agent) over its Unix
 * socket: lists the identities it holds and has it sign with one. Hand-written on Java 17's Unix domain
 * sockets because the library sshj pairs with (jsch-agent-proxy) is unmaintained since 2014 and needs JNA;
 * the two requests we need are a few dozen lines.
 *
 * <p>Every request opens its own connection and is bounded by the timeout (connect, write and read
 * together); an agent that is absent, hangs or refuses is reported as an {@link IOException}. Stateless
 * apart from its settings, so thread-safe.
 */
public final class SshAgent {
    /** The environment variable OpenSSH names the agent's socket in. */
    public static final String SOCKET_VARIABLE = "SSH_AUTH_SOCK";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Sign flag: an RSA key signs with SHA-256 ({@code rsa-sha2-256}) instead of SHA-1. */
    public static final int RSA_SHA2_256 = 2;
    /** Sign flag: an RSA key signs with SHA-512 ({@code rsa-sha2-512}). */
    public static final int RSA_SHA2_512 = 4;

    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** OpenSSH's own limit on one agent message; a longer length means a broken or foreign peer. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;
    private final Duration timeout;

    private SshAgent(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** No agent: {@link #identities()} is empty. */
    public static SshAgent none() {
        return new SshAgent(null, DEFAULT_TIMEOUT);
    }

    /** The agent listening on {@code socket}; {@code null} for none. */
    public static SshAgent at(Path socket, Duration timeout) {
        return new SshAgent(socket, timeout);
    }

    /** The agent named by the user's {@code $SSH_AUTH_SOCK}, or none when it is unset. */
    public static SshAgent fromEnvironment(LocalUser user) {
        String named = user.variable(SOCKET_VARIABLE);
        return named == null || named.isBlank() ? none() : at(Path.of(named), DEFAULT_TIMEOUT);
    }

    /** The socket, or {@code null} when there is no agent. */
    public Path socket() {
        return socket;
    }

    /**
     * The identities the agent holds, in its order (OpenSSH offers them in this order).
     *
     * @throws IOException when the agent cannot be reached, answers garbage or does not answer in time
     */
    public List<Identity> identities() throws IOException {
        if (socket == null) {
            return List.of();
        }
        Buffer.PlainBuffer answer = request(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER,
                "list its keys");
        long count = answer.readUInt32();
        if (count > MAX_MESSAGE) {
            throw new IOException("ssh-agent at " + socket + " claims " + count + " keys");
        }
        List<Identity> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            out.add(new Identity(answer.readBytes(), answer.readString(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * Has the agent sign {@code data} with the key whose public blob is {@code keyBlob}.
     *
     * @param flags 0, or {@link #RSA_SHA2_256} / {@link #RSA_SHA2_512} for an RSA key
     * @return the signature in SSH wire form (algorithm name, then the signature blob)
     * @throws IOException when the agent refuses (locked, confirmation denied, key removed), cannot be
     *                     reached or does not answer in time
     */
    public byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        if (socket == null) {
            throw new IOException("no ssh-agent");
        }
        Buffer.PlainBuffer message = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putBytes(keyBlob).putBytes(data)
                .putUInt32(flags);
        return request(message, SIGN_RESPONSE, "sign").readBytes();
    }

    /** Sends one message and reads the answer, which must be of type {@code expected}. */
    private Buffer.PlainBuffer request(Buffer.PlainBuffer message, byte expected, String what) throws IOException {
        byte[] body = message.getCompactData();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                await(key, SelectionKey.OP_CONNECT, deadline);
                channel.finishConnect();
            }
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(key, SelectionKey.OP_WRITE, deadline);
                }
            }
            ByteBuffer length = readFully(channel, key, ByteBuffer.allocate(4), deadline);
            int size = length.flip().getInt();
            if (size <= 0 || size > MAX_MESSAGE) {
                throw new IOException("ssh-agent at " + socket + " sent a message of " + size + " bytes");
            }
            byte[] reply = readFully(channel, key, ByteBuffer.allocate(size), deadline).array();
            Buffer.PlainBuffer answer = new Buffer.PlainBuffer(reply);
            byte type = answer.readByte();
            if (type != expected) {
                throw new IOException("ssh-agent at " + socket + " refused to " + what
                        + (type == FAILURE ? "" : " (answer type " + type + ")"));
            }
            return answer;
        } catch (Buffer.BufferException e) {
            throw new IOException("ssh-agent at " + socket + " sent a malformed answer: " + e.getMessage(), e);
        }
    }

    private ByteBuffer readFully(SocketChannel channel, SelectionKey key, ByteBuffer into, long deadline)
            throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                throw new EOFException("ssh-agent at " + socket + " closed the connection");
            }
            if (n == 0) {
                await(key, SelectionKey.OP_READ, deadline);
            }
        }
        return into;
    }

    private void await(SelectionKey key, int ops, long deadline) throws IOException {
        key.interestOps(ops);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("ssh-agent at " + socket + " did not answer within "
                        + timeout.toMillis() + " ms");
            }
            if (key.selector().select(Math.max(1, left / 1_000_000)) > 0) {
                key.selector().selectedKeys().clear();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return socket == null ? "no ssh-agent" : "ssh-agent at " + socket;
    }

    /**
     * A key the agent holds.
     *
     * @param blob    the public key in SSH wire form
     * @param comment what {@code ssh-add -l} shows after the fingerprint (often the key file or user@host)
     */
    public record Identity(byte[] blob, String comment) {

        public Identity {
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }

        /** The key's type as sshj knows it ({@link KeyType#UNKNOWN} for e.g. security-key types). */
        public KeyType keyType() {
            try {
                return KeyType.fromString(new Buffer.PlainBuffer(blob).readString());
            } catch (Buffer.BufferException e) {
                return KeyType.UNKNOWN;
            }
        }

        /** Whether {@code otherBlob} is this key. */
        public boolean matches(byte[] otherBlob) {
            return Arrays.equals(blob, otherBlob);
        }

        /** OpenSSH's {@code SHA256:} fingerprint, as {@code ssh-add -l} shows it. */
        public String fingerprint() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
                return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && Arrays.equals(blob, other.blob) && comment.equals(other.comment);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(blob) * 31 + comment.hashCode();
        }

        @Override
        public String toString() {
            return keyType() + " " + fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
        }
    }
}
