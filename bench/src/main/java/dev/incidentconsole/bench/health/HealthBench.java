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
 * <p>Usage: {@code bench/run health.HealthBench [endpoints=500] [dead=50] [timeoutMs=1000] [seconds=60] [intervalS=5]}
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
            steady(specs, seconds);
        } finally {
            servers.destroy();
        }
    }

    private static void sweeps(List<ServiceSpec> specs, Duration timeout) throws Exception {
        try (HealthScheduler scheduler = HealthScheduler.builder().initialSpread(Duration.ofHours(1)).build()) {
            specs.forEach(s -> scheduler.watch(s.withInterval(Duration.ofHours(1))));
            scheduler.checkAll().get(1, TimeUnit.MINUTES); // warm-up: class loading, JIT
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

    private static void steady(List<ServiceSpec> specs, int seconds) throws Exception {
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
            Thread.sleep(10_000); // let the first round and the JIT settle
            long cpu0 = os.getProcessCpuTime();
            long checks0 = checks.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            long done = checks.get() - checks0;
            System.out.printf("steady polling: %d checks in %.0f s (%.0f/s); process CPU %.2f s = %.1f%% of one core"
                    + " (%.0f us per check)%n", done, wall, done / wall, cpu, 100 * cpu / wall, 1e6 * cpu / done);
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

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
