package dev.incidentconsole.bench.startup;

import atlantafx.base.theme.PrimerLight;
import dev.incidentconsole.app.gui.dashboard.StatusPump;
import dev.incidentconsole.app.gui.dashboard.DashboardView;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthListener;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The dashboard refreshing, in one process and without a cold start: the real view model, scheduler and view
 * (virtualised list, cells, the detail pane and chart of the first live service, selected) for {@code services} TCP services on loopback, {@code dead} of them on a
 * closed port, checked every {@code interval} seconds, in a 1360x860 window of headless JavaFX (Monocle; the
 * software pipeline). The app's pump ({@link DashboardFeature#pump}) applies the news. For each refresh round
 * (one interval) it prints the FX thread's longest stall (a ping posted every 5 ms: how late it ran), what was
 * applied (checks, status changes, drains and their time), the longest layout pass, and where the FX thread's
 * busy time went by 1 ms stack samples.
 *
 * <p>Usage: {@code bench/run startup.DashboardRefreshBench [services=500] [dead=50] [rounds=8] [interval=2]};
 * {@code BENCH_OPTS=-Dbench.callees=true} also prints each round's hottest frames inside the kinds of work.
 */
public final class DashboardRefreshBench {
    private static final AtomicLong stall = new AtomicLong();
    private static final AtomicLong layoutMax = new AtomicLong();
    private static final AtomicInteger checks = new AtomicInteger();
    private static final Map<String, Integer> transitions = new java.util.concurrent.ConcurrentSkipListMap<>();

    private DashboardRefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = arg(args, 0, 500);
        int dead = arg(args, 1, 50);
        int rounds = arg(args, 2, 8);
        int interval = arg(args, 3, 2);
        if (System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x1000-32"); // the default screen is smaller than the window
        }
        Path work = Files.createTempDirectory("dashboard-bench");
        try (ServerSocket up = LoopbackServices.listening()) {
            Path envFile = LoopbackServices.environmentFile(work, services, dead, interval, up.getLocalPort());
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AtomicReference<Thread> fx = new AtomicReference<>();
            AtomicReference<StatusPump> pump = new AtomicReference<>();
            AtomicReference<DashboardViewModel> model = new AtomicReference<>();
            FxTaskExecutor executor = new FxTaskExecutor(2);
            Platform.runLater(() -> {
                fx.set(Thread.currentThread());
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                DashboardViewModel m = new DashboardViewModel(executor, HealthScheduler.builder().build(),
                        new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.app.settings.LaunchOptions.fromSystem().localUser());
                model.set(m);
                m.subscribe(counter());
                Stage stage = new Stage();
                Scene scene = new Scene(new DashboardView(m), 1360, 860);
                AtomicLong layoutStart = new AtomicLong();
                scene.addPreLayoutPulseListener(() -> layoutStart.set(System.nanoTime()));
                scene.addPostLayoutPulseListener(() -> layoutMax.accumulateAndGet(
                        (System.nanoTime() - layoutStart.get()) / 1_000_000, Math::max));
                stage.setScene(scene);
                stage.show();
                m.openEnvironmentFile(envFile, "bench");
                m.selectWhenShown(String.format(Locale.ROOT, "svc-%03d", dead)); // its detail and chart follow each check
                pump.set(new StatusPump(m));
                pump.get().start();
            });
            while (pump.get() == null) {
                Thread.sleep(10);
            }
            ScheduledExecutorService pinger = pinger();
            try (FxSampler sampler = FxSampler.byKind(fx.get())) {
                for (int round = 1; round <= rounds; round++) {
                    Thread.sleep(interval * 1000L);
                    report(round, pump.get(), sampler.takeMillis());
                    if (Boolean.getBoolean("bench.callees")) {
                        System.out.println("  hottest: " + sampler.takeHotCallees(12));
                    }
                    if (round == 3) {
                        Platform.runLater(() -> System.out.println("service cells: " + Window.getWindows().get(0).getScene()
                                .getRoot().lookupAll(".service-cell").stream()
                                .map(n -> String.format(Locale.ROOT, "%.0f", n.getBoundsInLocal().getHeight()))
                                .distinct().toList() + " px high"));
                    }
                }
            } finally {
                pinger.shutdownNow();
                Platform.runLater(() -> {
                    pump.get().stop();
                    model.get().close();
                });
            }
            System.out.printf(Locale.ROOT, "load average %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            executor.close();
            Platform.exit();
            System.exit(0); // the scheduler's and JavaFX's threads need not wind down for the figures
        }
    }

    private static void report(int round, StatusPump pump, Map<String, Double> busy) {
        StatusPump.Times drains = pump.takeTimes();
        double total = busy.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder split = new StringBuilder();
        busy.entrySet().stream().limit(8).forEach(e -> split.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue())));
        System.out.printf(Locale.ROOT, "round %d: stall %d ms; %d checks, status changes %s; %d drains %.1f ms (max %.1f); "
                        + "longest layout pass %d ms; FX busy %.0f ms: %s%n",
                round, stall.getAndSet(0), checks.getAndSet(0), takeTransitions(), drains.count(), drains.totalMs(),
                drains.maxMs(), layoutMax.getAndSet(0), total, split.length() > 2 ? split.substring(0, split.length() - 2) : "-");
    }

    private static String takeTransitions() {
        String out = transitions.toString();
        transitions.clear();
        return out;
    }

    private static HealthListener counter() {
        return new HealthListener() {
            @Override
            public void statusChanged(StatusChange change) {
                transitions.merge(change.from() + ">" + change.to(), 1, Integer::sum);
            }

            @Override
            public void checked(ServiceStatus status) {
                checks.incrementAndGet();
            }
        };
    }

    /** Posts a ping to the FX thread every 5 ms and records how late the latest one ran. */
    private static ScheduledExecutorService pinger() {
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ping");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean pending = new AtomicBoolean();
        pinger.scheduleAtFixedRate(() -> {
            if (!pending.compareAndSet(false, true)) {
                return; // the previous ping has not run yet: the stall is still growing
            }
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                pending.set(false);
                stall.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max);
            });
        }, 5, 5, TimeUnit.MILLISECONDS);
        return pinger;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
