package dev.incidentconsole.bench.startup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Writes the FX thread's stack (and the renderer's and the background executor's, as {@code render MILLIS} and
 * {@code worker MILLIS}) every 10 ms until {@code done} holds (the content is shown): one block per sample,
 * {@code sample MILLIS} then its frames, innermost first (read them, or sum them by method with a script). Runs on its own
 * daemon thread; taking a stack costs the FX thread a safepoint of well under a millisecond.
 */
final class FxSampler {
    private static final int DEPTH = 60;

    private FxSampler() {
    }

    static void start(Path file, BooleanSupplier done) {
        Thread t = new Thread(() -> run(file, done), "probe-sampler");
        t.setDaemon(true);
        t.start();
    }

    private static void write(PrintWriter out, String tag, Thread thread) {
        if (thread == null) {
            return;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        out.println(tag + " " + System.currentTimeMillis());
        for (int i = 0; i < Math.min(DEPTH, stack.length); i++) {
            out.println("  " + stack[i]);
        }
    }

    private static void run(Path file, BooleanSupplier done) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            Thread fx = null;
            Thread renderer = null;
            java.util.List<Thread> workers = new java.util.ArrayList<>();
            while (!done.getAsBoolean()) {
                if (fx == null || renderer == null || workers.size() < 4) {
                    workers.clear();
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().equals("JavaFX Application Thread")) {
                            fx = t;
                        } else if (t.getName().startsWith("QuantumRenderer")) {
                            renderer = t;
                        } else if (t.getName().startsWith("ui-worker-")) {
                            workers.add(t);
                        }
                    }
                }
                write(out, "sample", fx);
                write(out, "render", renderer);
                for (Thread worker : workers) {
                    write(out, "worker", worker);
                }
                out.flush();
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
