package dev.incidentconsole.health.probe;

import dev.incidentconsole.health.Secret;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@code sh -c} on this machine ({@code bash -c} where bash is installed, because
 * runbook commands are written for bash: {@code source}, {@code [[ ]]}), stdin from {@code /dev/null},
 * stdout and stderr merged. On timeout or interrupt the whole process tree is killed. Thread-safe.
 */
public final class LocalCommandExecutor implements CommandExecutor {
    private static final int KEEP = 8 * 1024;
    private static final String SHELL = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/bash"))
            ? "/bin/bash" : "sh";

    @Override
    public CommandOutcome run(String command, Map<String, Secret> env, String target, Duration timeout)
            throws IOException, InterruptedException {
        if (target != null && !target.isBlank()) {
            throw new IOException("cannot run on \"" + target + "\": this executor runs commands locally only");
        }
        ProcessBuilder pb = new ProcessBuilder(SHELL, "-c", command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        env.forEach((k, v) -> pb.environment().put(k, v.reveal()));
        Process process = pb.start();
        Tail tail = new Tail(process.getInputStream());
        Thread reader = new Thread(tail, "health-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new CommandOutcome(-1, tail.text(), true);
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        reader.join(200); // a background child may keep the pipe open; don't wait for it
        return new CommandOutcome(process.exitValue(), tail.text(), false);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Drains the output, keeping only the last {@value #KEEP} bytes. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (kept) {
                        kept.write(buf, 0, n);
                        if (kept.size() > 2 * KEEP) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length - KEEP, KEEP);
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed; keep what we have
            }
        }

        String text() {
            synchronized (kept) {
                byte[] all = kept.toByteArray();
                int from = Math.max(0, all.length - KEEP);
                return new String(all, from, all.length - from, StandardCharsets.UTF_8);
            }
        }
    }
}
