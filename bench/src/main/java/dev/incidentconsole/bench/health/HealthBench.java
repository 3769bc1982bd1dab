package dev.incidentconsole.bench.health;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HealthListener;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Health probing at scale: {@code endpoints} loopback services of which {@code dead} never answer.
 * Measures the wall time of one full sweep ({@code checkAll}, target at most 1.5 x the timeout) and the
 * prober's CPU time while polling every {@code interval} for {@code seconds}. Two thirds of the services
 * are HTTP GET /health, one third TCP connects; the servers run in a child JVM.
 *
 * <p>Usage: {@code bench/run health.HealthBench [endpoints=500] [dead=50] [timeoutMs=1000] [seconds=60] [intervalS=5]
 * [warmupS=60]}
 */
public final class HealthBench {
    private HealthBench() {
    }

    public static void main(String[] args) throws Exception {
        int endpoints = arg(args, 0, 500);
        int dead = arg(args, 1, 50);
        Duration timeout = Duration.ofMillis(arg(args, 2, 1000));
        int seconds = arg(args, 3, 60);
        Duration interval = Duration.ofSeconds(arg(args, 4, 5));
        Process servers = startServers(endpoints - dead, dead);
        try {
            List<ServiceSpec> specs = specs(servers, timeout, interval);
            System.out.printf("%d endpoints (%d never answer), timeout %d ms, %d cores%n", specs.size(), dead,
                    timeout.toMillis(), Runtime.getRuntime().availableProcessors());
            sweeps(specs, timeout);
            steady(specs, seconds, arg(args, 5, 60));
        } finally {
            servers.destroy();
        }
    }

    private static void sweeps(List<ServiceSpec> specs, Duration timeout) throws Exception {
        try (HealthScheduler scheduler = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build()) {
            specs.forEach(s -> scheduler.watch(s.withInterval(Duration.ofHours(1))));
            for (int i = 0; i < 3; i++) {
                scheduler.checkAll().get(1, TimeUnit.MINUTES); // warm-up: class loading, JIT
            }
            long[] ms = new long[5];
            List<ServiceStatus> last = List.of();
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                last = scheduler.checkAll().get(1, TimeUnit.MINUTES);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            Map<Status, Long> byStatus = last.stream().collect(Collectors.groupingBy(s -> s.last().status(),
                    Collectors.counting()));
            long timeouts = last.stream().filter(s -> s.last().reason().startsWith("timeout after")).count();
            System.out.printf("full sweep: median %d ms, min %d ms, max %d ms over %d sweeps (%.2f x timeout at max)%n",
                    ms[ms.length / 2], ms[0], ms[ms.length - 1], ms.length, ms[ms.length - 1] / (double) timeout.toMillis());
            System.out.printf("last sweep results: %s; %d timeouts%n", byStatus, timeouts);
        }
    }

    private static void steady(List<ServiceSpec> specs, int seconds, int warmup) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong checks = new AtomicLong();
        try (HealthScheduler scheduler = HealthScheduler.builder().build()) {
            scheduler.subscribe(new HealthListener() {
                @Override
                public void statusChanged(StatusChange change) {
                }

                @Override
                public void checked(ServiceStatus status) {
                    checks.incrementAndGet();
                }
            });
            scheduler.watchAll(specs);
            Thread.sleep(warmup * 1000L); // let the first rounds and the JIT compiler settle
            long[] ticks0 = procTicks();
            long jit0 = compilerTicks();
            long cpu0 = os.getProcessCpuTime();
            long checks0 = checks.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            long done = checks.get() - checks0;
            long[] ticks1 = procTicks();
            long jit1 = compilerTicks();
            System.out.printf("steady polling: %d checks in %.0f s (%.0f/s); process CPU %.2f s = %.1f%% of one core"
                    + " (%.0f us per check)%n", done, wall, done / wall, cpu, 100 * cpu / wall, 1e6 * cpu / done);
            if (ticks0 != null && ticks1 != null) {
                long user = ticks1[0] - ticks0[0];
                long sys = ticks1[1] - ticks0[1];
                System.out.printf("of which user %.0f%%, kernel %.0f%%, JIT compiler threads %.0f%% (/proc/self)%n",
                        100.0 * user / Math.max(1, user + sys), 100.0 * sys / Math.max(1, user + sys),
                        100.0 * (jit1 - jit0) / Math.max(1, user + sys));
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("heap in use after GC: %d MiB; live threads: %d%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, Thread.activeCount());
        }
    }

    private static List<ServiceSpec> specs(Process servers, Duration timeout, Duration interval) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(servers.getInputStream(), StandardCharsets.UTF_8));
        List<ServiceSpec> specs = new ArrayList<>();
        int i = 0;
        for (String line = in.readLine(); line != null && !line.equals("READY"); line = in.readLine()) {
            String[] kv = line.split(" ");
            int port = Integer.parseInt(kv[1]);
            String name = kv[0].toLowerCase() + "-" + port;
            ServiceSpec spec = i++ % 3 == 2 ? ServiceSpec.of(name, "127.0.0.1", port, new TcpSpec("127.0.0.1", port))
                    : ServiceSpec.of(name, "127.0.0.1", port, HttpSpec.get("http://127.0.0.1:" + port + "/health"));
            specs.add(spec.withInterval(interval).withTimeout(timeout));
        }
        return specs;
    }

    private static Process startServers(int live, int dead) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                BenchServers.class.getName(), Integer.toString(live), Integer.toString(dead))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Clock ticks used so far by the JIT compiler threads (Linux), else 0. */
    private static long compilerTicks() {
        long sum = 0;
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                if (java.nio.file.Files.readString(t.resolve("comm")).startsWith("C")
                        && java.nio.file.Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // not Linux, or a compiler thread ended while listing
        }
        return sum;
    }

    /** User and kernel clock ticks of this process on Linux, else {@code null}. */
    private static long[] procTicks() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
