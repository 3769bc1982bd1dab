package dev.incidentconsole.bench.startup;

import dev.incidentconsole.app.gui.ConsoleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The child JVM of {@link StartupBench}: starts our window ({@code ours}), an empty JavaFX window
 * ({@code empty}) or one of the {@link FloorLadder}'s rungs between them, and prints, as {@code event epochMillis} lines, when the window is shown, when it first shows
 * a non-blank frame, when it shows content, when the first service statuses are drawn and the FX thread's longest
 * stall (a ping posted every 5 ms: how late it ran, less the probe's own screen captures): over the whole run,
 * after the first statuses, and in the second half of the watch after them. Exits after
 * {@code watchMs} more milliseconds of watching once statuses show.
 *
 * <p>A <em>blank frame</em> is what the screen shows of the window while it has no UI: one colour over the whole
 * window. From the window's {@code show()} until the first non-blank frame, the probe captures the top-left corner
 * of the window's area of the screen (the pixels the X server holds, not a snapshot of the scene; top bar and
 * rail) at most every 20 ms, and prints {@code shown} (the window mapped), {@code painted} (the first non-blank
 * capture), {@code first-frame-blank} (1 when the first capture was uniform) and {@code first-pulse-rail} (the
 * number of entries on the navigation rail at the first pulse after {@code show()}). With {@code STARTUP_SAMPLE=FILE} it
 * also writes the FX thread's stack every 10 ms until the content shows, to {@code FILE.<pid>}.
 */
public final class StartupProbe {
    private static final Set<String> STATUS_WORDS = Set.of("UP", "DOWN", "DEGRADED");
    private static final AtomicLong longestStall = new AtomicLong();
    private static final AtomicLong longestStallAfterStatuses = new AtomicLong();
    private static final AtomicLong longestStallLate = new AtomicLong();
    private static FxSampler sampler;
    private static final FirstFrame firstFrame = new FirstFrame();

    private StartupProbe() {
    }

    /** An empty window of the same size as ours. */
    public static final class EmptyApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(), 1360, 860));
            stage.setTitle("empty");
            stage.show();
        }
    }

    public static void main(String[] args) {
        String rung = args.length > 0 ? args[0] : "empty";
        Class<? extends javafx.application.Application> app = FloorLadder.app(rung);
        boolean ours = app == null;
        boolean rows = FloorLadder.hasRows(rung);
        long watchMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probe");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean content = new AtomicBoolean();
        AtomicLong statusesAt = new AtomicLong();
        AtomicBoolean pending = new AtomicBoolean();
        pinger.scheduleAtFixedRate(() -> {
            if (!pending.compareAndSet(false, true)) {
                return; // the previous ping has not run yet: the stall is still growing
            }
            long posted = System.nanoTime();
            long capturedBefore = firstFrame.captureNanos();
            try {
                Platform.runLater(() -> {
                    long late = (System.nanoTime() - posted - (firstFrame.captureNanos() - capturedBefore)) / 1_000_000;
                    pending.set(false);
                    longestStall.accumulateAndGet(late, Math::max);
                    if (statusesAt.get() > 0) {
                        longestStallAfterStatuses.accumulateAndGet(late, Math::max);
                        // The second half of the watch: the dashboard refreshing once the start-up's tail (other
                        // features loading after the first statuses) is more likely over.
                        if (System.currentTimeMillis() - statusesAt.get() >= watchMs / 2) {
                            longestStallLate.accumulateAndGet(late, Math::max);
                        }
                    }
                    firstFrame.look(ours);
                    look(ours, rows, content, statusesAt, watchMs);
                });
            } catch (IllegalStateException notStarted) {
                pending.set(false);
            }
        }, 5, 5, TimeUnit.MILLISECONDS);
        String sample = System.getenv("STARTUP_SAMPLE");
        if (sample != null && !sample.isBlank()) {
            FxSampler.stacks(java.nio.file.Path.of(sample + "." + ProcessHandle.current().pid()), content::get);
        }
        // Before launch, while nothing else touches the list: the window is caught inside its show().
        Window.getWindows().addListener((javafx.collections.ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(firstFrame::shown);
            }
        });
        if (ours) {
            // As Main starts the window: the settings read begins before the toolkit starts.
            ConsoleApp.launch(dev.incidentconsole.app.settings.LaunchOptions.fromSystem());
        } else {
            Application.launch(app);
        }
    }

    /** @param rows whether the content is a dashboard row's service name drawn, else the window's first frame */
    private static void look(boolean ours, boolean rows, AtomicBoolean content, AtomicLong statusesAt, long watchMs) {
        Window window = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (window == null || window.getScene() == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Node root = window.getScene().getRoot();
        if (!content.get() && (!rows || root.lookupAll(".service-name").stream().anyMatch(StartupProbe::showsText))) {
            content.set(true);
            // The content is in the scene graph now; it is on screen once this pulse has been rendered.
            window.getScene().addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    window.getScene().removePostLayoutPulseListener(this);
                    System.out.println("content " + System.currentTimeMillis());
                    // CPU time to the content, less noisy than wall time on a shared machine: the FX thread's (the
                    // probe's screen captures included, see first-frame-captures) and the whole process's.
                    System.out.println("cpu-fx " + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
                    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                        System.out.println("cpu-process " + os.getProcessCpuTime() / 1_000_000);
                    }
                    threadTimes();
                }
            });
            Platform.requestNextPulse();
        }
        if (content.get() && statusesAt.get() == 0 && (!ours || root.lookupAll(".status-word").stream()
                .anyMatch(n -> n instanceof Labeled l && STATUS_WORDS.contains(l.getText()) && n.isVisible()))) {
            statusesAt.set(now);
            System.out.println("statuses " + now);
            String callees = System.getProperty("startup.callees");
            if (callees != null && ours) {
                sampler = FxSampler.byKind(Thread.currentThread());
            }
        }
        if (statusesAt.get() > 0 && now - statusesAt.get() >= watchMs) {
            System.out.println("stall " + longestStall.get());
            System.out.println("stall-after-statuses " + longestStallAfterStatuses.get());
            System.out.println("stall-late " + longestStallLate.get());
            if (sampler != null) {
                writeCallees(Path.of(System.getProperty("startup.callees")));
            }
            System.out.flush();
            Runtime.getRuntime().halt(0); // the measurement is taken; no need to wait for a clean shutdown
        }
    }

    /**
     * With {@code STARTUP_THREADS=FILE}: every native thread's CPU time up to the content (the JIT compilers and the
     * collector too, which Java's thread beans do not see), from {@code /proc}, to {@code FILE.<pid>}.
     */
    private static void threadTimes() {
        String file = System.getenv("STARTUP_THREADS");
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]); // utime + stime, at 100 per second
                out.append(ticks * 10).append(' ').append(Files.readString(task.resolve("comm")).strip()).append('\n');
            }
            Files.writeString(Path.of(file + "." + ProcessHandle.current().pid()), out);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("cannot write the threads' times: " + e);
        }
    }

    /** Where the FX thread's time went from the first statuses on, for {@code -Dstartup.callees=FILE}. */
    private static void writeCallees(Path file) {
        try {
            Files.writeString(file, sampler.takeMillis() + "\n" + sampler.takeHotCallees(40) + "\n");
        } catch (java.io.IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private static boolean showsText(Node n) {
        return n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && n.isVisible();
    }
}
