package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.common.Buffer;

/**
 * OpenSSH's ssh-agent started in the foreground on a socket in a temp dir, with keys made by ssh-keygen
 * and loaded by ssh-add. Confirmations ({@code ssh-add -c}) are always denied: its askpass is
 * {@code /bin/false}.
 */
final class OpenSshAgent implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    final Path socket;
    private final Process process;

    private OpenSshAgent(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    static boolean available() {
        return List.of("ssh-agent", "ssh-add", "ssh-keygen").stream().allMatch(t -> Executables.find(t, System.getenv("PATH")).isPresent());
    }

    static OpenSshAgent start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path socket = dir.resolve("agent.sock");
        ProcessBuilder builder = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().put("SSH_ASKPASS", "/bin/false");
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        Process process = builder.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh-agent did not start: "
                        + Files.readString(dir.resolve("agent.log")));
            }
            Thread.sleep(20);
        }
        return new OpenSshAgent(socket, process);
    }

    /** A new unencrypted key of {@code type} ({@code ed25519}, {@code rsa}) in {@code dir}; returns its path. */
    static Path keygen(Path dir, String type, String name) throws Exception {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name,
                "-f", key.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "2048"));
        }
        run(new ProcessBuilder(command));
        return key;
    }

    /** Loads {@code key} into the agent, with ssh-add's {@code options} (e.g. {@code -c}). */
    void add(Path key, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh-add", "-q"));
        command.addAll(List.of(options));
        command.add(key.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(SshAgent.SOCKET_VARIABLE, socket.toString());
        run(builder);
    }

    /** The public key beside {@code key} ({@code key.pub}). */
    static PublicKey publicKey(Path key) throws IOException {
        String[] fields = Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8).strip().split("\\s+");
        return new Buffer.PlainBuffer(Base64.getDecoder().decode(fields[1])).readPublicKey();
    }

    /** What {@code ssh-keygen -l} prints as the fingerprint of {@code key}'s public key. */
    static String fingerprint(Path key) throws Exception {
        return run(new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub")).split("\\s+")[1];
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process p = builder.redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(builder.command() + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
