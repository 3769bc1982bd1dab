package dev.incidentconsole.exec.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's sshd started on a loopback port with a throw-away configuration (host key, authorized_keys
 * in a temp dir, no PAM, no strict modes), for tests that must hold against the real server.
 */
final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");

    final Path dir;
    final int port;
    final Path hostPublicKey;
    /** One line per bash started on the server: its pid and the {@code -c} text it ran. */
    final Path bashStarts;
    private final Process process;

    private OpenSshServer(Path dir, int port, Path hostPublicKey, Path bashStarts, Process process) {
        this.dir = dir;
        this.port = port;
        this.hostPublicKey = hostPublicKey;
        this.bashStarts = bashStarts;
        this.process = process;
    }

    /** The server's processes below sshd's own (its session processes excluded): what the commands started. */
    List<ProcessHandle> commandProcesses() {
        return process.toHandle().descendants()
                .filter(p -> !p.info().command().orElse("").endsWith("/sshd"))
                .toList();
    }

    static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(KEYGEN);
    }

    /** Starts sshd accepting the public keys listed in {@code authorizedKeys}. */
    static OpenSshServer start(Path dir, Path authorizedKeys) throws Exception {
        return start(dir, authorizedKeys, null);
    }

    /**
     * Starts sshd whose commands run under {@code loginShell} (as {@code $SHELL} too), as for an account whose login
     * shell it is: a test user of its own would need root's user database.
     */
    static OpenSshServer start(Path dir, Path authorizedKeys, Path loginShell) throws Exception {
        Path hostKey = keygen(dir.resolve("ssh_host_ed25519_key"), "ed25519", null, false);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // A HOME of its own keeps the login shell from sourcing the account's ~/.bashrc for every command; its
        // .bashrc (read by the bash sshd starts) and BASH_ENV (read by a bash started below it) log each bash.
        Path home = Files.createDirectories(dir.resolve("home"));
        Path bashStarts = dir.resolve("bash-starts.log");
        Path bashEnv = Files.writeString(home.resolve(".bashrc"),
                "printf '%s %s\\n' \"$$\" \"${BASH_EXECUTION_STRING//$'\\n'/ }\" >> " + bashStarts + "\n");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n", "SetEnv HOME=" + home + " BASH_ENV=" + bashEnv,
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys, "UsePAM no", "StrictModes no", "PidFile none",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password",
                "MaxSessions 50", "LogLevel ERROR", loginShell == null ? "" : "ForceCommand SHELL=" + loginShell
                        + " exec " + loginShell + " -c \"$SSH_ORIGINAL_COMMAND\"", ""));
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(privsep);
        }
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new OpenSshServer(dir, port, Path.of(hostKey + ".pub"), bashStarts, process);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("sshd did not listen on port " + port + " within 10 s");
    }

    /** Runs ssh-keygen to make a key; {@code pem} asks for the legacy PEM format. */
    static Path keygen(Path file, String type, String passphrase, boolean pem) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(KEYGEN.toString(), "-q", "-t", type, "-N",
                passphrase == null ? "" : passphrase, "-f", file.toString(), "-C", "test"));
        if (pem) {
            args.addAll(List.of("-m", "PEM"));
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        }
        return file;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
