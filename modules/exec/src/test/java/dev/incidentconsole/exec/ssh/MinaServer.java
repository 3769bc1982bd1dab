package dev.incidentconsole.exec.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * An in-process Apache MINA sshd on loopback that runs exec requests with a real {@code /bin/sh -c},
 * accepts the public keys it is given (recording every key offered), allows port forwarding (for
 * ProxyJump) and counts connections and channels.
 */
final class MinaServer implements AutoCloseable {
    final SshServer server;
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger channels = new AtomicInteger();
    final List<PublicKey> authorized = new CopyOnWriteArrayList<>();
    /** Every user key a client offered or signed with, in order, accepted or not. */
    final List<PublicKey> offered = new CopyOnWriteArrayList<>();
    /** Every command text a client sent: what the shell gets on its command line, for any user to see. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** Runs on the server's thread as a client offers a key, before it is accepted: a slow host's login. */
    volatile Runnable beforeLogin = () -> { };

    MinaServer(Path hostKeyFile) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm("EC");
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator((user, key, session) -> {
            offered.add(key);
            beforeLogin.run();
            return authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        });
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel);
        });
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        server.addChannelListener(new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                channels.incrementAndGet();
            }
        });
        server.start();
    }

    int port() {
        return server.getPort();
    }

    PublicKey hostKey() {
        try {
            return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key of the host key's type, as a reinstalled (or impersonated) host would present. */
    PublicKey otherKeyOfTheSameType() throws GeneralSecurityException {
        PublicKey key = hostKey();
        int bits = key instanceof java.security.interfaces.ECPublicKey ec
                ? ec.getParams().getCurve().getField().getFieldSize() : 2048;
        return newKeyPair(key.getAlgorithm(), bits).getPublic();
    }

    /** Drops every client connection from the server side, as a restarted host or a NAT timeout would. */
    void dropConnections() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    static KeyPair newKeyPair(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** Writes {@code pair} in OpenSSH's private key format, encrypted when {@code passphrase} is given. */
    static Path writeOpenSsh(KeyPair pair, Path file, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherType("256");
            encryption.setPassword(passphrase);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test key", encryption, out);
        return Files.write(file, out.toByteArray());
    }

    /** Writes {@code pair} as an unencrypted PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
    static Path writePem(KeyPair pair, Path file) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
