package dev.incidentconsole.exec.testing;

import dev.incidentconsole.exec.ssh.KnownHostsVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * An in-process Apache MINA sshd on 127.0.0.1 that runs exec requests with a real {@code /bin/sh -c} and
 * accepts one user key, which it writes as an OpenSSH key file ({@link #userKey()}) for the client. Published
 * in exec's test-jar for the modules whose tests run commands over SSH; the users need {@code sshd-core} as
 * a test dependency.
 */
public final class LoopbackSshd implements AutoCloseable {
    private final SshServer server;
    private final Path userKey;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeLogin = () -> { };

    /** Starts the server; its host key and the user key are written into {@code dir}. */
    public LoopbackSshd(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair user = generator.generateKeyPair();
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "loopback test", null, key);
        userKey = Files.write(dir.resolve("id_ecdsa"), key.toByteArray());

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(dir.resolve("host.ser"));
        hostKeys.setAlgorithm("EC");
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator((name, offered, session) -> {
            beforeLogin.run();
            return KeyUtils.compareKeys(user.getPublic(), offered);
        });
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel);
        });
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    /** Runs {@code hook} on the server's thread as a client offers a key, before it is accepted: a slow host. */
    public void beforeLogin(Runnable hook) {
        beforeLogin = hook;
    }

    /** Every command text a client sent: what the shell gets on its command line, for any user to see. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The private key file the server accepts. */
    public Path userKey() {
        return userKey;
    }

    public PublicKey hostKey() throws IOException, GeneralSecurityException {
        return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    /** {@code file} as a known_hosts file that trusts this server (created, or appended to). */
    public Path knownHosts(Path file) throws IOException, GeneralSecurityException {
        KnownHostsVerifier.record(file, "127.0.0.1", port(), hostKey());
        return file;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
