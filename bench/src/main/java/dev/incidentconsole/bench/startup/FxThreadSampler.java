package dev.incidentconsole.bench.startup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one thread's stack every millisecond and files each busy sample under the innermost frame that names
 * a kind of work (CSS, layout, sorting, a cell's render...): where the FX thread's time goes, without a profiler.
 * Samples taken at a safepoint, so a rough split; idle samples (the thread waiting for work) are not counted.
 */
final class FxThreadSampler implements AutoCloseable {
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
    private static final long PERIOD_MICROS = 1000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long threadId;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> callees = new LinkedHashMap<>();

    FxThreadSampler(Thread thread) {
        this.threadId = thread.getId();
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MICROS, TimeUnit.MICROSECONDS);
    }

    /** Milliseconds (sample count times the period) per kind since the last call, then starts counting afresh. */
    synchronized Map<String, Double> takeMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() * PERIOD_MICROS / 1000.0));
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

    private void sample() {
        ThreadInfo info = threads.getThreadInfo(threadId, 200);
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
