package dev.incidentconsole.bench.exec;

import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.exec.ssh.SshHost;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Command execution figures for docs/performance.md: N sequential {@code echo} commands over SSH on loopback
 * with one reused sshj connection, with the OpenSSH client opening a connection each time, and with the
 * OpenSSH client multiplexed through a ControlMaster; then capturing a large output through the runner
 * against {@code cat file > /dev/null}.
 *
 * <p>Run: {@code bench/run exec.ExecBench [openssh|mina] [commands=200] [megabytes=200]}.
 */
public final class ExecBench {

    private ExecBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean openssh = args.length < 1 || !args[0].equals("mina");
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int megabytes = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("exec-bench");
        System.out.printf("cores=%d, java=%s, heap max=%d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        try (LoopbackSshd sshd = LoopbackSshd.start(dir, openssh)) {
            System.out.println("server: " + sshd.kind + " on 127.0.0.1:" + sshd.port);
            sshjReused(dir, sshd, commands);
            if (Files.isExecutable(Path.of("/usr/bin/ssh"))) {
                List<String> base = sshArgs(dir, sshd);
                report("OpenSSH ssh, new connection each", time(commands, i -> base));
                List<String> master = new ArrayList<>(base);
                master.addAll(1, List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + dir + "/cm-%C",
                        "-o", "ControlPersist=120"));
                exec(master, "true");
                report("OpenSSH ssh, ControlMaster", time(commands, i -> master));
                List<String> exit = new ArrayList<>(master);
                exit.addAll(1, List.of("-O", "exit"));
                exec(exit, null);
            }
        }
        capture(dir, megabytes);
    }

    private static void sshjReused(Path dir, LoopbackSshd sshd, int commands) throws Exception {
        SshHost host = new SshHost("bench", "127.0.0.1", sshd.port, System.getProperty("user.name"),
                List.of(sshd.userKey), null, dir.resolve("known_hosts"));
        ExecSettings settings = ExecSettings.defaults(LaunchOptions.fromSystem().localUser())
                .withOutputDir(dir.resolve("runs"));
        try (CommandRunner runner = new CommandRunner(settings, new SshConnections(SshConfigFile.empty(settings.user()), key -> true,
                PassphraseProvider.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30)))) {
            SshTarget target = SshTarget.of(host, false);
            long connectStart = System.nanoTime();
            check(runner.run(RunRequest.of("true", target), Duration.ofSeconds(60)));
            System.out.printf("sshj first connect (handshake, host key recorded, login, 1 command): %.0f ms%n",
                    (System.nanoTime() - connectStart) / 1e6);
            long[] nanos = new long[commands];
            for (int i = 0; i < commands; i++) {
                long t = System.nanoTime();
                check(runner.run(RunRequest.of("echo " + i, target), Duration.ofSeconds(60)));
                nanos[i] = System.nanoTime() - t;
            }
            report("sshj, one reused connection", nanos);
            System.out.println("  connections opened: " + runner.ssh().connectionsOpened());
        }
    }

    private static List<String> sshArgs(Path dir, LoopbackSshd sshd) {
        return List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts_openssh"), "-o", "LogLevel=ERROR",
                "-i", sshd.userKey.toString(), "-p", String.valueOf(sshd.port),
                System.getProperty("user.name") + "@127.0.0.1");
    }

    interface Argv {
        List<String> of(int i);
    }

    private static long[] time(int commands, Argv argv) throws Exception {
        long[] nanos = new long[commands];
        for (int i = 0; i < commands; i++) {
            long t = System.nanoTime();
            exec(argv.of(i), "echo " + i);
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    private static void exec(List<String> argv, String command) throws Exception {
        List<String> all = new ArrayList<>(argv);
        if (command != null) {
            all.add(command);
        }
        Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + all);
        }
    }

    private static void capture(Path dir, int megabytes) throws Exception {
        long lines = (long) megabytes * 1024 * 1024 / 100;
        Path file = dir.resolve("big.txt");
        exec(List.of("sh", "-c", "seq -f '%099.0f' 1 " + lines + " > " + file), null);
        long bytes = Files.size(file);
        ExecSettings settings = ExecSettings.defaults(LaunchOptions.fromSystem().localUser())
                .withOutputDir(dir.resolve("runs"));
        try (CommandRunner runner = CommandRunner.withoutSshPrompts(settings)) {
            for (int round = 1; round <= 2; round++) {
                long t = System.nanoTime();
                exec(List.of("sh", "-c", "cat " + file + " > /dev/null"), null);
                double cat = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                RunResult result = runner.run(RunRequest.of("cat " + file, LocalTarget.here()), Duration.ofMinutes(10));
                double ours = (System.nanoTime() - t) / 1e9;
                check(result);
                System.gc();
                System.out.printf("capture %d MiB (%d lines), round %d: runner %.2f s (%.0f MiB/s, tail %d lines, "
                                + "file %d MiB), cat > /dev/null %.2f s; heap used after GC %d MiB%n",
                        bytes >> 20, result.lineCount(), round, ours, (bytes >> 20) / ours, result.tail().size(),
                        Files.size(result.outputFile()) >> 20, cat,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
                Files.delete(result.outputFile());
            }
        }
    }

    private static void check(RunResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("command failed: " + result);
        }
    }

    private static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(nanos).sum() / 1e9;
        System.out.printf("%-36s %d commands: total %.2f s, mean %.1f ms, median %.1f ms, p95 %.1f ms%n", label,
                nanos.length, total, total * 1000 / nanos.length, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6);
    }
}
