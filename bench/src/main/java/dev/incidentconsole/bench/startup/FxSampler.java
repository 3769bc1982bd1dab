package dev.incidentconsole.bench.startup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where the FX thread's time goes, without a profiler, by its stack taken at a fixed period on a daemon thread
 * (each sample costs the sampled threads a safepoint of well under a millisecond), in one of two forms:
 * <ul>
 *   <li>{@link #stacks}: every 10 ms until the content shows, the stacks themselves written to a file, the FX
 *   thread's as {@code sample MILLIS}, the renderer's as {@code render MILLIS} and the background executor's as
 *   {@code worker MILLIS}, each followed by its frames, innermost first (read them, or sum them by method with a
 *   script);</li>
 *   <li>{@link #byKind}: every millisecond, one thread's busy samples filed under the innermost frame that names a
 *   kind of work (CSS, layout, sorting, a cell's render...), with the commonest frames just inside it; idle samples
 *   (the thread waiting for work) are not counted. Taken at safepoints, so a rough split.</li>
 * </ul>
 */
final class FxSampler implements AutoCloseable {
    /** Kinds of work, each recognised by a frame's class (prefix) and optionally method; the first match from the top wins. */
    private static final List<String[]> KINDS = List.of(
            new String[]{"sparklines", "dev.incidentconsole.app.gui.dashboard.Sparkline", ""},
            new String[]{"service cells: render", "dev.incidentconsole.app.gui.dashboard.ServiceCell", ""},
            new String[]{"detail and chart", "dev.incidentconsole.app.gui.dashboard.ServiceChart", ""},
            new String[]{"detail and chart", "dev.incidentconsole.app.gui.dashboard.ServiceDetailView", ""},
            new String[]{"detail and chart", "dev.incidentconsole.app.gui.dashboard.MarkedChart", ""},
            new String[]{"alerts", "dev.incidentconsole.app.gui.dashboard.FiringAlerts", ""},
            new String[]{"sorting", "javafx.collections.transformation.SortedList", ""},
            new String[]{"filtering", "javafx.collections.transformation.FilteredList", ""},
            new String[]{"CSS", "javafx.css.", ""},
            new String[]{"CSS", "javafx.scene.CssStyleHelper", ""},
            new String[]{"CSS", "javafx.scene.Node", "applyCss"},
            new String[]{"CSS", "javafx.scene.Node", "processCSS"},
            new String[]{"text measuring", "com.sun.javafx.text.", ""},
            new String[]{"text measuring", "com.sun.javafx.font.", ""},
            new String[]{"list cells (virtual flow)", "javafx.scene.control.skin.VirtualFlow", ""},
            new String[]{"list cells (virtual flow)", "javafx.scene.control.skin.ListViewSkin", ""},
            new String[]{"layout", "javafx.scene.Parent", "layout"},
            new String[]{"layout", "javafx.scene.layout.", ""},
            new String[]{"status apply (table)", "dev.incidentconsole.app.gui.dashboard.ServiceTable", ""},
            new String[]{"status apply (other)", "dev.incidentconsole.app.gui.dashboard.DashboardViewModel", ""},
            new String[]{"rendering (waits for the render thread)", "com.sun.javafx.tk.quantum", ""},
            new String[]{"bench probe", "dev.incidentconsole.bench.", ""});
    private static final int DEPTH = 60;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long periodMicros;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> callees = new LinkedHashMap<>();

    private FxSampler(long periodMicros) {
        this.periodMicros = periodMicros;
    }

    /** Writes the FX thread's, the renderer's and the workers' stacks to {@code file} every 10 ms until {@code done}. */
    static FxSampler stacks(Path file, BooleanSupplier done) {
        FxSampler sampler = new FxSampler(10_000);
        PrintWriter out;
        try {
            out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Thread> watched = new ArrayList<>();
        sampler.timer.scheduleAtFixedRate(() -> {
            if (done.getAsBoolean()) {
                out.close();
                sampler.close();
                return;
            }
            if (watched.size() < 6) { // the FX thread, the renderer and four workers, once they all exist
                watched.clear();
                watched.addAll(Thread.getAllStackTraces().keySet().stream().filter(t -> tag(t) != null)
                        .sorted(java.util.Comparator.comparing(t -> List.of("sample", "render", "worker").indexOf(tag(t))))
                        .toList());
            }
            watched.forEach(t -> write(out, tag(t), t.getStackTrace()));
            out.flush();
        }, 0, sampler.periodMicros, TimeUnit.MICROSECONDS);
        return sampler;
    }

    /** Files {@code thread}'s busy samples by kind every millisecond until closed. */
    static FxSampler byKind(Thread thread) {
        FxSampler sampler = new FxSampler(1000);
        long id = thread.getId();
        sampler.timer.scheduleAtFixedRate(() -> sampler.file(sampler.threads.getThreadInfo(id, 200)), 0,
                sampler.periodMicros, TimeUnit.MICROSECONDS);
        return sampler;
    }

    /** Milliseconds (sample count times the period) per kind since the last call, then starts counting afresh. */
    synchronized Map<String, Double> takeMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() * periodMicros / 1000.0));
        counts.clear();
        return out;
    }

    /** The {@code n} commonest frames just inside the frame that named the work, with their sample counts; then afresh. */
    synchronized String takeHotCallees(int n) {
        String out = callees.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n).map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + "\n    " + b).orElse("-");
        callees.clear();
        return out;
    }

    /** What a raw stack is written as: "sample" for the FX thread; {@code null} for threads not sampled. */
    private static String tag(Thread t) {
        return t.getName().equals("JavaFX Application Thread") ? "sample"
                : t.getName().startsWith("QuantumRenderer") ? "render"
                : t.getName().startsWith("ui-worker-") ? "worker" : null;
    }

    private static void write(PrintWriter out, String tag, StackTraceElement[] stack) {
        out.println(tag + " " + System.currentTimeMillis());
        for (int i = 0; i < Math.min(DEPTH, stack.length); i++) {
            out.println("  " + stack[i]);
        }
    }

    private void file(ThreadInfo info) {
        if (info == null || idle(info)) {
            return;
        }
        StackTraceElement[] stack = info.getStackTrace();
        int at = matching(stack);
        String kind = at < 0 ? "other: " + stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName()
                : KINDS.get(kindOf(stack[at]))[0];
        String callee = at < 0 ? ours(stack) + " ... " + frame(stack[0]) : at == 0 ? frame(stack[0]) : frame(stack[at]) + " > " + frame(stack[at - 1])
                + (at >= 2 ? " > " + frame(stack[at - 2]) : "");
        synchronized (this) {
            counts.merge(kind, 1, Integer::sum);
            callees.merge(callee, 1, Integer::sum);
        }
    }

    private static boolean idle(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) {
            return true;
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        // Monocle's and GTK's event loops wait here for the next runnable or pulse.
        return info.getThreadState() == Thread.State.WAITING || info.getThreadState() == Thread.State.TIMED_WAITING
                || top.contains("_runLoop") || top.contains("_invokeAndWait") || top.startsWith("java.lang.Object.wait")
                || top.startsWith("jdk.internal.misc.Unsafe.park");
    }

    /** The index of the innermost frame that names a kind of work, or -1. */
    private static int matching(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (kindOf(stack[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int kindOf(StackTraceElement frame) {
        for (int k = 0; k < KINDS.size(); k++) {
            if (frame.getClassName().startsWith(KINDS.get(k)[1]) && frame.getMethodName().contains(KINDS.get(k)[2])) {
                return k;
            }
        }
        return -1;
    }

    /** The innermost frame of the app's own code, which says what asked for the work. */
    private static String ours(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("dev.incidentconsole.app")) {
                return frame(f);
            }
        }
        return "(no app frame)";
    }

    private static String frame(StackTraceElement f) {
        return f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName() + ":" + f.getLineNumber();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
