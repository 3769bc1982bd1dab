package dev.incidentconsole.bench.exec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * An SSH server on a loopback port for the benchmark: OpenSSH's sshd with a throw-away configuration when
 * installed, else Apache MINA sshd running commands with {@code /bin/sh -c}. Accepts the key in {@code dir}.
 */
final class LoopbackSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final String kind;
    final int port;
    final Path userKey;
    private final Process openssh;
    private final SshServer mina;

    private LoopbackSshd(String kind, int port, Path userKey, Process openssh, SshServer mina) {
        this.kind = kind;
        this.port = port;
        this.userKey = userKey;
        this.openssh = openssh;
        this.mina = mina;
    }

    static LoopbackSshd start(Path dir, boolean preferOpenSsh) throws Exception {
        Path userKey = keygen(dir.resolve("id_ed25519"));
        if (preferOpenSsh && Files.isExecutable(SSHD)) {
            return openssh(dir, userKey);
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("mina-host.ser")));
        server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.start();
        return new LoopbackSshd("Apache MINA sshd 2.14 (commands via /bin/sh -c)", server.getPort(), userKey, null,
                server);
    }

    private static LoopbackSshd openssh(Path dir, Path userKey) throws Exception {
        Path hostKey = keygen(dir.resolve("ssh_host_ed25519_key"));
        Path authorized = Files.copy(Path.of(userKey + ".pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // An empty HOME keeps the login shell from sourcing the machine's ~/.bashrc on every command, so the
        // figures measure SSH rather than one account's shell start-up.
        Path home = Files.createDirectories(dir.resolve("home"));
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port " + port,
                "SetEnv HOME=" + home,
                "ListenAddress 127.0.0.1", "HostKey " + hostKey, "AuthorizedKeysFile " + authorized, "UsePAM no",
                "StrictModes no", "PidFile none", "PasswordAuthentication no", "MaxSessions 50",
                "MaxStartups 100:30:200", "LogLevel ERROR", ""));
        Files.createDirectories(Path.of("/run/sshd"));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new LoopbackSshd("OpenSSH sshd (" + version() + ")", port, userKey, process, null);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
    }

    private static String version() throws Exception {
        Process p = new ProcessBuilder(SSHD.toString(), "-V").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out.split(",")[0];
    }

    static Path keygen(Path file) throws Exception {
        List<String> args = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                file.toString()));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        if (openssh != null) {
            openssh.destroy();
        }
        if (mina != null) {
            mina.stop(true);
        }
    }
}
